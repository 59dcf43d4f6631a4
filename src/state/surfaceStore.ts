/**
 * The current loss surfaces (train and test grids from the worker). The grids are
 * large typed arrays, so the store holds them by reference and a `version` tells
 * readers when to rebuild.
 */
import { createStore } from 'zustand/vanilla';
import type { FromWorker } from '../worker/protocol';

/** A surface reply from the worker, minus the envelope. */
export type SurfaceData = Omit<Extract<FromWorker, { type: 'surface' }>, 'type' | 'requestId'>;

export interface SurfaceState {
  data: SurfaceData | null;
  version: number;
  loading: boolean;
  /** `data` is a coarse first look, shown until the full-resolution surface arrives. */
  preview: boolean;
}

export const surfaceStore = createStore<SurfaceState>(() => ({
  data: null,
  version: 0,
  loading: true,
  preview: false,
}));
