/**
 * The generalization-gap walkthrough, part 3: the remedies, each run live where it can be
 * watched, then all side by side over seeds, then Ghost BN on a real network.
 */
import type { WalkthroughStep } from '../types';
import { basinsText, finished, fmt, testVerdict, updatesText } from '../live/runs';
import { remediesCaption } from '../../ui/views/remedies/remediesCaption';

const basinsAndTest: WalkthroughStep['live'] = (ctx) => {
  const runs = finished(ctx);
  return runs ? `${basinsText(ctx, runs)}. ${testVerdict(runs)}` : null;
};

export const warmUp: WalkthroughStep = {
  id: 'warm-up',
  title: 'Remedy: a high learning rate early (warm-up)',
  prose: [
    'A sharp well is only stable for small steps: gradient descent on curvature λ overshoots and bounces out once η·λ passes 2. A learning rate that is high early makes the sharp well unstable for the large batch too, while the wide well (small λ) still holds it.',
    'Here both runs ramp their learning rate up over the first 10% of training to 5 × η (0.05) and hold it there. The readouts’ “lr η” row shows the rate of each run’s latest step.',
  ],
  math: ['|1 - \\eta\\lambda| < 1 \\iff \\eta < 2/\\lambda'],
  setup: {
    preset: 'sharp-flat',
    config: { lrSchedule: { kind: 'warmup', fraction: 0.1, peak: 5 } },
    compare: { field: 'batch', values: [8, 1024] },
    tab: 'explorer',
    camera: '3d',
  },
  highlights: ['lr-schedule', 'readout-lr', 'readout-basin'],
  tryThis:
    'Set the peak back to 1 (Batch & schedules): the full batch falls into the sharp well again. Or choose the “step” schedule: high for the first half, then lower.',
  live: basinsAndTest,
};

export const lrScaling: WalkthroughStep = {
  id: 'lr-scaling',
  title: 'Remedy: scale the learning rate with the batch',
  prose: [
    'A bigger batch averages away noise; a bigger learning rate puts some back. Keeping the noise scale g equal needs η to grow linearly with B; the square-root rule grows it more gently.',
    'Here the learning rate is scaled by √(B / 16): B = 16 keeps η = 0.01 and the full batch steps with √64 = 8 times that. The linear rule would give it 64 times — past the stability bound of the wells.',
  ],
  math: [
    '\\eta_B = \\eta\\sqrt{B / B_{\\text{ref}}} \\quad\\text{or}\\quad \\eta_B = \\eta\\,B / B_{\\text{ref}}',
  ],
  setup: {
    preset: 'sharp-flat',
    config: { lrScaling: 'sqrt', refBatch: 16 },
    compare: { field: 'batch', values: [16, 1024] },
    tab: 'explorer',
    camera: '3d',
  },
  highlights: ['lr-scaling', 'readout-lr', 'readout-test'],
  tryThis: 'Switch LR scaling to “linear” and watch the full batch’s loss.',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    const lrs = runs.map((r) => `${r.label} at η = ${fmt(r.lr)}`).join(', ');
    return `${lrs}. ${basinsText(ctx, runs)}. ${testVerdict(runs)}`;
  },
};

export const regimeAdaptation: WalkthroughStep = {
  id: 'regime-adaptation',
  title: 'Remedy: train longer (regime adaptation)',
  prose: [
    'Hoffer et al.’s answer to slow diffusion: give the large batch as many updates as the small one, by multiplying its epochs by B / B_ref. Here both runs use the full batch; the second is regime-adapted.',
    'Watch whether more updates help when the steps have no noise at all: a full-batch step is the exact gradient, the same in every epoch.',
  ],
  setup: {
    preset: 'sharp-flat',
    config: { batch: 1024 },
    compare: { field: 'regimeAdaptation', values: [false, true] },
    tab: 'explorer',
    camera: '3d',
  },
  highlights: ['readout-basin', 'readout-test'],
  tryThis:
    'Set the comparison’s batch size lower (e.g. B = 64 in the Optimizer section): then the extra updates carry noise.',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    return `${runs.map(updatesText).join(', ')}. ${basinsText(ctx, runs)}. ${testVerdict(runs)}`;
  },
};

