import { describe, expect, it } from 'vitest';
import { presetDefaults } from '../engine/presets';
import { createRun } from '../engine/run';
import type { ConfigInput } from '../engine/config';
import { projectPoint, viewSlice } from './slice';
import { computeSurface, projector, startXY } from './surfaces';

/** The explorer's quadratic-nd comparison, made smaller so the test is quick. */
const qnd: ConfigInput = {
  preset: 'quadratic-nd',
  landscape: { dim: 30, n: 256, nTest: 256 },
  budget: { unit: 'epochs', amount: 5 },
};
const compared = [
  { ...qnd, batch: 8 },
  { ...qnd, batch: 256 },
];

/** A live run to its end, projected the way the runner projects it. */
function live(config: ConfigInput, sliceOf: unknown[]) {
  const run = createRun(config);
  const project = projector(run, sliceOf);
  const xy: number[] = [];
  const trainLoss: number[] = [];
  let offSlice = 0;
  while (run.status === 'running') {
    const c = run.advance(500);
    const p = project(c.positions, c.count);
    xy.push(...p.xy);
    offSlice = Math.max(offSlice, p.offSlice);
    trainLoss.push(...c.metrics.map((m) => m.trainLoss));
  }
  return { run, xy, trainLoss, offSlice };
}

describe('the slice an N-D view is seen through', () => {
  it('on quadratic-nd is spanned by the paths: most of their movement lies in it', () => {
    const s = viewSlice(compared);
    expect(s.kind).toBe('path');
    expect(s.explained).toBeGreaterThan(0.9);
    // The full batch's path (noiseless) stays close to the slice; sliced alone, it lies in
    // its own slice almost entirely.
    const gd = live(compared[1]!, compared);
    expect(gd.offSlice).toBeLessThan(0.1 * s.reach);
    expect(viewSlice([compared[1]]).explained).toBeGreaterThan(0.99);
  });

  it('agrees with the live runs: same off-slice distance, every point inside the box', () => {
    const s = viewSlice(compared);
    let off = 0;
    for (const c of compared) {
      const r = live(c, compared);
      off = Math.max(off, r.offSlice);
      for (let i = 0; i < r.xy.length; i += 2) {
        expect(r.xy[i]!).toBeGreaterThanOrEqual(s.box.lo[0]);
        expect(r.xy[i]!).toBeLessThanOrEqual(s.box.hi[0]);
        expect(r.xy[i + 1]!).toBeGreaterThanOrEqual(s.box.lo[1]);
        expect(r.xy[i + 1]!).toBeLessThanOrEqual(s.box.hi[1]);
      }
      // The runs' measured train losses lie in the reported path-loss range.
      for (const loss of r.trainLoss) {
        expect(loss).toBeGreaterThanOrEqual(s.pathLoss![0] - 1e-6 * Math.abs(loss));
        expect(loss).toBeLessThanOrEqual(s.pathLoss![1] + 1e-6 * Math.abs(loss));
      }
    }
    expect(off).toBeCloseTo(s.offSlice, 6);
  });

  it('passes through the first run’s start; another seed’s start is projected elsewhere', () => {
    const bySeed = [
      { ...qnd, seed: 1 },
      { ...qnd, seed: 2 },
    ];
    const a = createRun(bySeed[0]);
    const b = createRun(bySeed[1]);
    const [ax, ay] = startXY(a, bySeed);
    expect(Math.hypot(ax, ay)).toBeLessThan(1e-12);
    const q = projectPoint(viewSlice(bySeed), b.w0);
    expect(startXY(b, bySeed)).toEqual([q.a, q.b]);
    expect(Math.hypot(q.a, q.b)).toBeGreaterThan(0.1);
  });

  it('uses two fixed random directions elsewhere (random-potential in N-D)', () => {
    const rp: ConfigInput = {
      preset: 'random-potential',
      landscape: { dim: 5, n: 64, nTest: 64, modes: 16 },
      budget: { unit: 'steps', amount: 200 },
    };
    const s = viewSlice([rp]);
    expect(s.kind).toBe('random');
    expect(s.explained).toBeNull();
    expect(s.offSlice).toBeGreaterThan(0);
  });

  it('frames a 2-D random potential on its paths: every point of every run inside the box', () => {
    const base = presetDefaults('random-potential');
    const budget = { unit: 'steps' as const, amount: 150 };
    const runs = [1, 16].map((batch) => ({ ...base, batch, budget }));
    const surface = computeSurface(createRun(runs[0]).config, 8, undefined, runs);
    const { lo, hi } = surface.box;
    expect(surface.slice).toBeUndefined();
    for (const c of runs) {
      const r = live(c, runs);
      expect(r.offSlice).toBe(0);
      for (let i = 0; i < r.xy.length; i += 2) {
        expect(r.xy[i]!).toBeGreaterThan(lo[0]!);
        expect(r.xy[i]!).toBeLessThan(hi[0]!);
        expect(r.xy[i + 1]!).toBeGreaterThan(lo[1]!);
        expect(r.xy[i + 1]!).toBeLessThan(hi[1]!);
      }
    }
    // Square, so both directions keep their true scale.
    expect(hi[0]! - lo[0]!).toBeCloseTo(hi[1]! - lo[1]!, 9);
  });

  it('the surface reply describes the slice; its colour range reaches the runs’ losses', () => {
    const surface = computeSurface(createRun(compared[0]).config, 12, undefined, compared);
    const s = viewSlice(compared);
    expect(surface.slice).toEqual({
      kind: 'path',
      explained: s.explained,
      offSlice: s.offSlice,
      reach: s.reach,
      pathLoss: s.pathLoss,
    });
    expect(surface.box).toEqual(s.box);
  });
});
