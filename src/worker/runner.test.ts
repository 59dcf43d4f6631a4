import { describe, expect, it } from 'vitest';
import { Runner } from './runner';
import { MAX_FRAMES_IN_FLIGHT, type FromWorker } from './protocol';

/** A manual clock: `later` queues callbacks; `flush` runs them, advancing time. */
function harness() {
  let t = 0;
  const queue: { at: number; fn: () => void }[] = [];
  const sent: FromWorker[] = [];
  const runner = new Runner(
    { post: (m) => void sent.push(m) },
    { now: () => t, later: (fn, ms) => void queue.push({ at: t + ms, fn }) },
  );
  const flush = (ms: number) => {
    const end = t + ms;
    for (let guard = 0; guard < 10000; guard++) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue[0];
      if (!next || next.at > end) break;
      queue.shift();
      t = Math.max(t, next.at);
      next.fn();
    }
    t = end;
  };
  const frames = (runId: string) =>
    sent.filter(
      (m): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame' && m.runId === runId,
    );
  return { runner, sent, flush, frames };
}

const small = { preset: 'bowl', batch: 8, budget: { unit: 'epochs', amount: 3 } };

describe('Runner', () => {
  it('sends the start point at once, then paced frames until done', () => {
    const h = harness();
    h.runner.handle({ type: 'start', runId: 'a', gen: 1, config: small });
    const first = h.frames('a')[0]!;
    expect(first.start).toHaveLength(2);
    expect(first.frame.count).toBe(1);
    for (let i = 0; i < 200; i++) {
      const f = h.frames('a');
      h.runner.handle({ type: 'ack', runId: 'a', gen: 1, seq: f[f.length - 1]!.seq });
      h.flush(50);
    }
    const all = h.frames('a');
    const last = all[all.length - 1]!;
    expect(last.state).toBe('done');
    expect(last.steps).toBe(3 * 32);
    const total = all.reduce((s, f) => s + f.frame.count, 0);
    expect(total).toBe(3 * 32 + 1);
  });

  it('never has more than MAX_FRAMES_IN_FLIGHT unacknowledged frames', () => {
    const h = harness();
    h.runner.handle({ type: 'speed', multiplier: 10 });
    h.runner.handle({
      type: 'start',
      runId: 'a',
      gen: 1,
      config: { ...small, budget: { unit: 'epochs', amount: 1000 } },
    });
    h.flush(300);
    expect(h.frames('a').length).toBe(MAX_FRAMES_IN_FLIGHT);
    h.runner.handle({ type: 'ack', runId: 'a', gen: 1, seq: MAX_FRAMES_IN_FLIGHT });
    h.flush(100);
    expect(h.frames('a').length).toBe(2 * MAX_FRAMES_IN_FLIGHT);
  });

  it('keeps computing while frames wait for acks, then sends the backlog as one frame', () => {
    const h = harness();
    const config = { ...small, budget: { unit: 'epochs', amount: 50 } }; // 1600 steps in 6 s
    h.runner.handle({ type: 'start', runId: 'a', gen: 1, config });
    h.flush(3000); // the main thread acknowledges nothing for half the playback
    const waiting = h.frames('a');
    expect(waiting).toHaveLength(MAX_FRAMES_IN_FLIGHT);
    h.runner.handle({ type: 'ack', runId: 'a', gen: 1, seq: waiting[waiting.length - 1]!.seq });
    const caughtUp = h.frames('a')[MAX_FRAMES_IN_FLIGHT]!;
    // Half the budget was computed meanwhile, not one tick's worth.
    expect(caughtUp.steps).toBeGreaterThan(0.45 * 1600);
    expect(caughtUp.frame.count).toBe(caughtUp.steps - waiting[1]!.steps);
    for (let i = 0; i < 100; i++) {
      const f = h.frames('a');
      h.runner.handle({ type: 'ack', runId: 'a', gen: 1, seq: f[f.length - 1]!.seq });
      h.flush(100);
    }
    const all = h.frames('a');
    expect(all[all.length - 1]!.state).toBe('done');
    // Every step arrives exactly once, in order.
    const steps = all.flatMap((f) => Array.from(f.frame.step));
    expect(steps).toEqual(Array.from({ length: 1601 }, (_, i) => i));
  });

  it('pauses, steps exactly, resumes', () => {
    const h = harness();
    h.runner.handle({ type: 'start', runId: 'a', gen: 1, config: small, paused: true });
    h.flush(500);
    expect(h.frames('a')).toHaveLength(1);
    h.runner.handle({ type: 'ack', runId: 'a', gen: 1, seq: 1 });
    h.runner.handle({ type: 'step', steps: 5 });
    h.flush(100);
    const f = h.frames('a');
    expect(f[f.length - 1]!.steps).toBe(5);
    expect(f[f.length - 1]!.state).toBe('paused');
  });

  it('patch restarts a run with the merged config; same config ⇒ same trajectory', () => {
    const h = harness();
    const run = (id: string, config: unknown) => {
      h.runner.handle({ type: 'speed', multiplier: 1000 });
      h.runner.handle({ type: 'start', runId: id, gen: 1, config });
      for (let i = 0; i < 100; i++) {
        const f = h.frames(id);
        h.runner.handle({ type: 'ack', runId: id, gen: 1, seq: f[f.length - 1]!.seq });
        h.flush(20);
      }
      return h.frames(id).flatMap((f) => Array.from(f.frame.positions));
    };
    const a = run('a', small);
    const b = run('b', small);
    expect(b).toEqual(a);
    h.runner.handle({ type: 'patch', runId: 'b', gen: 2, patch: { batch: 32 } });
    const last = h.frames('b')[h.frames('b').length - 1]!;
    expect(last.steps).toBe(0);
  });

  it('tags everything about a run with its generation; acks of an earlier one count for nothing', () => {
    const h = harness();
    h.runner.handle({ type: 'speed', multiplier: 10 });
    const long = { ...small, budget: { unit: 'epochs', amount: 1000 } };
    h.runner.handle({ type: 'start', runId: 'a', gen: 1, config: long });
    h.flush(300);
    h.runner.handle({ type: 'pause', runId: 'a' });
    h.runner.handle({ type: 'start', runId: 'a', gen: 2, config: long });
    const before = h.sent.length;
    h.flush(300);
    const ofA = h.sent.filter((m) => 'runId' in m && m.runId === 'a') as { gen: number }[];
    expect(new Set(ofA.slice(0, 3).map((m) => m.gen))).toEqual(new Set([1]));
    const second = h.sent.slice(before - 1).filter((m) => 'runId' in m) as { gen: number }[];
    expect(second.every((m) => m.gen === 2)).toBe(true);
    // Generation 2 is waiting for acks; a late ack of generation 1 (seq 99) must not free it.
    const waiting = h.frames('a').filter((f) => f.gen === 2).length;
    expect(waiting).toBe(MAX_FRAMES_IN_FLIGHT);
    h.runner.handle({ type: 'ack', runId: 'a', gen: 1, seq: 99 });
    h.flush(100);
    expect(h.frames('a').filter((f) => f.gen === 2)).toHaveLength(waiting);
    h.runner.handle({ type: 'ack', runId: 'a', gen: 2, seq: MAX_FRAMES_IN_FLIGHT });
    h.flush(100);
    expect(h.frames('a').filter((f) => f.gen === 2).length).toBeGreaterThan(waiting);
  });

  it('answers malformed messages and invalid configs with errors, not exceptions', () => {
    const h = harness();
    h.runner.handle(null);
    h.runner.handle({ type: 'nope' });
    h.runner.handle({ type: 'start', runId: 'x', gen: 1, config: { batch: -3 } });
    const errors = h.sent.filter((m) => m.type === 'error');
    expect(errors).toHaveLength(3);
    const cfgErr = errors[2] as Extract<FromWorker, { type: 'error' }>;
    expect(cfgErr.runId).toBe('x');
    expect(cfgErr.errors?.[0]?.path).toBe('batch');
  });

  it('computes train and test surfaces on the requested grid', () => {
    const h = harness();
    h.runner.handle({ type: 'surface', requestId: 7, config: { preset: 'sharp-flat' }, res: 9 });
    const s = h.sent.find((m) => m.type === 'surface') as Extract<FromWorker, { type: 'surface' }>;
    expect(s.requestId).toBe(7);
    expect(s.train).toHaveLength(81);
    expect(s.test).toHaveLength(81);
    expect(s.basins.map((b) => b.id)).toEqual(['sharp', 'flat']);
    expect(s.max).toBeGreaterThan(s.min);
  });

  it('projects N-D runs onto a 2-D slice through the start', () => {
    const h = harness();
    h.runner.handle({
      type: 'start',
      runId: 'q',
      gen: 1,
      config: { preset: 'quadratic-nd', landscape: { dim: 20 } },
    });
    const f = h.frames('q')[0]!;
    expect(f.dim).toBe(20);
    expect(f.frame.positions).toHaveLength(2);
    // The start projects to the slice origin (up to float32 rounding of the positions).
    for (const v of f.frame.positions) expect(Math.abs(v)).toBeLessThan(1e-6);
  });
});
