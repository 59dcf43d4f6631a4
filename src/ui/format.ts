/**
 * Display formatting for readouts and chart hovers. Numbers keep ASCII signs and
 * exponents ("-1.23e-5") so a test or a curious user can parseFloat what they read.
 */
import type { RunView } from '../state/runsStore';

/** Missing value (not measured yet, or not applicable). */
export const MISSING = '—';

/**
 * Three significant digits; exponent form when the magnitude would need many zeros
 * (below 1e-3 or from 1e4 up), so every cell stays a few characters wide.
 */
export function formatNumber(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || Number.isNaN(v)) return MISSING;
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return formatExponent(v, digits);
  // 1000…9999: toPrecision would switch to "1.23e+3"; the rounded integer reads better.
  if (a >= 10 ** digits) return String(Math.round(v));
  return trimZeros(v.toPrecision(digits));
}

function formatExponent(v: number, digits: number): string {
  const [mantissa, exp] = v.toExponential(digits - 1).split('e');
  return `${trimZeros(mantissa!)}e${Number(exp)}`;
}

/** "0.500" → "0.5", "12.0" → "12"; integers without a point are left alone. */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Step counts: exact below 10 000, then "12.3k" / "1.23M" to fit a narrow column. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return MISSING;
  const a = Math.abs(n);
  if (a < 1e4) return String(Math.round(n));
  if (a < 1e6) return `${trimZeros((n / 1e3).toPrecision(3))}k`;
  return `${trimZeros((n / 1e6).toPrecision(3))}M`;
}

/** Plain words for basin ids the presets use; anything else falls back to its label. */
const BASIN_NAMES: Record<string, string> = {
  sharp: 'sharp minimum',
  flat: 'flat minimum',
  left: 'left basin',
  right: 'right basin',
};

/**
 * Where the run stands: a named basin, "between basins" on landscapes that have
 * basins, or MISSING when there is nothing to say (no measurement yet, or a
 * landscape without named basins).
 */
export function basinText(
  basin: string | null | undefined,
  measured: boolean,
  landscapeHasBasins: boolean,
  labels: Readonly<Record<string, string>> = {},
): string {
  if (!measured) return MISSING;
  if (basin) return labels[basin] ?? BASIN_NAMES[basin] ?? basin;
  return landscapeHasBasins ? 'between basins' : MISSING;
}

/** Run state in words, including where a diverged run blew up. */
export function stateText(run: Pick<RunView, 'state' | 'divergedAt' | 'error'>): string {
  if (run.error) return 'error';
  if (run.state === 'diverged')
    return run.divergedAt !== null ? `diverged at step ${formatCount(run.divergedAt)}` : 'diverged';
  return run.state;
}
