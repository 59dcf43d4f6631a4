// Invariants of the scene's display math on grids with known answers.
import { describe, expect, it } from 'vitest';
import type { SurfaceData } from '../state/surfaceStore';
import { sampleColor, VIRIDIS } from './colormap';
import { evenLevels, marchingSquares } from './contours';
import { gridCurvature, semiAxis } from './curvature';
import { sampleGrid } from './grid';
import { SurfaceFrame } from './surfaceFrame';
import { distinctPoints } from './StartMarkers';
import { sliceNote, sliceSummary } from './sliceNote';
import { netSliceNote, netSliceSummary } from './netSliceNote';
import type { NetSliceInfo } from '../worker/protocol';

/** A surface whose train and test grids are f sampled on [lo, hi]² at n×n. */
function gridOf(f: (x: number, y: number) => number, n = 81, lo = -1, hi = 1): SurfaceData {
  const train = new Float32Array(n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++)
      train[j * n + i] = f(lo + ((hi - lo) * i) / (n - 1), lo + ((hi - lo) * j) / (n - 1));
  let min = Infinity;
  let max = -Infinity;
  for (const v of train) [min, max] = [Math.min(min, v), Math.max(max, v)];
  return {
    nx: n,
    ny: n,
    box: { lo: [lo, lo], hi: [hi, hi] },
    train,
    test: train.slice(),
    basins: [],
    saddles: [],
    min,
    max,
  };
}

describe('scene display math', () => {
  it('bilinear sampling is exact on a linear function and clamps outside the box', () => {
    const d = gridOf((x, y) => 2 * x - 3 * y + 1);
    expect(sampleGrid(d, d.train, 0.123, -0.456)).toBeCloseTo(2 * 0.123 + 3 * 0.456 + 1, 5);
    expect(sampleGrid(d, d.train, 5, 0)).toBeCloseTo(sampleGrid(d, d.train, 1, 0), 6);
  });

  it('contours of a cone are circles at the level radius', () => {
    const d = gridOf((x, y) => Math.hypot(x, y));
    const levels = evenLevels(0, 0.9, 4);
    const set = marchingSquares(d, d.train, levels);
    expect(set.levels.length).toBeGreaterThan(100);
    for (let s = 0; s < set.levels.length; s++) {
      for (let e = 0; e < 2; e++) {
        const r = Math.hypot(set.points[4 * s + 2 * e]!, set.points[4 * s + 2 * e + 1]!);
        // Linear interpolation along cell edges: off by at most ~a grid step's curvature error.
        expect(Math.abs(r - set.levels[s]!)).toBeLessThan(0.01);
      }
    }
  });

  it('grid curvature recovers a rotated quadratic Hessian and its axes', () => {
    // H = R diag(1, 9) Rᵀ with R a 30° rotation.
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const f = (x: number, y: number) => {
      const u = c * x + s * y;
      const v = -s * x + c * y;
      return 0.5 * (1 * u * u + 9 * v * v);
    };
    const k = gridCurvature(gridOf(f), 0.1, -0.05);
    expect(k.lambdas[0]).toBeCloseTo(1, 1);
    expect(k.lambdas[1]).toBeCloseTo(9, 1);
    expect(Math.abs(k.axes[1][0] * -s + k.axes[1][1] * c)).toBeCloseTo(1, 2);
    // Semi-axes ∝ 1/√λ: the sharp direction is 3× shorter.
    expect(semiAxis(1, 0.5, 0, 10) / semiAxis(9, 0.5, 0, 10)).toBeCloseTo(3, 6);
  });

  it('world mapping round-trips and top view is flat', () => {
    const d = gridOf((x, y) => x * x + y * y, 21, -2, 3);
    const frame = new SurfaceFrame(d, 'train', 1, false);
    expect(frame.landscapeX(frame.worldX(1.7))).toBeCloseTo(1.7, 6);
    expect(frame.landscapeY(frame.worldZ(-0.4))).toBeCloseTo(-0.4, 6);
    expect(frame.worldX(3) - frame.worldX(-2)).toBeCloseTo(10, 6);
    expect(new SurfaceFrame(d, 'train', 1, true).surfaceHeight(2, 2)).toBe(0);
    expect(frame.surfaceHeight(0, 0)).toBeCloseTo(0, 6);
  });

  it('viridis runs from dark purple to yellow', () => {
    const lo = [0, 0, 0];
    const hi = [0, 0, 0];
    sampleColor(VIRIDIS, 0, lo);
    sampleColor(VIRIDIS, 1, hi);
    expect(lo[0]! * 255).toBeCloseTo(0x44, 0);
    expect(hi[1]! * 255).toBeCloseTo(0xe7, 0);
  });

  it('an N-D slice widens the colour range to the losses the runs really have', () => {
    const d = gridOf((x, y) => 90 + x * x + y * y);
    const plain = new SurfaceFrame(d, 'train', 1, false);
    expect(plain.color.lo).toBeCloseTo(90, 5);
    const slice = { kind: 'path' as const, explained: 0.98, offSlice: 1.3, reach: 5.6 };
    const sliced = { ...d, slice: { ...slice, pathLoss: [73.5, 94] as [number, number] } };
    const frame = new SurfaceFrame(sliced, 'train', 1, false);
    expect(frame.color.lo).toBe(73.5);
    expect(frame.color.hi).toBeGreaterThanOrEqual(94);
    expect(frame.lossLo).toBe(73.5);
  });

  it('one start marker per distinct start', () => {
    expect(
      distinctPoints(
        [
          [0, 0],
          [0, 1e-9],
          [1, 2],
          [0, 0],
        ],
        1e-6,
      ),
    ).toEqual([
      [0, 0],
      [1, 2],
    ]);
    expect(distinctPoints([], 1e-6)).toEqual([]);
  });

  it('says what an N-D slice is and how far the runs leave it', () => {
    const base = { offSlice: 1.33, reach: 5.64, pathLoss: null };
    expect(sliceNote({ ...base, kind: 'path', explained: 0.979 })).toBe(
      "Slice through the start along the runs' two main directions: at least 97.9% of each run's movement lies in it; " +
        'the paths leave it by at most 1.33 (they reach 5.64 from the start).',
    );
    expect(sliceNote({ ...base, kind: 'random', explained: null })).toMatch(
      /^Slice through the start along two random directions; the paths are projected onto it/,
    );
    // Folded to one line: the same plane and the same distance as the full note.
    expect(sliceSummary({ ...base, kind: 'path', explained: 0.979 })).toBe(
      "Slice along the runs' two main directions · paths leave it by ≤ 1.33",
    );
    expect(sliceSummary({ ...base, kind: 'random', explained: null })).toMatch(/two random/);
  });

  it("folds the network slice's note to whose weights and how far the grid is", () => {
    const s = {
      step: 1200,
      ended: false,
      progress: 0.27,
      directions: 'filter' as const,
      explained: null,
    } as unknown as NetSliceInfo;
    expect(netSliceSummary(s, 'B = 16')).toBe(
      "Slice around B = 16's weights at step 1200 · 27% computed",
    );
    expect(netSliceNote(s, 'B = 16')).toMatch(/weights at step 1200 .*Refining: 27% of the grid/);
    const done = { ...s, ended: true, progress: 1 } as NetSliceInfo;
    expect(netSliceSummary(done, 'B = 16')).toBe("Slice around B = 16's final weights");
  });
});
