/**
 * The network lab's per-run views from the worker: each run's data points (once per start)
 * and its latest decision-boundary grid. The grids are typed arrays held by reference;
 * `version` tells canvases when to redraw.
 */
import { createStore } from 'zustand/vanilla';
import type { NetBoundary, NetData } from '../worker/protocol';

export interface NetState {
  data: Record<string, NetData>;
  boundary: Record<string, NetBoundary>;
  version: number;
}

export const netStore = createStore<NetState>(() => ({ data: {}, boundary: {}, version: 0 }));

export function setNetData(runId: string, data: NetData): void {
  netStore.setState((s) => {
    const boundary = { ...s.boundary };
    delete boundary[runId];
    return { data: { ...s.data, [runId]: data }, boundary, version: s.version + 1 };
  });
}

export function setNetBoundary(runId: string, b: NetBoundary): void {
  netStore.setState((s) => ({ boundary: { ...s.boundary, [runId]: b }, version: s.version + 1 }));
}

export function clearNet(keep: readonly string[]): void {
  netStore.setState((s) => ({
    data: Object.fromEntries(Object.entries(s.data).filter(([k]) => keep.includes(k))),
    boundary: Object.fromEntries(Object.entries(s.boundary).filter(([k]) => keep.includes(k))),
    version: s.version + 1,
  }));
}
