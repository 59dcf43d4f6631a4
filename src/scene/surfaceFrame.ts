/**
 * One shared answer to "where on screen is landscape point (x, y), and what colour is
 * it": the world mapping, height scale and colour scale used by the surface, the
 * trajectories, the minima glyphs and the legend, so they always agree.
 */
import type { SurfaceData } from '../state/surfaceStore';
import type { SurfaceMode } from '../state/viewStore';
import { BLUE_ORANGE, VIRIDIS, type ColorTable } from './colormap';
import { gapGrid, quantile, sampleGrid } from './grid';

/** The longer side of the landscape box spans this many world units. */
export const WORLD_EXTENT = 10;
/** World height of the colour/height range at exaggeration 1. */
export const WORLD_HEIGHT = 3;

interface SurfaceStats {
  /** Height/colour range of the losses (train and test together, so both share one scale). */
  lossLo: number;
  lossHi: number;
  gap: Float32Array;
  /** Symmetric gap range ±gapAbs for the diverging map. */
  gapAbs: number;
}

const statsCache = new WeakMap<SurfaceData, SurfaceStats>();

function surfaceStats(data: SurfaceData): SurfaceStats {
  const hit = statsCache.get(data);
  if (hit) return hit;
  // Low end: the true minimum, because the sharp basin is deep but covers <2% of the grid
  // and a low percentile would cut off exactly the part the story is about. High end: the
  // 98th percentile, so a steep confinement wall at the rim does not flatten the basins.
  let lossLo = Number.isFinite(data.min) ? data.min : quantile([data.train, data.test], 0);
  let lossHi = quantile([data.train, data.test], 0.98);
  // An N-D slice shows the runs' projections: widen the range to the losses the runs
  // actually have, so the colour bar covers every loss a run reports.
  const path = data.slice?.pathLoss;
  if (path) [lossLo, lossHi] = [Math.min(lossLo, path[0]), Math.max(lossHi, path[1])];
  if (!(lossHi > lossLo)) lossHi = lossLo + 1;
  const gap = gapGrid(data);
  const abs = new Float32Array(gap.length);
  for (let i = 0; i < gap.length; i++) abs[i] = Math.abs(gap[i]!);
  const gapAbs = quantile([abs], 0.98) || 1;
  const stats = { lossLo, lossHi, gap, gapAbs };
  statsCache.set(data, stats);
  return stats;
}

export interface ColorScale {
  table: ColorTable;
  /** Values mapped to the bottom and top of the legend. */
  lo: number;
  hi: number;
  /** The grid whose values are coloured. */
  grid: Float32Array;
  /** What the colour means, for the legend. */
  title: string;
  diverging: boolean;
}

export function colorScale(data: SurfaceData, mode: SurfaceMode): ColorScale {
  const s = surfaceStats(data);
  if (mode === 'gap')
    return {
      table: BLUE_ORANGE,
      lo: -s.gapAbs,
      hi: s.gapAbs,
      grid: s.gap,
      title: 'Gap: test − train loss',
      diverging: true,
    };
  const test = mode === 'test';
  return {
    table: VIRIDIS,
    lo: s.lossLo,
    hi: s.lossHi,
    grid: test ? data.test : data.train,
    title: test ? 'Test loss' : 'Train loss',
    diverging: false,
  };
}

export class SurfaceFrame {
  readonly data: SurfaceData;
  /** The grid that gives the solid surface its height (test in 'test' mode, else train). */
  readonly heightGrid: Float32Array;
  readonly color: ColorScale;
  readonly flat: boolean;
  private readonly cx: number;
  private readonly cy: number;
  private readonly scale: number;
  /** Loss values mapped to height 0 and to the full height (before compression). */
  readonly lossLo: number;
  readonly lossHi: number;
  private readonly heightGain: number;

  constructor(data: SurfaceData, mode: SurfaceMode, exaggeration: number, flat: boolean) {
    this.data = data;
    this.flat = flat;
    this.heightGrid = mode === 'test' ? data.test : data.train;
    this.color = colorScale(data, mode);
    const { lo, hi } = data.box;
    this.cx = 0.5 * (lo[0]! + hi[0]!);
    this.cy = 0.5 * (lo[1]! + hi[1]!);
    this.scale = WORLD_EXTENT / Math.max(hi[0]! - lo[0]!, hi[1]! - lo[1]!);
    const s = surfaceStats(data);
    this.lossLo = s.lossLo;
    this.lossHi = s.lossHi;
    this.heightGain = flat ? 0 : WORLD_HEIGHT * exaggeration;
  }

  /** World x of landscape x. */
  worldX(x: number): number {
    return (x - this.cx) * this.scale;
  }

  /** World z of landscape y: y grows away from the viewer, i.e. up the screen in top view. */
  worldZ(y: number): number {
    return -(y - this.cy) * this.scale;
  }

  landscapeX(wx: number): number {
    return wx / this.scale + this.cx;
  }

  landscapeY(wz: number): number {
    return -wz / this.scale + this.cy;
  }

  /** World length of a landscape length. */
  worldLength(d: number): number {
    return d * this.scale;
  }

  /**
   * World height of a loss value. Above the 98th percentile the height is compressed
   * (tanh) instead of cut, so confinement walls still read as walls but stay short.
   */
  heightOf(loss: number): number {
    if (this.heightGain === 0 || !Number.isFinite(loss)) return 0;
    let t = (loss - this.lossLo) / (this.lossHi - this.lossLo);
    if (t > 1) t = 1 + 0.25 * Math.tanh((t - 1) * 2);
    else if (t < 0) t = 0;
    return t * this.heightGain;
  }

  /** World height of the solid surface above landscape point (x, y). */
  surfaceHeight(x: number, y: number): number {
    return this.heightOf(sampleGrid(this.data, this.heightGrid, x, y));
  }

  /** Colour-scale position t ∈ [0, 1] of a value. */
  colorT(value: number): number {
    return (value - this.color.lo) / (this.color.hi - this.color.lo);
  }
}
