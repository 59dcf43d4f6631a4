import { describe, expect, it } from 'vitest';
import { IDLE_PER_BUSY, nextStreamedRedraw, PACED_ABOVE_MS } from './redrawPace';

describe('streamed redraw pacing', () => {
  it('frames about as long as a display frame or two are not paced', () => {
    for (const cost of [0, 8, 16.7, 33, PACED_ABOVE_MS])
      expect(nextStreamedRedraw(1000, cost)).toBe(1000);
  });

  it('a slow frame is followed by idle time in proportion to its cost', () => {
    for (const cost of [PACED_ABOVE_MS + 1, 80, 150, 400]) {
      const next = nextStreamedRedraw(1000, cost);
      expect(next - 1000).toBeCloseTo(IDLE_PER_BUSY * cost, 9);
      // The main thread is then busy at most this share of the time with streamed frames.
      expect(cost / (next - 1000 + cost)).toBeCloseTo(1 / (1 + IDLE_PER_BUSY), 9);
    }
  });

  it('a slower frame never allows the next one sooner', () => {
    let prev = -Infinity;
    for (let cost = 0; cost <= 500; cost += 0.5) {
      const next = nextStreamedRedraw(0, cost);
      expect(next).toBeGreaterThanOrEqual(prev);
      prev = next;
    }
  });

  it('a cost that is not a number (no measurement) does not stop streaming', () => {
    expect(nextStreamedRedraw(5, Number.NaN)).toBe(5);
  });
});
