/**
 * What an N-D view's slice is, in words and numbers (from the worker's slice statistics):
 * which plane the surface shows, how much of the runs' movement lies in it, and how far
 * the runs leave it — so a reader knows the paths drawn on it are projections.
 */
import type { SurfaceData } from '../state/surfaceStore';
import { formatNumber } from '../ui/format';

export function sliceNote(s: NonNullable<SurfaceData['slice']>): string {
  const off = `the paths leave it by at most ${formatNumber(s.offSlice)} (they reach ${formatNumber(s.reach)} from the start)`;
  if (s.kind === 'path' && s.explained !== null)
    return `Slice through the start along the runs' two main directions: at least ${formatNumber(100 * s.explained)}% of each run's movement lies in it; ${off}.`;
  return `Slice through the start along two random directions; the paths are projected onto it: ${off}.`;
}

/** The note folded to one line: which plane, and how far the paths leave it. */
export function sliceSummary(s: NonNullable<SurfaceData['slice']>): string {
  const plane =
    s.kind === 'path' && s.explained !== null
      ? "the runs' two main directions"
      : 'two random directions';
  return `Slice along ${plane} · paths leave it by ≤ ${formatNumber(s.offSlice)}`;
}
