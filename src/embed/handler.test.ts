import { describe, expect, it } from 'vitest';
import { handleMessage, type EmbedActions } from './handler';
import { decodeEmbedOptions } from './options';
import { ECHO_CHARS, EMBED_PROTOCOL, isEmbedEvent, parseCommand } from './protocol';
import { RunGate } from './gate';

const HOST = 'https://host.example';
const SELF = 'https://figures.example';

function recorder(overrides: Partial<EmbedActions> = {}) {
  const calls: string[] = [];
  const actions: EmbedActions = {
    setConfig: (p) => (calls.push(`set:${JSON.stringify(p)}`), []),
    play: () => void calls.push('play'),
    pause: () => void calls.push('pause'),
    reset: () => void calls.push('reset'),
    gotoStep: (s) => (calls.push(`goto:${s}`), null),
    ...overrides,
  };
  return { calls, actions };
}

const msg = (m: Record<string, unknown>) => ({ batchscape: EMBED_PROTOCOL, ...m });

describe('embed message handler', () => {
  it('refuses a message from an origin that is not allowed, and acts on nothing', () => {
    const { calls, actions } = recorder();
    const replies = handleMessage('https://evil.example', msg({ type: 'play' }), [SELF], actions);
    expect(calls).toEqual([]);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ batchscape: 1, type: 'error', code: 'origin' });
    expect(replies.every(isEmbedEvent)).toBe(true);
  });

  it('runs each valid command from an allowed origin and answers nothing', () => {
    const { calls, actions } = recorder();
    for (const m of [
      { type: 'play' },
      { type: 'pause' },
      { type: 'reset' },
      { type: 'goto-step', step: 'sharp-vs-flat' },
      { type: 'set-config', params: { b: 64, ra: true, cmp: 'batch:8,1024' } },
    ])
      expect(handleMessage(HOST, msg(m), [SELF, HOST], actions)).toEqual([]);
    expect(calls).toEqual([
      'play',
      'pause',
      'reset',
      'goto:sharp-vs-flat',
      'set:{"b":"64","ra":"1","cmp":"batch:8,1024"}',
    ]);
  });

  it('answers malformed, unknown and wrong-version messages with one truncated error line', () => {
    const { calls, actions } = recorder();
    const huge = 'x'.repeat(10_000);
    const cyclic: Record<string, unknown> = { batchscape: 1, type: 'set-config' };
    cyclic.params = cyclic;
    const cases: [unknown, string][] = [
      [null, 'malformed'],
      ['play', 'malformed'],
      [[1, 2], 'malformed'],
      [{ type: 'play' }, 'malformed'],
      [msg({}), 'malformed'],
      [msg({ type: huge }), 'unknown-type'],
      [msg({ type: 'explode' }), 'unknown-type'],
      [{ batchscape: 99, type: 'play' }, 'version'],
      [msg({ type: 'goto-step' }), 'malformed'],
      [msg({ type: 'set-config', params: 'b=8' }), 'malformed'],
      [msg({ type: 'set-config', params: { 'b c': '8' } }), 'malformed'],
      [msg({ type: 'set-config', params: { b: { deep: 1 } } }), 'malformed'],
      [msg({ type: 'set-config', params: { b: huge } }), 'malformed'],
      [msg({ type: 'set-config', params: { b: Number.NaN } }), 'malformed'],
      [cyclic, 'malformed'],
      [msg({ type: 'play', id: { no: 1 } }), 'malformed'],
    ];
    for (const [data, code] of cases) {
      const replies = handleMessage(HOST, data, [HOST], actions);
      expect(replies, JSON.stringify(code)).toHaveLength(1);
      const r = replies[0]!;
      expect(r).toMatchObject({ type: 'error', code });
      if (r.type !== 'error') throw new Error('not an error');
      expect(r.message).not.toMatch(/\n/);
      expect(r.message.length).toBeLessThan(ECHO_CHARS + 120);
    }
    expect(calls).toEqual([]);
  });

  it('echoes the id, and reports notices, refusals and failing actions as errors', () => {
    const { actions } = recorder({
      setConfig: () => ['b=0 is out of range; using 1.'],
      gotoStep: () => 'this figure has no walkthrough steps',
      reset: () => {
        throw new Error('worker gone');
      },
    });
    expect(
      handleMessage(HOST, msg({ type: 'set-config', params: { b: 0 }, id: 'a' }), '*', actions),
    ).toEqual([
      {
        batchscape: 1,
        type: 'error',
        code: 'config',
        message: 'b=0 is out of range; using 1.',
        id: 'a',
      },
    ]);
    expect(
      handleMessage(HOST, msg({ type: 'goto-step', step: 's', id: 7 }), '*', actions)[0],
    ).toMatchObject({
      code: 'unsupported',
      id: '7',
    });
    expect(handleMessage(HOST, msg({ type: 'reset' }), '*', actions)[0]).toMatchObject({
      code: 'figure',
      message: 'reset failed: "worker gone"',
    });
  });

  it('parses every command type it advertises', () => {
    expect(parseCommand(msg({ type: 'goto-step', step: 'x' }))).toEqual({
      ok: true,
      command: { type: 'goto-step', step: 'x' },
    });
  });
});

describe('embed options', () => {
  it('defaults to same origin only, play controls and autoplay', () => {
    const o = decodeEmbedOptions('?embed=1&view=sweep', SELF);
    expect(o).toMatchObject({ enabled: true, figure: 'sweep', controls: 'play', autoplay: true });
    expect(o.origins).toEqual([SELF]);
    expect(o.notices).toEqual([]);
  });

  it('adds build-time and URL origins, accepts *, and notes bad values', () => {
    const o = decodeEmbedOptions(
      `?embed=1&origins=${encodeURIComponent('https://a.example, ftp://x, https://b.example/path')}&controls=most&autoplay=maybe&theme=blue`,
      SELF,
      'https://build.example',
    );
    expect(o.origins).toEqual([SELF, 'https://build.example', 'https://a.example']);
    expect(o.notices).toHaveLength(5);
    expect(o).toMatchObject({ controls: 'play', autoplay: true, theme: null, figure: 'scene' });
    expect(decodeEmbedOptions('?embed=1&origins=*', SELF).origins).toBe('*');
    expect(decodeEmbedOptions('?view=sweep', SELF).enabled).toBe(false);
  });
});

describe('run gate', () => {
  it('works only while wanted and on screen; scrolling back resumes only what was playing', () => {
    const log: string[] = [];
    const gate = new RunGate(
      { run: (e) => void log.push(e ? 'run!' : 'run'), hold: () => void log.push('hold') },
      true,
    );
    expect(gate.active).toBe(false);
    gate.setVisible(true);
    gate.setVisible(false);
    gate.setVisible(true);
    gate.pause();
    gate.setVisible(false);
    gate.setVisible(true);
    gate.play();
    expect(log).toEqual(['run', 'hold', 'run', 'hold', 'run!']);
    const idle = new RunGate({ run: () => void log.push('x'), hold: () => undefined }, false);
    idle.setVisible(true);
    idle.play();
    idle.setVisible(false);
    idle.play();
    expect(log.slice(5)).toEqual(['x']);
  });
});
