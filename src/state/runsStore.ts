/**
 * Run status for the UI at human speed (≤ ~10 updates a second): state, progress and
 * the latest measurements. Per-frame data stays in the buffers (buffers.ts).
 */
import { createStore } from 'zustand/vanilla';
import type { MetricRecord } from '../engine/metrics';
import type { RunState } from '../worker/protocol';

export interface RunView {
  id: string;
  label: string;
  color: string;
  state: RunState | 'starting';
  progress: number;
  steps: number;
  plannedSteps: number;
  divergedAt: number | null;
  last: MetricRecord | null;
  lr: number;
  batch: number;
  error: string | null;
}

export interface RunsState {
  runs: RunView[];
  playing: boolean;
  speed: number;
  /** Shown when the engine had to be restarted. */
  engineNotice: string | null;
}

export const runsStore = createStore<RunsState>(() => ({
  runs: [],
  playing: true,
  speed: 1,
  engineNotice: null,
}));

export function updateRun(id: string, patch: Partial<RunView>): void {
  const runs = runsStore.getState().runs.map((r) => (r.id === id ? { ...r, ...patch } : r));
  runsStore.setState({ runs });
}
