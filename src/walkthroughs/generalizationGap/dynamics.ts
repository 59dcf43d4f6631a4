/**
 * The generalization-gap walkthrough, part 2: why the batches end apart — the same over
 * many seeds, saddles, and the slow diffusion of SGD on a random potential.
 */
import type { WalkthroughStep } from '../types';
import { finished } from '../live/runs';
import { formatShare, saddleTime } from '../../ui/caption/saddleTime';
import { formatCount } from '../../ui/format';
import { formatSummary, percent } from '../../ui/views/viewFormat';
import { compareMeans } from '../../ui/views/verdict';
import { diffusionCaption } from '../../ui/views/diffusion/diffusionCaption';

export const manySeeds: WalkthroughStep = {
  id: 'many-seeds',
  title: 'Many seeds: statistics, not an anecdote',
  prose: [
    'One pair of runs is an anecdote. The batch sweep runs the same experiment from many random starts (one per seed) for each batch size, at the same number of epochs, and counts where they end.',
    'This step runs 16 seeds of B = 16 and of the full batch, so it ends quickly; the ± values are 95% intervals, and two results differ only when their intervals do not overlap. The flat fraction is the share of runs that ended in the wide basin.',
  ],
  setup: {
    preset: 'sharp-flat',
    tab: 'sweep',
    camera: '3d',
    viewParams: { sweep: { batches: [16, 1024], seeds: 16, seedStart: 1, lrs: null } },
  },
  highlights: ['sweep-table', 'sweep-caption'],
  tryThis:
    'Type more batch sizes (e.g. 16,64,256,1024) or more seeds into the fields above the charts and press Run.',
  live: (ctx) => {
    const rows = ctx.sweep;
    if (!rows || rows.length < 2) return null;
    const small = rows[0]!;
    const large = rows[rows.length - 1]!;
    const row = (r: (typeof rows)[number]) =>
      `B = ${r.batch}: ${percent(r.flatFraction)} of ${r.runs} runs flat, test loss ${formatSummary(r.finalTestLoss)}`;
    const order = compareMeans(large.finalTestLoss, small.finalTestLoss);
    const verdict =
      order === 'higher'
        ? `the large batch is worse on test, with the intervals apart`
        : order === 'lower'
          ? `the large batch is better on test here`
          : `the two are not told apart on test at this number of seeds`;
    return `${row(small)}; ${row(large)} — ${verdict}.`;
  },
};

export const saddles: WalkthroughStep = {
  id: 'saddles',
  title: 'Saddles: where large batches linger',
  prose: [
    'A saddle point is flat in one direction and curved up and down in others; the gradient vanishes there, so gradient descent slows to a crawl before it finds the way down.',
    'Leaving a saddle takes a number of updates, and at the same number of epochs a larger batch makes fewer updates. So a large batch spends a bigger share of its training near the saddle. The “at saddle” readout counts the updates that ended inside the dashed circle.',
  ],
  setup: { preset: 'saddle', tab: 'explorer', camera: 'top', surface: 'train' },
  highlights: ['readout-saddle', 'caption', 'regime-check'],
  tryThis:
    'Tick “regime adaptation” under Batch & schedules: each run’s epochs are multiplied by B / B_ref, so the full batch makes many more updates — watch its share near the saddle.',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    const parts = runs.map((r) => {
      const t = saddleTime(r.last);
      return t
        ? `${r.label} spent ${formatShare(t.share)} of its ${formatCount(t.total)} updates near the saddle (${formatCount(t.steps)})`
        : `${r.label} has no saddle count`;
    });
    return `${parts.join('; ')}.`;
  },
};

export const diffusion: WalkthroughStep = {
  id: 'diffusion-log-t',
  title: 'A random walk on a random potential: log t',
  prose: [
    'Hoffer et al. picture SGD as a random walk on a random landscape. On a flat floor a random walk’s distance from its start grows like √t. On a potential whose bumps grow with distance, each new stretch is harder to cross, and the distance grows only like log t — “ultra-slow diffusion”.',
    'Then the number of updates, not the number of epochs, decides how far the weights travel: a large batch makes fewer updates in the same epochs and stays closer to its start. The view fits both laws to the mean distance and shows the local exponent p(t) = d ln D / d ln t: constant for a power law, falling for log growth.',
    'This step runs 32 landscapes for 5 000 steps (B = 1, η = 2) against a flat baseline, so it ends in well under a minute; the Diffusion tab’s own default (64 landscapes, 20 000 steps) is steadier.',
  ],
  math: [
    '\\|w_t - w_0\\| \\approx a\\,\\ln t + b \\quad \\text{vs} \\quad c\\,t^{p}',
    'p(t) = \\frac{d \\ln \\|w_t - w_0\\|}{d \\ln t}',
  ],
  setup: {
    preset: 'random-potential',
    tab: 'diffusion',
    camera: '3d',
    viewParams: {
      diffusion: { batches: [1], lrs: [2], seeds: 32, steps: 5000, flat: true, fitRange: null },
    },
  },
  highlights: ['diffusion-table', 'diffusion-caption'],
  tryThis:
    'Add a batch size (e.g. 1,16) and press Run: at the same η, B = 16’s walk stalls in the potential’s traps.',
  live: (ctx) =>
    ctx.diffusion ? diffusionCaption(ctx.diffusion.curves, ctx.diffusion.fitRange) : null,
};
