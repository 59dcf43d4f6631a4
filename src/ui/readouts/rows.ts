/**
 * What the readout table shows, one row per quantity: a short label, a one-sentence
 * plain-language explanation (the tooltip), and how to read it from a RunView.
 * Kept apart from the component so wording and formatting live in one place.
 */
import type { RunView } from '../../state/runsStore';
import { basinText, formatCount, formatNumber, MISSING } from '../format';
import { saddleCellText, saddleTime } from '../caption/saddleTime';

export interface BasinContext {
  /** The landscape has named basins, so "no basin" means "between basins". */
  hasBasins: boolean;
  /** The landscape names a saddle point, so "time near the saddle" applies. */
  hasSaddle?: boolean;
  /** The network lab (preset mlp): accuracies apply, basins do not. */
  network?: boolean;
  /** Basin id → the landscape's own name for it. */
  labels: Readonly<Record<string, string>>;
}

export interface Cell {
  text: string;
  /** Full-precision value, for tests and the tooltip. */
  value?: number | null;
}

export interface ReadoutRow {
  /** Used in data-testid="readout-<id>-<runId>". */
  id: string;
  label: string;
  tooltip: string;
  cell: (run: RunView, ctx: BasinContext) => Cell;
  /** Left out in presenter mode, where a short table leaves the chart room on a 720 px screen. */
  secondary?: boolean;
  /** Shown only where it applies (absent: always). */
  applies?: (ctx: BasinContext) => boolean;
}

const metric = (v: number | null | undefined): Cell => ({
  text: formatNumber(v),
  value: v ?? null,
});

export const READOUT_ROWS: readonly ReadoutRow[] = [
  {
    id: 'trainloss',
    label: 'train loss',
    tooltip:
      'Average loss over the whole training set at the current weights: what SGD is trying to push down.',
    cell: (r) => metric(r.last?.trainLoss),
  },
  {
    id: 'testloss',
    label: 'test loss',
    tooltip:
      'Average loss on held-out test data at the current weights: how well the model does on data it never trained on.',
    cell: (r) => metric(r.last?.testLoss),
  },
  {
    id: 'gap',
    label: 'gap',
    tooltip:
      'Generalization gap, test loss − train loss: how much worse the loss is on test data than on training data at this point. Negative when the point happens to sit lower on the test surface.',
    cell: (r) => metric(r.last?.gap),
  },
  {
    id: 'trainacc',
    label: 'train acc.',
    tooltip:
      'Fraction of the training points the network classifies as their (possibly flipped) train label, in inference mode.',
    applies: (ctx) => ctx.network === true,
    cell: (r) => metric(r.last?.trainAccuracy),
  },
  {
    id: 'testacc',
    label: 'test acc.',
    tooltip:
      'Fraction of the held-out test points (clean labels) the network classifies correctly: what generalization means here.',
    applies: (ctx) => ctx.network === true,
    cell: (r) => metric(r.last?.testAccuracy),
  },
  {
    id: 'lambdamax',
    label: 'λ_max',
    tooltip:
      'Sharpness: the largest curvature (top Hessian eigenvalue) of the training loss here; big means a sharp minimum, whose narrow well a shift of the surface can miss.',
    cell: (r) => metric(r.last?.lambdaMax),
  },
  {
    id: 'lambdamin',
    secondary: true,
    label: 'λ_min',
    tooltip:
      'Smallest curvature (lowest Hessian eigenvalue) here: negative means a direction that still goes downhill, as at a saddle.',
    cell: (r) => metric(r.last?.lambdaMin),
  },
  {
    id: 'noisescale',
    secondary: true,
    label: 'noise g',
    tooltip:
      'SGD noise scale g = η(N/B − 1)/(1 − momentum) (Smith et al.): larger g means noisier steps that can shake SGD out of sharp basins.',
    cell: (r) => metric(r.last?.noiseScale),
  },
  {
    id: 'bsimple',
    secondary: true,
    label: 'B_simple',
    tooltip:
      'Gradient noise scale tr(Σ)/|G|² (McCandlish et al.): roughly the batch size beyond which bigger batches stop helping, in samples.',
    cell: (r) => metric(r.last?.bSimple),
  },
  {
    id: 'basin',
    label: 'basin',
    applies: (ctx) => ctx.network !== true,
    tooltip:
      'Which minimum the weights are in right now: a sharp (narrow, steep) or a flat (wide) one, or between basins.',
    cell: (r, ctx) => ({
      text: basinText(r.last?.basin, r.last !== null, ctx.hasBasins, ctx.labels),
    }),
  },
  {
    id: 'saddle',
    label: 'at saddle',
    tooltip:
      'Time spent near the saddle point: the share of this run’s updates that ended inside the dashed circle around it, and (in brackets) how many. At equal epochs a large batch makes fewer updates, so the same number of updates near the saddle is a larger share of its training.',
    applies: (ctx) => ctx.hasSaddle === true,
    cell: (r) => {
      const t = saddleTime(r.last);
      return t ? { text: saddleCellText(t), value: t.share } : { text: MISSING, value: null };
    },
  },
  {
    id: 'distance',
    secondary: true,
    // No-break spaces: a formula is one word to the line breaker.
    label: '‖w\u00a0−\u00a0w₀‖',
    tooltip:
      'Straight-line distance the weights have travelled from where they started. On a random potential it grows only like log t, over the range of scales its bumps span (Hoffer et al.); on a flat landscape like √t.',
    cell: (r) => metric(r.last?.distance),
  },
  {
    id: 'step',
    secondary: true,
    label: 'step',
    tooltip:
      'Parameter updates done so far out of the updates this run will make (bigger batches make fewer updates per epoch).',
    cell: (r) => ({
      text: `${formatCount(r.steps)} / ${formatCount(r.plannedSteps)}`,
      value: r.steps,
    }),
  },
  {
    id: 'lr',
    secondary: true,
    label: 'lr η',
    tooltip:
      'Current learning rate η: the step size of each update (schedules and scaling rules may change it over time).',
    cell: (r) => ({ text: r.lr > 0 ? formatNumber(r.lr) : MISSING, value: r.lr }),
  },
  {
    id: 'batch',
    secondary: true,
    label: 'batch B',
    tooltip:
      'Current batch size B, in samples: how many training samples each gradient step averages over.',
    cell: (r) => ({ text: r.batch > 0 ? formatCount(r.batch) : MISSING, value: r.batch }),
  },
];
