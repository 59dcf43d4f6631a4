/**
 * Serialisation for the CLI's public output: JSON with plain numbers only (NaN and ±∞
 * become null, typed arrays become arrays) and CSV with empty cells for missing values.
 */

/** JSON text of `value`, one line, no non-finite numbers, typed arrays as plain arrays. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView))
      return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}

/**
 * The shortest decimal that reads back as the same float32. Trajectory columns are
 * float32 (frames are built for transfer); printing them as doubles would show noise
 * digits such as 0.009999999776482582 for a learning rate of 0.01.
 */
export function shortF32(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  for (let p = 1; p <= 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return y;
  }
  return x;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text: a header row, then one line per row (RFC 4180 quoting where needed). */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

/** Writes to stdout; the exit code is set by the caller (no process.exit, so pipes drain). */
export function emit(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/**
 * Fields that only some presets have (classification accuracies): present with a value for
 * the mlp preset, left out — not null — elsewhere, so the landscapes' JSON is exactly what it
 * was before the network lab existed.
 */
const PRESET_SPECIFIC = ['trainAccuracy', 'testAccuracy'] as const;

export function withoutInapplicable<T extends object>(o: T): T {
  const rec = o as Record<string, unknown>;
  if (!PRESET_SPECIFIC.some((k) => k in rec && rec[k] === null)) return o;
  const out = { ...rec };
  for (const k of PRESET_SPECIFIC) if (out[k] === null) delete out[k];
  return out as T;
}
