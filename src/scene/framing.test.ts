// Camera framing: the fitted surface touches the window it is given and stays inside it,
// identical inputs frame identically, and overlays shrink the window from their side.
import { describe, expect, it } from 'vitest';
import { fitDistance, frameCamera, frameWindow, projectedBounds, type FitSpec } from './framing';
import { sideColumns } from './sideGrid';

const E = 0.8;
const A = -0.18;
const DIR: [number, number, number] = [
  Math.cos(E) * Math.sin(A),
  Math.sin(E),
  Math.cos(E) * Math.cos(A),
];

/** A bumpy 10 × 10 height field, xyz interleaved. */
function field(): Float32Array {
  const out: number[] = [];
  for (let j = 0; j <= 20; j++)
    for (let i = 0; i <= 20; i++) {
      const x = -5 + i / 2;
      const z = -5 + j / 2;
      out.push(x, 1.5 + Math.sin(x) * Math.cos(z) + 0.05 * x * x, z);
    }
  return Float32Array.from(out);
}

const spec = (aspect: number, window = frameWindow(480, { top: 0, bottom: 0 })): FitSpec => ({
  points: field(),
  target: [0, 0, 0],
  direction: DIR,
  fov: 40,
  aspect,
  window,
});

describe('framing', () => {
  it('fits the points into the window and touches it (no wasted zoom)', () => {
    for (const aspect of [0.6, 1, 1.5, 2.4]) {
      const s = spec(aspect);
      const { target, distance } = frameCamera(s);
      const [x0, x1, y0, y1] = projectedBounds({ ...s, target }, distance)!;
      const { x, y } = s.window;
      expect(x0).toBeGreaterThanOrEqual(x[0] - 1e-6);
      expect(x1).toBeLessThanOrEqual(x[1] + 1e-6);
      expect(y0).toBeGreaterThanOrEqual(y[0] - 1e-6);
      expect(y1).toBeLessThanOrEqual(y[1] + 1e-6);
      // Tight on the limiting axis: one side reaches its edge to within 1%.
      const slack = Math.min(x[1] - x1, x0 - x[0], y[1] - y1, y0 - y[0]);
      expect(slack).toBeLessThan(0.02);
      // Centred in the window on both axes (to a few % of its size).
      expect(Math.abs(x0 + x1 - x[0] - x[1])).toBeLessThan(0.04);
      expect(Math.abs(y0 + y1 - y[0] - y[1])).toBeLessThan(0.04);
    }
  });

  it('frames identical inputs identically, and a wider canvas from no further away', () => {
    expect(frameCamera(spec(1.4))).toEqual(frameCamera(spec(1.4)));
    expect(fitDistance(spec(2))).toBeLessThanOrEqual(fitDistance(spec(1)));
  });

  it('overlays push the picture away from their side, within a minimum share', () => {
    const free = frameWindow(400, { top: 0, bottom: 0 });
    const topped = frameWindow(400, { top: 80, bottom: 0 });
    expect(topped.y[1]).toBeLessThan(free.y[1]);
    expect(topped.y[0]).toBe(free.y[0]);
    const crowded = frameWindow(400, { top: 300, bottom: 300 });
    expect(crowded.y[1] - crowded.y[0]).toBeGreaterThan(0.44 * 2);
    const s = spec(1.5, topped);
    const { target, distance } = frameCamera(s);
    expect(projectedBounds({ ...s, target }, distance)![3]).toBeLessThanOrEqual(topped.y[1] + 1e-6);
  });
});

describe('side-by-side grid', () => {
  it('picks the grid whose equal panes hold the largest surface', () => {
    expect(sideColumns(1, 680, 560)).toBe(1);
    // Two runs in the explorer's stage: stacked panes hold a larger surface than two columns.
    expect(sideColumns(2, 680, 560)).toBe(1);
    expect(sideColumns(2, 1000, 500)).toBe(2);
    expect(sideColumns(4, 680, 560)).toBe(2);
    expect(sideColumns(3, 680, 560)).toBe(2);
    expect(sideColumns(3, 1200, 360)).toBe(3);
    expect(sideColumns(4, 1400, 300)).toBe(4);
    expect(sideColumns(2, 360, 600)).toBe(1);
  });
});
