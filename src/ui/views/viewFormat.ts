/** Formatting shared by the science views' captions, tables and exports. */
import { formatNumber } from '../format';
import type { Summary } from '../../engine/stats';

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.max(0, Math.round(ms / 100) / 10)} s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms - m * 60_000) / 1000)} s`;
}

/**
 * "0.123 ± 0.004" (the ± is the 95% interval half-width), or just the mean. The
 * half-width is shown only to one decimal beyond the mean's own precision: a spread of
 * 7e-17 between seeds that all reach the same minimum is rounding, and reads "± 0".
 */
export function formatSummary(s: Summary | null | undefined, digits = 3): string {
  if (!s) return '—';
  const m = formatNumber(s.mean, digits);
  if (s.ci95 === null || !Number.isFinite(s.ci95)) return m;
  const decimals = /e/.test(m) ? null : (m.split('.')[1]?.length ?? 0) + 1;
  if (decimals !== null && Math.abs(s.ci95) < 0.5 * 10 ** -decimals) return `${m} ± 0`;
  return `${m} ± ${formatNumber(s.ci95, 2)}`;
}

export const percent = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(100 * x)}%`;

/** "1.8×" style ratios for captions, with a guard for signs and zeros. */
export function ratioText(a: number, b: number): string | null {
  if (!(Number.isFinite(a) && Number.isFinite(b)) || a <= 0 || b <= 0) return null;
  const r = b / a;
  return `${r >= 10 ? Math.round(r) : Math.round(r * 10) / 10}×`;
}

/** "B = 1024" with the whole-set batch marked. */
export const batchLabel = (b: number, n?: number): string =>
  n !== undefined && b === n ? `B = ${b} (N)` : `B = ${b}`;
