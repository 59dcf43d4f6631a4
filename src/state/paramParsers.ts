/**
 * Parsers for the views' URL values. Each throws an Error whose message completes
 * "Ignored key=raw: …", so a notice can say in plain words what was wrong.
 */
import { clipValue } from './urlNotice';

export function number(raw: string, lo: number, hi: number): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v))
    throw new Error(`"${clipValue(raw)}" is not a number`);
  if (v < lo || v > hi) throw new Error(`must be between ${lo} and ${hi}`);
  return v;
}
export function whole(raw: string, lo: number, hi: number): number {
  const v = number(raw, lo, hi);
  if (!Number.isInteger(v)) throw new Error(`"${clipValue(raw)}" is not a whole number`);
  return v;
}
function list(raw: string, parse: (s: string) => number, max: number): number[] {
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0) throw new Error('give at least one value');
  if (parts.length > max) throw new Error(`give at most ${max} values`);
  // Sorted and de-duplicated: axes are drawn in order, and a repeat would only cost time.
  return [...new Set(parts.map(parse))].sort((a, b) => a - b);
}
export const batchList = (raw: string, max = 12) => list(raw, (s) => whole(s, 1, 1 << 20), max);
export const lrList = (raw: string, max = 8) => list(raw, (s) => number(s, 1e-6, 1e4), max);
export function pair(raw: string, lo: number, hi: number): [number, number] {
  const [a, b, ...rest] = raw.split(',');
  if (rest.length || a === undefined || b === undefined) throw new Error('give two values, lo,hi');
  const p: [number, number] = [number(a, lo, hi), number(b, lo, hi)];
  if (!(p[0] < p[1])) throw new Error('the first value must be below the second');
  return p;
}
export const join = (xs: readonly number[] | null) => (xs ? xs.join(',') : '');

export function flag(raw: string): boolean {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false' || raw === '') return false;
  throw new Error('expected 0 or 1');
}
