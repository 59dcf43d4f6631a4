/**
 * Notices about a link's values: what was typed is echoed cut short (a pasted paragraph
 * must not become a notice that runs off the screen), and no notice is longer than a line
 * or two whatever the engine's message says.
 */
const ECHO = 40;
const NOTICE = 200;

/** A raw URL value as a notice shows it: control characters as ?, cut at 40 characters. */
export function clipValue(raw: string): string {
  let flat = '';
  for (const ch of raw) {
    if (flat.length > ECHO) break;
    flat += ch < ' ' || ch === '\u007f' ? '?' : ch;
  }
  return flat.length > ECHO ? `${flat.slice(0, ECHO)}…` : flat;
}

export function clipNotice(text: string): string {
  return text.length > NOTICE ? `${text.slice(0, NOTICE)}…` : text;
}
