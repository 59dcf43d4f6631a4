/**
 * The network lab's slice in words: whose weights at which step centre it, along which
 * directions, how far it is computed, and which BatchNorm statistics every point uses.
 */
import type { NetSliceInfo } from '../worker/protocol';
import { formatCount, formatNumber } from '../ui/format';

/** The note folded to one line: whose weights, and how far the grid is computed. */
export function netSliceSummary(s: NetSliceInfo, label: string): string {
  const when = s.ended ? 'final weights' : `weights at step ${formatCount(s.step)}`;
  const progress = s.progress < 1 ? ` · ${Math.round(100 * s.progress)}% computed` : '';
  return `Slice around ${label}'s ${when}${progress}`;
}

export function netSliceNote(s: NetSliceInfo, label: string): string {
  const when = s.ended
    ? `final weights (step ${formatCount(s.step)})`
    : `weights at step ${formatCount(s.step)}`;
  const along =
    s.directions === 'pca' && s.explained
      ? `the top-2 PCA directions of its path (${formatNumber(100 * s.explained[0])}% and ${formatNumber(100 * s.explained[1])}% of its variance)`
      : 'two filter-normalised random directions (Li et al., 2018)';
  const progress =
    s.progress < 1
      ? ` Refining: ${Math.round(100 * s.progress)}% of the grid computed, the rest interpolated.`
      : '';
  return `Slice through ${label}'s ${when} along ${along}; every run's path is projected onto it. Each point is a full-split loss in inference mode, with the BatchNorm running statistics of the centre.${progress}`;
}
