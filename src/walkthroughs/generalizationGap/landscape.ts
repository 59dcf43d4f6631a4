/**
 * The generalization-gap walkthrough, part 1: the landscape — a convex bowl, train vs
 * test, sharp vs flat, and the two batch sizes ending in different basins.
 */
import type { WalkthroughStep } from '../types';
import { basinsText, finished, fmt, lossesText, testVerdict, trainVerdict } from '../live/runs';
import { ratioText } from '../../ui/views/viewFormat';

export const convexBowl: WalkthroughStep = {
  id: 'convex-bowl',
  title: 'A convex bowl: batch size is only noise',
  prose: [
    'Stochastic gradient descent (SGD) steps downhill along the gradient of a random minibatch of B training samples instead of the whole training set of N. Every loss here is a real average over a finite, seeded data set, so the minibatch noise is genuine sampling noise, not noise added for show.',
    'On a convex bowl there is one minimum and nowhere else to go. A small batch (B = 8) and the whole train set (B = N) start from the same point: the small batch zig-zags, the full batch slides down smoothly, and both end on the floor of the same bowl.',
    'How much noise a batch size brings is summed up by the noise scale g (Smith et al.): it grows as B shrinks and is exactly zero at B = N, where every step sees the whole set.',
  ],
  math: [
    'w_{t+1} = w_t - \\eta\\,\\frac{1}{B}\\sum_{i \\in \\mathcal{B}_t} \\nabla \\ell_i(w_t)',
    'g = \\epsilon\\left(\\frac{N}{B} - 1\\right), \\qquad \\epsilon = \\eta',
  ],
  setup: { preset: 'bowl', tab: 'explorer', camera: '3d', surface: 'both' },
  highlights: ['batch-slider', 'readout-noise', 'readout-train'],
  tryThis:
    'Drag the first run’s batch slider down to 1 and back up: the path gets noisier, the bowl’s floor stays where it is.',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    const noise = runs
      .map((r) => `${r.label} has g = ${fmt(r.last!.noiseScale)} (η = ${r.lr}, N = ${ctx.n})`)
      .join(', ');
    const spread =
      Math.max(...runs.map((r) => r.last!.trainLoss)) -
      Math.min(...runs.map((r) => r.last!.trainLoss));
    return `${noise}. They end at train loss ${runs.map((r) => fmt(r.last!.trainLoss)).join(' and ')} (${fmt(spread)} apart): a convex bowl has a single minimum to end in.`;
  },
};

export const trainVsTest: WalkthroughStep = {
  id: 'train-vs-test',
  title: 'Train and test: almost the same surface, shifted',
  prose: [
    'Now a landscape with two minima: a deep, narrow well and a shallower, wide one. The solid surface is the training loss; the wireframe is the loss on held-out test data.',
    'Each test sample is drawn like a training sample but moved by a small offset δ, so the test surface is the train surface shifted sideways (and slightly smoothed). The height between the two surfaces at a point is the generalization gap there.',
    'A shift hurts a narrow well far more than a wide one: move a narrow well by more than its own width and the point that was its bottom is on its wall.',
  ],
  math: [
    'L_{\\text{train}}(w) = \\frac{1}{N}\\sum_{i=1}^{N} \\ell(w - d_i), \\quad d_i \\sim \\mathcal{N}(0, s^2 I)',
    '\\text{gap}(w) = L_{\\text{test}}(w) - L_{\\text{train}}(w), \\quad d_i^{\\text{test}} \\sim \\mathcal{N}(\\delta, s^2 I)',
  ],
  setup: { preset: 'sharp-flat', tab: 'explorer', camera: '3d', surface: 'both' },
  highlights: ['surface-select', 'shift-slider', 'readout-gap'],
  tryThis:
    'Set Surface to “Gap” to colour the map by test − train, or drag the shift δ to 0 and watch the wireframe settle onto the surface.',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    return `At their end points: ${runs.map(lossesText).join('; ')}.`;
  },
};

export const sharpVsFlat: WalkthroughStep = {
  id: 'sharp-vs-flat',
  title: 'Sharp and flat: the Hessian’s eigenvalues',
  prose: [
    'How sharp a minimum is, is measured by the curvature of the loss there: the Hessian, the matrix of second derivatives. Its largest eigenvalue λ_max is the curvature along the steepest direction; a sharp minimum has a large λ_max, a flat one a small λ_max.',
    'Keskar et al. measure sharpness as the largest rise of the loss within a small box around the point (ε-sharpness); for a quadratic minimum it grows with the eigenvalues. The Keskar tab computes it.',
    'The sentence under this text gives each run’s λ_max at its end point (the explorer’s readouts list it too); the top view shows both wells from above.',
  ],
  math: [
    'H(w) = \\nabla^2 L(w), \\qquad \\lambda_{\\max} = \\max_{\\|v\\|=1} v^{\\top} H v',
    '\\phi_\\epsilon(w) = \\frac{100\\left(\\max_{|z_i| \\le \\epsilon(|w_i|+1)} L(w+z) - L(w)\\right)}{1 + L(w)}',
  ],
  setup: { preset: 'sharp-flat', tab: 'explorer', camera: 'top', surface: 'both' },
  highlights: ['readout-lambda-max', 'readout-basin'],
  tryThis:
    'Press T for the 3-D view and tilt it: the sharp well is a narrow spike, the flat one a wide dish. The ellipses at the minima have axes ∝ 1/√λ.',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    const parts = runs.map(
      (r) =>
        `${r.label} ends in the ${ctx.basinName(r.last!.basin)} with λ_max = ${fmt(r.last!.lambdaMax)}`,
    );
    const lams = runs.map((r) => r.last!.lambdaMax ?? NaN);
    const ratio = ratioText(Math.min(...lams), Math.max(...lams));
    return `${parts.join('; ')}${ratio && ratio !== '1×' ? ` — one curvature is ${ratio} the other` : ''}.`;
  },
};

export const smallVsLarge: WalkthroughStep = {
  id: 'small-vs-large',
  title: 'Small vs large batch: different basins',
  prose: [
    'Same start, same data, same number of epochs. The full batch follows the exact gradient and slides into the nearest well — here the sharp one. The small batch’s noise knocks it around: it can visit the sharp well and be thrown out of it, and the wide well holds it.',
    'The sharp well is deeper on train, so the large batch “wins” on the training loss. On the shifted test surface the order can flip. Whether it does depends on the shift being wider than the sharp well (here δ = 0.2 against an effective width of about 0.11); the caption says which happened.',
  ],
  setup: { preset: 'sharp-flat', tab: 'explorer', camera: '3d', surface: 'both' },
  highlights: ['caption', 'readout-basin', 'readout-test'],
  tryThis:
    'Press Reset, or change the seed: the small batch’s path changes, the full batch’s does not (its gradient has no noise).',
  live: (ctx) => {
    const runs = finished(ctx);
    if (!runs) return null;
    return `${basinsText(ctx, runs)}. ${trainVerdict(runs)} ${testVerdict(runs)}`;
  },
};
