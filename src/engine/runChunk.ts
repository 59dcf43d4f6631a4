/**
 * Chunk storage for Run.advance: preallocated columnar arrays, trimmed to what was
 * recorded, so the worker can transfer them without copying.
 */
import type { MetricRecord } from './metrics';

export type RunStatus = 'running' | 'done' | 'diverged';

/**
 * What one `advance` call produced. Per-step series are columnar typed arrays so the
 * worker can transfer them without copying; positions are row-major (count × dim).
 */
export interface RunChunk {
  /** Recorded steps in this chunk (every `recordEvery`-th step, plus the last). */
  count: number;
  step: Float64Array;
  epoch: Float32Array;
  lr: Float32Array;
  batch: Float32Array;
  batchLoss: Float32Array;
  positions: Float32Array;
  metrics: MetricRecord[];
  status: RunStatus;
}

export type MutableChunk = Omit<RunChunk, 'metrics' | 'status'>;

export function allocChunk(cap: number, dim: number): MutableChunk {
  return {
    count: 0,
    step: new Float64Array(cap),
    epoch: new Float32Array(cap),
    lr: new Float32Array(cap),
    batch: new Float32Array(cap),
    batchLoss: new Float32Array(cap),
    positions: new Float32Array(cap * dim),
  };
}

export function trim(c: MutableChunk): MutableChunk {
  const n = c.count;
  const dim = n > 0 ? c.positions.length / c.step.length : 0;
  return {
    count: n,
    step: c.step.slice(0, n),
    epoch: c.epoch.slice(0, n),
    lr: c.lr.slice(0, n),
    batch: c.batch.slice(0, n),
    batchLoss: c.batchLoss.slice(0, n),
    positions: c.positions.slice(0, n * dim),
  };
}