export const growingBatch: WalkthroughStep = {
  id: 'growing-batch',
  title: 'Remedy: start small, grow the batch',
  prose: [
    'Smith et al.: instead of decaying the learning rate, grow the batch. Early, noisy small-batch steps choose the basin; later large-batch steps are cheap and calm.',
    'Here the batch is multiplied by 4 at 10%, 20% and 30% of training, up to 1024. The first run starts at B = 16 and reaches 1024; the second starts at 1024, already at the cap, so the schedule changes nothing for it — it is the plain large batch.',
  ],
  setup: {
    preset: 'sharp-flat',
    config: { batchSchedule: { kind: 'grow', milestones: [0.1, 0.2, 0.3], factor: 4, cap: 1024 } },
    compare: { field: 'batch', values: [16, 1024] },
    tab: 'explorer',
    camera: '3d',
  },
  highlights: ['batch-schedule', 'readout-batch', 'readout-basin'],
  tryThis:
    'Move the first milestone later (Batch & schedules) and see how long the small batch needs to choose its basin.',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    const batches = runs.map((r) => `${r.label} ends at batch ${r.batch}`).join(', ');
    return `${batches}. ${basinsText(ctx, runs)}. ${testVerdict(runs)}`;
  },
};

export const allRemedies: WalkthroughStep = {
  id: 'remedies-side-by-side',
  title: 'All remedies, over seeds',
  prose: [
    'One run per recipe could be luck. The Remedies tab runs every recipe from the same seeded random starts and judges each by its test loss against the small and the large batch, with 95% intervals.',
    'This step uses 6 seeds so it ends quickly; at so few seeds, intervals are wide. “Fixed” means as good as the small batch on test; a recipe whose train loss stays high “did not train”.',
  ],
  setup: {
    preset: 'sharp-flat',
    tab: 'remedies',
    camera: '3d',
    viewParams: { remedies: { small: 16, large: null, seeds: 6 } },
  },
  highlights: ['remedies-table'],
  tryThis: 'Raise the seeds to 40 and press Run for tighter intervals.',
  live: (ctx) => (ctx.remedies ? remediesCaption(ctx.remedies) : null),
};

export const ghostBn: WalkthroughStep = {
  id: 'ghost-bn',
  title: 'Ghost BatchNorm on a real network',
  prose: [
    'The last remedy needs a network: a small MLP (2 → 32 → 32 → 2, ReLU, BatchNorm) learning two noisy moons with 20% of its 128 training labels flipped. Batch normalization standardises each layer with its batch’s mean and variance; Ghost BN (Hoffer et al.) does it per “ghost batch” of v samples, so a large batch gets the noisier statistics of small ones.',
    'Here v = 16: for B = 16 that is ordinary BN; the full batch (B = 128) is normalised in eight ghost batches per step. Losses here are cross-entropy. Over 20 seeds at these defaults (1000 epochs), Ghost BN alone did not bring the full batch’s test accuracy back to B = 16’s (the README’s network-lab table): it targets the gap from too few updates, which this network shows in a shorter regime.',
  ],
  setup: {
    preset: 'mlp',
    config: { network: { ghostBatch: 16 } },
    compare: { field: 'batch', values: [16, 128] },
    tab: 'explorer',
    camera: '3d',
  },
  highlights: ['readout-test', 'readout-train'],
  tryThis:
    'Set the first run’s batch to 64 (four ghost batches per step; v must divide every batch size): where does its test loss land?',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    const acc = runs
      .map((r) =>
        r.last!.testAccuracy === null
          ? `${r.label}: test loss ${fmt(r.last!.testLoss)}`
          : `${r.label}: test loss ${fmt(r.last!.testLoss)}, test accuracy ${fmt(100 * r.last!.testAccuracy)}%`,
      )
      .join('; ');
    return `With ghost batches of 16 — ${acc}. ${testVerdict(runs)}`;
  },
};
