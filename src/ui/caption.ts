/** The one-line, plain-language caption: what the runs are doing right now. */
import type { PresetId } from '../engine/config';
import type { RunView } from '../state/runsStore';

const BASIN_WORDS: Record<string, string> = {
  sharp: 'the sharp minimum',
  flat: 'the flat minimum',
  left: 'the left basin',
  right: 'the right basin',
};

export function caption(preset: PresetId, runs: RunView[]): string {
  const ended = runs.length > 0 && runs.every((r) => r.state === 'done' || r.state === 'diverged');
  if (!ended) {
    switch (preset) {
      case 'sharp-flat':
        return 'Same start, same data: a small batch (noisy steps) races a large batch. Drag the batch size and watch where each one settles.';
      case 'bowl':
        return 'A convex bowl: every batch size reaches the same minimum; small batches just wobble more on the way.';
      case 'saddle':
        return 'Starting above a saddle: noise tips small batches off it quickly, large batches linger.';
      case 'random-potential':
        return 'A rough random landscape whose bumps grow with distance: with a small batch SGD wanders off, its distance from the start growing only like log t (the Diffusion tab measures it); with a large one it may stay trapped.';
      case 'quadratic-nd':
        return 'A many-dimensional quadratic seen through a 2-D slice: raise the learning rate past 2/λ_max and it diverges.';
    }
  }
  const parts = runs.map((r) => {
    if (r.state === 'diverged') return `${r.label} diverged`;
    const basin = r.last?.basin ? (BASIN_WORDS[r.last.basin] ?? r.last.basin) : 'between basins';
    const gap = r.last ? r.last.gap.toFixed(3) : '–';
    return preset === 'sharp-flat' || preset === 'saddle'
      ? `${r.label} ended in ${basin} (gap ${gap})`
      : `${r.label}: gap ${gap}`;
  });
  return (
    parts.join(' · ') +
    (preset === 'sharp-flat' ? '. Sharp minima look deeper on train but pay on test.' : '.')
  );
}
