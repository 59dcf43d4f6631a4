import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkToWorker, frameTransferables, PROTOCOL_VERSION } from './protocol';
import { createRun } from '../engine/run';

describe('protocol', () => {
  it('accepts every well-formed command', () => {
    const ok: unknown[] = [
      { type: 'hello', version: PROTOCOL_VERSION },
      { type: 'start', runId: 'a', gen: 1, config: {} },
      { type: 'pause' },
      { type: 'resume', runId: 'a' },
      { type: 'step', steps: 3 },
      { type: 'stop' },
      { type: 'patch', runId: 'a', gen: 2, patch: { batch: 4 } },
      { type: 'speed', multiplier: Infinity },
      { type: 'ack', runId: 'a', gen: 1, seq: 2 },
      { type: 'surface', requestId: 1, config: {}, res: 64 },
      { type: 'ping', id: 1 },
      { type: 'job', jobId: 1, job: { kind: 'endpoint', config: {} } },
    ];
    for (const m of ok) expect(checkToWorker(m)).toBeNull();
  });

  it('names what is wrong with malformed commands', () => {
    expect(checkToWorker(null)).toMatch(/not an object/);
    expect(checkToWorker({ type: 'launch' })).toMatch(/unknown message type/);
    expect(checkToWorker({ type: 'start' })).toMatch(/runId/);
    expect(checkToWorker({ type: 'start', runId: 'a', config: {} })).toMatch(/gen/);
    expect(checkToWorker({ type: 'ack', runId: 'a', gen: 1.5, seq: 1 })).toMatch(/gen/);
    expect(checkToWorker({ type: 'step', steps: 0 })).toMatch(/steps/);
    expect(checkToWorker({ type: 'speed', multiplier: -1 })).toMatch(/multiplier/);
    expect(checkToWorker({ type: 'surface', requestId: 1, res: 5000 })).toMatch(/res/);
    expect(checkToWorker({ type: 'job', jobId: 'x' })).toMatch(/jobId/);
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(fc.property(fc.anything(), (m) => void checkToWorker(m)));
  });

  it('lists every typed array of a frame for transfer, each buffer once', () => {
    const chunk = createRun({ preset: 'bowl', budget: { unit: 'steps', amount: 5 } }).advance(5);
    const buffers = frameTransferables(chunk);
    expect(buffers).toHaveLength(6);
    expect(new Set(buffers).size).toBe(6);
  });
});
