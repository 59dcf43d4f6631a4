/**
 * The four small charts, as data: which metric series each draws, per run, and which
 * axes are logarithmic. ChartsPanel renders one LiveChart per entry.
 */
import type { MetricKey } from '../../state/buffers';

export type ChartId = 'loss' | 'accuracy' | 'gap' | 'distance' | 'lambda';

export interface ChartLine {
  key: MetricKey;
  /** Appended to the run label in the hover legend ("B = 8 test"). */
  suffix: string;
  /**
   * 'run' uses the run's own dash pattern (the shared legend). The loss chart instead
   * uses solid = train, dashed = test for every run, since two styles per run cannot
   * both follow the palette; colour still tells runs apart there.
   */
  dash: 'run' | number[];
  width: number;
}

export interface ChartDef {
  id: ChartId;
  title: string;
  /** A word or two for the presenter-mode chart picker. */
  short: string;
  /** One plain sentence: what the chart shows and how to read it. */
  tooltip: string;
  /** 'always' for the Hoffer distance plot (straight line ⇔ log t growth); else the "log x" toggle. */
  xLog: 'always' | 'toggle';
  yLog: boolean;
  lines: ChartLine[];
  /** Shown only for the network lab (accuracies exist only there). */
  networkOnly?: boolean;
}

export const CHARTS: readonly ChartDef[] = [
  {
    id: 'loss',
    short: 'Loss',
    title: 'Loss: train (solid) / test (dashed)',
    tooltip:
      'Full-split train and test loss at each measured step; the space between a run’s two lines is its generalization gap.',
    xLog: 'toggle',
    yLog: false,
    lines: [
      { key: 'trainLoss', suffix: 'train', dash: [], width: 2 },
      { key: 'testLoss', suffix: 'test', dash: [5, 4], width: 1.5 },
    ],
  },
  {
    id: 'accuracy',
    short: 'Accuracy',
    title: 'Accuracy: train (solid) / test (dashed)',
    tooltip:
      'Fraction of each split classified correctly at each measured step (train against its noisy labels, test against clean ones).',
    xLog: 'toggle',
    yLog: false,
    networkOnly: true,
    lines: [
      { key: 'trainAccuracy', suffix: 'train', dash: [], width: 2 },
      { key: 'testAccuracy', suffix: 'test', dash: [5, 4], width: 1.5 },
    ],
  },
  {
    id: 'gap',
    short: 'Gap',
    title: 'Generalization gap (test − train)',
    tooltip:
      'How much worse each run does on test data than on training data as training goes on; lower is better.',
    xLog: 'toggle',
    yLog: false,
    lines: [{ key: 'gap', suffix: '', dash: 'run', width: 2 }],
  },
  {
    id: 'distance',
    short: 'Distance',
    title: 'Distance from start ‖w_t − w_0‖ (log step)',
    tooltip:
      'How far the weights are from where they started, against log step: a straight line means ultra-slow log t diffusion (Hoffer et al.).',
    xLog: 'always',
    yLog: false,
    lines: [{ key: 'distance', suffix: '', dash: 'run', width: 2 }],
  },
  {
    id: 'lambda',
    short: 'λ_max',
    title: 'Sharpness λ_max (log scale)',
    tooltip:
      'Largest Hessian eigenvalue of the train loss where each run is: high values mean the run sits in a sharp basin.',
    xLog: 'toggle',
    yLog: true,
    lines: [{ key: 'lambdaMax', suffix: '', dash: 'run', width: 2 }],
  },
];
