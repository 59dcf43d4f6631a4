/**
 * The network lab's message payloads (kept apart from protocol.ts so that file stays a list
 * of message kinds): data points, decision-boundary grids and the slice surface's context.
 */

/** Which run's weights the slice is centred on, along which directions, at what resolution. */
export interface NetSliceSetting {
  directions: 'filter' | 'pca';
  /** Run id of the run whose current weights centre the slice. */
  focus: string;
  /** Grid points per side: 2^k + 1 (coarse to fine). */
  res: number;
}

export interface NetSliceInfo {
  focus: string;
  /** What the slice is really along: PCA needs ≥ 3 recorded points, so it starts as 'filter'. */
  directions: 'filter' | 'pca';
  /** Step of the focus run whose weights are the centre, and whether the run had ended. */
  step: number;
  ended: boolean;
  /** PCA: fractions of the trajectory's variance along d1 and d2. */
  explained: [number, number] | null;
  /** Fraction of the grid evaluated (the rest is interpolated from the coarser level). */
  progress: number;
  /** Identifies one slice (its snapshots share it); a new one re-projects the paths. */
  sliceId: number;
  /**
   * With the first snapshot of a new slice: every run's path so far, re-projected onto it
   * (scene coordinates), and its start; `count` must match the points the main thread holds.
   * `gen`: the run's generation (see protocol.ts), so a restarted run never gets the old path.
   */
  paths?: {
    runId: string;
    gen: number;
    count: number;
    xy: Float32Array;
    start: [number, number];
  }[];
}

export interface NetData {
  classes: number;
  /** Inputs row-major (n × 2) and labels of both splits. */
  trainX: Float32Array;
  trainY: Uint8Array;
  testX: Float32Array;
  testY: Uint8Array;
  /** Train samples whose label noise flipped. */
  flipped: Uint32Array;
  /** The input-space box the boundary grids cover. */
  box: { lo: [number, number]; hi: [number, number] };
}

export interface NetBoundary {
  step: number;
  nx: number;
  ny: number;
  classes: number;
  /** Class probabilities, (iy·nx + ix)·classes + k, inference mode. */
  probs: Float32Array;
}
