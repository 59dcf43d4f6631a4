/**
 * Non-reactive per-run frame buffers. The worker's frames are appended here and the
 * scene and charts read them in their own animation loops; nothing here triggers a
 * React render. Positions are preallocated so the scene can use a draw range over
 * one GPU buffer instead of re-uploading whole geometries. Each recorded point also keeps
 * its epoch, learning rate, batch size and minibatch loss (float32, as the frames carry
 * them) for the exports: 16 bytes a point, 1.6 MB for a run at MAX_POINTS.
 */
import type { MetricRecord } from '../engine/metrics';
import type { FrameData } from '../worker/protocol';

export const METRIC_KEYS = [
  'trainLoss',
  'testLoss',
  'gap',
  'distance',
  'gradNorm',
  'lambdaMax',
  'lambdaMin',
  'noiseScale',
  'bSimple',
  'saddleSteps',
] as const;
/** Network lab only (null for the landscapes): kept apart so exports add them only for networks. */
export const ACCURACY_KEYS = ['trainAccuracy', 'testAccuracy'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number] | (typeof ACCURACY_KEYS)[number];
const SERIES_KEYS = [...METRIC_KEYS, ...ACCURACY_KEYS] as const;

/** The per-point columns besides position and step, as in a frame. */
export const POINT_KEYS = ['epoch', 'lr', 'batch', 'batchLoss'] as const;
export type PointKey = (typeof POINT_KEYS)[number];

export class RunBuffer {
  /** Scene coordinates (x, y) per recorded step; capacity grows by doubling. */
  positions: Float32Array;
  steps: Float64Array;
  /** Per recorded point: epoch (fractional), learning rate, batch size, minibatch loss. */
  points: Record<PointKey, Float32Array>;
  count = 0;
  start: number[] | null = null;
  /** Network lab: hash of the whole trajectory's state vectors, once the run has ended. */
  netHash: string | null = null;
  /** Largest distance of a recorded point from the N-D slice plane (0 in 2-D). */
  offSlice = 0;
  /** Bumped on every append; readers compare it to skip unchanged frames. */
  version = 0;
  /** Bumped when the buffer is reallocated; readers rebuild GPU buffers then. */
  capacityVersion = 0;
  /** Metric series at full-split measurement points. */
  readonly metricSteps: number[] = [];
  /** Epoch (fractional) of each full-split measurement. */
  readonly metricEpochs: number[] = [];
  readonly series: Record<MetricKey, (number | null)[]>;
  readonly basins: (string | null)[] = [];
  last = { step: 0, epoch: 0, lr: 0, batch: 0, batchLoss: NaN };

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.positions = new Float32Array(cap * 2);
    this.steps = new Float64Array(cap);
    this.points = allocPoints(cap);
    this.series = Object.fromEntries(SERIES_KEYS.map((k) => [k, []])) as unknown as Record<
      MetricKey,
      (number | null)[]
    >;
  }

  get capacity(): number {
    return this.steps.length;
  }

  append(frame: FrameData, metrics: MetricRecord[]): void {
    const n = frame.count;
    if (this.count + n > this.capacity) this.grow(this.count + n);
    this.positions.set(frame.positions.subarray(0, n * 2), this.count * 2);
    this.steps.set(frame.step.subarray(0, n), this.count);
    for (const k of POINT_KEYS) this.points[k].set(frame[k].subarray(0, n), this.count);
    this.count += n;
    if (n > 0) {
      const i = n - 1;
      this.last = {
        step: frame.step[i]!,
        epoch: frame.epoch[i]!,
        lr: frame.lr[i]!,
        batch: frame.batch[i]!,
        batchLoss: frame.batchLoss[i]!,
      };
    }
    for (const m of metrics) {
      this.metricSteps.push(m.step);
      this.metricEpochs.push(m.epoch);
      for (const k of SERIES_KEYS) this.series[k].push(m[k]);
      this.basins.push(m.basin);
    }
    this.version++;
  }

  lastMetric(): MetricRecord | null {
    const i = this.metricSteps.length - 1;
    if (i < 0) return null;
    const rec = {
      step: this.metricSteps[i]!,
      epoch: this.metricEpochs[i]!,
      basin: this.basins[i] ?? null,
    } as Record<string, unknown>;
    for (const k of SERIES_KEYS) rec[k] = this.series[k][i];
    return rec as unknown as MetricRecord;
  }

  /**
   * Network lab: the path re-projected onto a new slice (the same points, new scene
   * coordinates). Ignored unless it covers exactly the points held, so a reply that crossed
   * a restart cannot scramble a new run's path.
   */
  reproject(xy: Float32Array, count: number, start: [number, number]): boolean {
    if (count !== this.count) return false;
    this.positions.set(xy.subarray(0, 2 * count));
    this.start = start;
    // Readers redraw whole lines when the capacity version moves.
    this.capacityVersion++;
    this.version++;
    return true;
  }

  /** Last recorded scene position, or the start. */
  head(): [number, number] | null {
    if (this.count > 0)
      return [this.positions[2 * this.count - 2]!, this.positions[2 * this.count - 1]!];
    return this.start ? [this.start[0]!, this.start[1]!] : null;
  }

  private grow(need: number): void {
    let cap = this.capacity;
    while (cap < need) cap *= 2;
    const p = new Float32Array(cap * 2);
    p.set(this.positions.subarray(0, this.count * 2));
    const s = new Float64Array(cap);
    s.set(this.steps.subarray(0, this.count));
    const points = allocPoints(cap);
    for (const k of POINT_KEYS) points[k].set(this.points[k].subarray(0, this.count));
    this.positions = p;
    this.steps = s;
    this.points = points;
    this.capacityVersion++;
  }
}

function allocPoints(cap: number): Record<PointKey, Float32Array> {
  return Object.fromEntries(POINT_KEYS.map((k) => [k, new Float32Array(cap)])) as Record<
    PointKey,
    Float32Array
  >;
}

/** All live runs' buffers, keyed by run id. */
export const runBuffers = new Map<string, RunBuffer>();
