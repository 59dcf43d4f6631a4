/**
 * The current loss surfaces (train and test grids from the worker). The grids are
 * large typed arrays, so the store holds them by reference and a `version` tells
 * readers when to rebuild.
 */
import { createStore } from 'zustand/vanilla';
import type { Basin } from '../engine/objectives/types';

export interface SurfaceData {
  nx: number;
  ny: number;
  box: { lo: number[]; hi: number[] };
  train: Float32Array;
  test: Float32Array;
  basins: Basin[];
  min: number;
  max: number;
}

export interface SurfaceState {
  data: SurfaceData | null;
  version: number;
  loading: boolean;
}

export const surfaceStore = createStore<SurfaceState>(() => ({
  data: null,
  version: 0,
  loading: true,
}));
