/**
 * The one message protocol between the main thread and engine workers. Every
 * message is a plain object with a `type` tag; typed arrays in frames are sent as
 * transferables. Bump PROTOCOL_VERSION on any incompatible change.
 *
 * Runs are named by a run id that outlives restarts (run0 stays run0 when its batch size
 * changes), so every start carries a *generation* `gen`, which the main thread raises on
 * each start of that id, and everything the worker sends about a run carries the
 * generation it belongs to. Messages cross the thread boundary asynchronously: frames of
 * a run posted just before its restart arrive after it, and only their generation tells
 * them apart from the new run's (see state/client.ts, which drops them).
 */
import type { ConfigError } from '../engine/validate';
import type { MetricRecord } from '../engine/metrics';
import type { Basin } from '../engine/objectives/types';
import type { EnsembleJob, JobResult } from '../engine/ensemble';
import type { MutableChunk } from '../engine/runChunk';
import type { SliceInfo } from './slice';
import type { NetBoundary, NetData, NetSliceInfo, NetSliceSetting } from './netMessages';

export type { SliceInfo } from './slice';
export type { NetBoundary, NetData, NetSliceInfo, NetSliceSetting } from './netMessages';

export const PROTOCOL_VERSION = 2;

export type RunState = 'running' | 'paused' | 'done' | 'diverged' | 'stopped';

/** Steps of one run produced since the previous frame (columnar, transferable). */
export type FrameData = MutableChunk;

// ── main → worker ───────────────────────────────────────────────────────────
export type ToWorker =
  | { type: 'hello'; version: number }
  | {
      type: 'start';
      runId: string;
      /** This start's generation of `runId` (strictly greater than any earlier start's). */
      gen: number;
      config: unknown;
      paused?: boolean;
      /**
       * N-D landscapes: the configs of all compared runs (this one among them), whose
       * paths define the slice the run is projected onto; the surface request names the
       * same list, so surface and trajectories share one slice.
       */
      sliceOf?: unknown[];
    }
  | { type: 'pause'; runId?: string }
  | { type: 'resume'; runId?: string }
  /** Advance a paused run by this many steps, then stay paused. */
  | { type: 'step'; runId?: string; steps: number }
  | { type: 'stop'; runId?: string }
  /** Restart a run with this config patch merged over its current config. */
  | { type: 'patch'; runId: string; gen: number; patch: Record<string, unknown> }
  /** Playback speed: multiple of the base rate (whole budget in BASE_PLAY_SECONDS); Infinity = as fast as possible. */
  | { type: 'speed'; multiplier: number }
  /** The main thread has consumed frame `seq` of generation `gen` of a run (back-pressure). */
  | { type: 'ack'; runId: string; gen: number; seq: number }
  | {
      type: 'surface';
      requestId: number;
      config: unknown;
      res: number;
      box?: { lo: number[]; hi: number[] };
      /** N-D landscapes: the compared runs' configs that define the slice (see start). */
      sliceOf?: unknown[];
    }
  | { type: 'ping'; id: number }
  /** Network lab: which run's weights the slice surface is centred on, and along what. */
  | ({ type: 'net-slice' } & NetSliceSetting)
  /** One ensemble job (pool workers): answered by a job-result or an error with jobId. */
  | { type: 'job'; jobId: number; job: EnsembleJob };

