import { describe, expect, it } from 'vitest';
import { Runner } from './runner';
import type { FromWorker } from './protocol';
import { createRun } from '../engine/run';
import { MlpObjective } from '../engine/nn/objective';

type Msg<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/** The runner on a manual clock, acknowledging every frame as a main thread would. */
function drive(config: object, ms: number, setup?: (r: Runner) => void) {
  let t = 0;
  const queue: { at: number; fn: () => void }[] = [];
  const sent: FromWorker[] = [];
  const runner = new Runner(
    { post: (m) => void sent.push(m) },
    { now: () => t, later: (fn, d) => void queue.push({ at: t + d, fn }) },
  );
  setup?.(runner);
  runner.handle({ type: 'start', runId: 'run0', gen: 1, config });
  for (let guard = 0; guard < 20000 && queue.length; guard++) {
    queue.sort((a, b) => a.at - b.at);
    const next = queue.shift()!;
    t = Math.max(t, next.at);
    if (t > ms) break;
    next.fn();
    for (const m of sent.splice(0)) {
      all.push(m);
      if (m.type === 'frame')
        runner.handle({ type: 'ack', runId: m.runId, gen: m.gen, seq: m.seq });
    }
  }
  const of = <T extends FromWorker['type']>(type: T) =>
    all.filter((m): m is Msg<T> => m.type === type);
  return { of };
}
const all: FromWorker[] = [];

const config = {
  preset: 'mlp',
  landscape: { n: 64, nTest: 128 },
  network: { hidden: [8] },
  batch: 16,
  budget: { unit: 'epochs', amount: 20 },
};

describe('NetView (network lab in the worker)', () => {
  it('sends the data, live boundaries and a slice around the final weights', () => {
    all.length = 0;
    const h = drive(config, 60_000, (r) =>
      r.handle({ type: 'net-slice', directions: 'filter', focus: 'run0', res: 9 }),
    );
    const data = h.of('net-data')[0]!;
    expect(data.trainY.length).toBe(64);
    expect(data.testX.length).toBe(2 * 128);
    const bounds = h.of('net-boundary');
    expect(bounds.length).toBeGreaterThan(1);
    const last = bounds[bounds.length - 1]!;
    // Probabilities per cell sum to 1.
    for (let c = 0; c < last.nx * last.ny; c += 97)
      expect(last.probs[2 * c]! + last.probs[2 * c + 1]!).toBeCloseTo(1, 5);
    const frames = h.of('frame');
    const done = frames[frames.length - 1]!;
    expect(done.state).toBe('done');
    expect(last.step).toBe(done.steps);

    const surfaces = h.of('surface').filter((s) => s.net);
    const final = surfaces[surfaces.length - 1]!;
    expect(final.net!.step).toBe(done.steps);
    expect(final.net!.ended).toBe(true);
    expect(final.net!.progress).toBe(1);
    // The slice's centre is the run's end: its train value is the final full train loss.
    const run = createRun(config);
    while (run.status === 'running') run.advance(4096);
    const obj = run.objective as MlpObjective;
    const centre = obj.fullLossGrad(run.w, 'train', null);
    expect(final.train[4 * 9 + 4]).toBeCloseTo(centre, 5);
    // Every new slice re-projects the whole path sent so far; the last point is the centre.
    const withPaths = surfaces.filter((s) => s.net!.paths);
    const p = withPaths[withPaths.length - 1]!.net!.paths![0]!;
    const sentPoints = frames.reduce((n, f) => n + f.frame.count, 0);
    expect(p.count).toBe(sentPoints);
    expect(Math.abs(p.xy[2 * p.count - 2]!)).toBeLessThan(1e-5);
  });

  it('leaves the landscapes alone', () => {
    all.length = 0;
    const h = drive({ preset: 'bowl', budget: { unit: 'epochs', amount: 2 } }, 10_000);
    expect(h.of('net-data')).toHaveLength(0);
    expect(h.of('net-boundary')).toHaveLength(0);
  });
});
