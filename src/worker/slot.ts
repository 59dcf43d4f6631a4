/**
 * One run as the worker's Runner holds it (a slot), and the frame message that carries what
 * the run computed since its last frame: the trajectory projected onto the view's plane (or,
 * for a network, onto its slice), the measurements, the run's state and, on the first frame,
 * its start point.
 */
import type { RunChunk, Run } from '../engine/run';
import { frameTransferables, type FrameData, type FromWorker, type RunState } from './protocol';
import { startXY, type Projector } from './surfaces';

export interface Slot {
  id: string;
  /** Generation of this start of the run id: on every message about it (see protocol.ts). */
  gen: number;
  input: Record<string, unknown>;
  sliceOf: unknown[] | undefined;
  run: Run;
  project: Projector;
  state: RunState;
  seq: number;
  acked: number;
  /** Steps the playback clock says should be done by now. */
  target: number;
  msPerStep: number;
  sentStart: boolean;
  pendingSteps: number;
  /** Chunks computed while the run's frames waited for acks (see backlog.ts). */
  backlog: RunChunk[];
}

/**
 * The frame message for `chunk` (call after bumping s.seq). `netXY`: the network's path on its
 * slice (null for a landscape, which s.project places); `netHash`: the network's trajectory
 * hash once the run has ended.
 */
export function frameMessage(
  s: Slot,
  chunk: RunChunk,
  netXY: Float32Array | null,
  netHash: string | undefined,
): { message: FromWorker; transfer: ArrayBuffer[] } {
  const projected = netXY ? { xy: netXY, offSlice: 0 } : s.project(chunk.positions, chunk.count);
  const frame: FrameData = {
    count: chunk.count,
    step: chunk.step,
    epoch: chunk.epoch,
    lr: chunk.lr,
    batch: chunk.batch,
    batchLoss: chunk.batchLoss,
    positions: projected.xy,
  };
  const message: FromWorker = {
    type: 'frame',
    runId: s.id,
    gen: s.gen,
    seq: s.seq,
    frame,
    metrics: chunk.metrics,
    state: s.state,
    steps: s.run.steps,
    progress: s.run.progress(),
    plannedSteps: s.run.plannedSteps(),
    dim: s.run.dim,
    start: s.sentStart ? undefined : Array.from(s.run.w0),
    startXY: s.sentStart ? undefined : netXY ? [0, 0] : startXY(s.run, s.sliceOf),
    offSlice: projected.offSlice,
    divergedAt: s.run.divergedAt,
    netHash,
  };
  return { message, transfer: frameTransferables(frame) };
}