// ── worker → main ───────────────────────────────────────────────────────────
export type FromWorker =
  | { type: 'ready'; version: number }
  | {
      type: 'frame';
      runId: string;
      gen: number;
      seq: number;
      frame: FrameData;
      metrics: MetricRecord[];
      state: RunState;
      steps: number;
      progress: number;
      plannedSteps: number;
      dim: number;
      /** Start point (first frame of a run only). */
      start?: number[];
      /** The start in scene coordinates: itself in 2-D, its projection onto the slice in N-D (first frame only). */
      startXY?: number[];
      /** Largest distance of this frame's points from the slice plane (N-D; 0 in 2-D). */
      offSlice?: number;
      divergedAt?: number | null;
      /**
       * Network lab, on a run's last frame: hash of its whole recorded trajectory (full state
       * vectors as float32, the CLI's `trajectory[].w` in order), for bit-identity checks.
       */
      netHash?: string;
    }
  | {
      type: 'status';
      runId: string;
      gen: number;
      state: RunState;
      steps: number;
      progress: number;
      divergedAt: number | null;
    }
  | {
      type: 'error';
      runId?: string;
      /** With `runId`: the generation of the start that failed. */
      gen?: number;
      requestId?: number;
      jobId?: number;
      message: string;
      errors?: ConfigError[];
    }
  | { type: 'job-result'; jobId: number; result: JobResult }
  | {
      type: 'surface';
      requestId: number;
      nx: number;
      ny: number;
      box: { lo: number[]; hi: number[] };
      train: Float32Array;
      test: Float32Array;
      basins: Basin[];
      /** Named saddle points with their "near the saddle" radius (saddle preset). */
      saddles: Basin[];
      min: number;
      max: number;
      /** N-D landscapes: which slice this is and how well it holds the runs' paths. */
      slice?: SliceInfo;
      /** Network lab (unsolicited, requestId 0): the slice around a run's current weights. */
      net?: NetSliceInfo;
    }
  /** Network lab: a run's data points (once per run start). */
  | ({ type: 'net-data'; runId: string; gen: number } & NetData)
  /** Network lab: a run's decision boundary at its current weights (throttled). */
  | ({ type: 'net-boundary'; runId: string; gen: number } & NetBoundary)
  | { type: 'pong'; id: number }
  /**
   * Sent before a long synchronous computation (a surface at large n): the worker cannot
   * answer pings for about `ms`, so the watchdog should not take the silence for a hang.
   */
  | { type: 'busy'; requestId: number; ms: number };

/** Whole budget plays in this many seconds at speed 1, whatever the batch size. */
export const BASE_PLAY_SECONDS = 6;

/** Frames a run may have in flight before the worker waits for an ack. */
export const MAX_FRAMES_IN_FLIGHT = 2;

/** The typed arrays of a frame, for postMessage's transfer list. */
export function frameTransferables(f: FrameData): ArrayBuffer[] {
  return [f.step, f.epoch, f.lr, f.batch, f.batchLoss, f.positions].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

const TO_WORKER_TYPES = new Set([
  'job',
  'hello',
  'start',
  'pause',
  'resume',
  'step',
  'stop',
  'patch',
  'speed',
  'ack',
  'surface',
  'ping',
  'net-slice',
]);

/** Structural check of an incoming message; returns a reason when it is malformed. */
export function checkToWorker(msg: unknown): string | null {
  if (typeof msg !== 'object' || msg === null) return 'message is not an object';
  const m = msg as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TO_WORKER_TYPES.has(m.type))
    return `unknown message type ${JSON.stringify(m.type)}`;
  const needsRun = m.type === 'start' || m.type === 'patch' || m.type === 'ack';
  if (needsRun && typeof m.runId !== 'string') return `${m.type}: runId must be a string`;
  if (needsRun && !(Number.isSafeInteger(m.gen) && (m.gen as number) >= 0))
    return `${m.type}: gen must be a whole number ≥ 0`;
  if (m.type === 'step' && !(typeof m.steps === 'number' && m.steps >= 1))
    return 'step: steps must be ≥ 1';
  if (m.type === 'speed' && !(typeof m.multiplier === 'number' && m.multiplier > 0))
    return 'speed: multiplier must be > 0';
  if (
    m.type === 'job' &&
    !(typeof m.jobId === 'number' && typeof m.job === 'object' && m.job !== null)
  )
    return 'job: needs a numeric jobId and a job object';
  if (m.type === 'surface' && !(typeof m.res === 'number' && m.res >= 2 && m.res <= 512))
    return 'surface: res must be 2…512';
  if (
    m.type === 'net-slice' &&
    !(
      (m.directions === 'filter' || m.directions === 'pca') &&
      typeof m.focus === 'string' &&
      typeof m.res === 'number' &&
      m.res >= 3 &&
      m.res <= 129
    )
  )
    return 'net-slice: needs directions filter|pca, a focus run id and res 3…129';
  return null;
}
