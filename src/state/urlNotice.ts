/**
 * Notices about a link's values: what was typed is echoed cut short (a pasted paragraph
 * must not become a notice that runs off the screen), and no notice is longer than a line
 * or two whatever the engine's message says.
 */
const ECHO = 40;
const NOTICE = 200;

/**
 * Characters a notice never echoes: C0/C1 controls and DEL (line breaks, escapes), and the
 * bidirectional overrides and isolates, which could make an echoed value read backwards
 * and re-order the notice's own words around it.
 */
function hidden(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/**
 * A raw URL value as a notice shows it: hidden characters as ?, cut at 40 characters
 * (code points, so a cut never splits an emoji's surrogate pair) and marked with ….
 */
export function clipValue(raw: string): string {
  const out: string[] = [];
  for (const ch of raw) {
    if (out.length > ECHO) break;
    out.push(hidden(ch) ? '?' : ch);
  }
  return out.length > ECHO ? `${out.slice(0, ECHO).join('')}…` : out.join('');
}

export function clipNotice(text: string): string {
  const chars = [...text.slice(0, 2 * NOTICE + 2)];
  return chars.length > NOTICE ? `${chars.slice(0, NOTICE).join('')}…` : text;
}
