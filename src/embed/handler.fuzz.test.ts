/**
 * The embed's postMessage handler against generated messages (≥ 10 000 each): whatever a
 * page sends, from any origin, nothing throws out of it; a message it accepts reaches the
 * figure as exactly one well-formed command; a message it refuses gets exactly one `error`
 * event, in one short line that names what was wrong, with the sender's id echoed when it
 * gave a usable one. The last property drives set-config through the real URL decoder and
 * stores, so the notices a host gets back are the figure's own.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { configStore, initialConfigState } from '../state/configStore';
import { initialViewState, viewStore } from '../state/viewStore';
import { viewParamsStore } from '../state/viewParamsStore';
import { applyUrlParams } from './applyConfig';
import { handleMessage, type EmbedActions } from './handler';
import { COMMAND_TYPES, EMBED_PROTOCOL, type EmbedCommand } from './protocol';

const RUNS = 10_000;
const SELF = 'https://figures.example';
const HOST = 'https://course.example';
/** Longest reply line: a refusal quotes at most a short echo of the input. */
const MAX_LINE = 400;
const PARAM_KEY = /^[A-Za-z][A-Za-z0-9]{0,15}$/;

/** Which field a refusal of each kind must name. */
const NAMES: Record<string, RegExp> = {
  origin: /origin/,
  malformed: /"batchscape"|"type"|"id"|"step"|"params"|param|expected an object/,
  'unknown-type': /message type/,
  version: /protocol version/,
  unsupported: /step|walkthrough/,
  config: /\S/,
  figure: /failed/,
};

const key = fc.oneof(
  fc.constantFrom('b', 'n', 'ep', 'lr', 'cmp', 'seed', 'p', 'th', 'theme', 'sk', 'sb', 'zz'),
  fc.string({ maxLength: 18 }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', ' ', '\n', '1e300', '-1', 'NaN', 'batch:1,2', 'x'.repeat(201)),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const params = fc.oneof(
  fc.dictionary(key, scalar, { maxKeys: 6 }),
  fc.dictionary(fc.string({ maxLength: 3 }), scalar, { minKeys: 41, maxKeys: 45 }),
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
);
const id = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 70 }),
  fc.double(),
  fc.anything({ maxDepth: 1, maxKeys: 3 }),
);
/** Messages that look like commands, some of them right, most of them subtly wrong. */
const commandLike = fc.record(
  {
    batchscape: fc.oneof(
      { weight: 6, arbitrary: fc.constant<unknown>(EMBED_PROTOCOL) },
      fc.constantFrom<unknown>(0, 2, '1', null, Number.NaN),
    ),
    type: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<unknown>(...COMMAND_TYPES) },
      fc.string({ maxLength: 12 }),
      fc.anything({ maxDepth: 1, maxKeys: 3 }),
    ),
    step: fc.oneof(fc.string({ maxLength: 70 }), fc.anything({ maxDepth: 1, maxKeys: 3 })),
    params,
    id,
  },
  { requiredKeys: ['batchscape', 'type'] },
);
const message = fc.oneof(
  { weight: 4, arbitrary: commandLike },
  fc.anything({ maxDepth: 3, maxKeys: 4 }),
  fc.string(),
  fc.constantFrom<unknown>(null, undefined, 0, [], () => 1, Symbol('s'), new Date(0)),
);
const origin = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(SELF, HOST) },
  fc.constantFrom('null', '', 'https://evil.example', `${HOST}/`, 'HTTPS://COURSE.EXAMPLE'),
  fc.string({ maxLength: 30 }),
);

/** Actions that record every call (and sometimes fail, as a figure can). */
function recorder(fail: { throws: boolean; gotoError: boolean; notices: string[] }) {
  const calls: EmbedCommand[] = [];
  const actions: EmbedActions = {
    setConfig(p) {
      calls.push({ type: 'set-config', params: p });
      if (fail.throws) throw new Error('worker gone\nat line 2');
      return fail.notices;
    },
    play: () => void calls.push({ type: 'play' }),
    pause: () => void calls.push({ type: 'pause' }),
    reset: () => void calls.push({ type: 'reset' }),
    gotoStep(step) {
      calls.push({ type: 'goto-step', step });
      return fail.gotoError ? `unknown step "${step.slice(0, 40)}"` : null;
    },
  };
  return { calls, actions };
}

/** The `id` the handler may echo: a short string or a finite number, as a string. */
function usableId(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const raw = (data as { id?: unknown }).id;
  if (typeof raw === 'string' && raw.length <= 64) return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function checkReplyLines(replies: ReturnType<typeof handleMessage>): void {
  for (const r of replies) {
    expect(r.batchscape).toBe(EMBED_PROTOCOL);
    expect(r.type).toBe('error');
    if (r.type !== 'error') continue;
    expect(r.message.length).toBeGreaterThan(0);
    expect(r.message.length).toBeLessThanOrEqual(MAX_LINE);
    expect(r.message).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(r.message, r.code).toMatch(NAMES[r.code]!);
  }
}

describe('embed postMessage handler, generated messages', () => {
  it('never throws; accepts into one valid command; refuses in one named line', () => {
    fc.assert(
      fc.property(
        origin,
        message,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
        fc.boolean(),
        (from, data, throws, gotoError, notices, anyOrigin) => {
          const { calls, actions } = recorder({ throws, gotoError, notices });
          const allowed = anyOrigin ? '*' : [SELF, HOST];
          const replies = handleMessage(from, data, allowed, actions);
          checkReplyLines(replies);
          expect(replies.length).toBeLessThanOrEqual(1);
          if (!anyOrigin && from !== SELF && from !== HOST) {
            expect(calls).toEqual([]);
            expect(replies.map((r) => r.type === 'error' && r.code)).toEqual(['origin']);
            return;
          }
          expect(calls.length).toBeLessThanOrEqual(1);
          const call = calls[0];
          if (!call) {
            // Refused before reaching the figure: exactly one error, the id echoed.
            expect(replies).toHaveLength(1);
            const r = replies[0]!;
            if (r.type === 'error' && r.code !== 'malformed') expect(r.id).toBe(usableId(data));
            return;
          }
          // Accepted: a known type with well-formed fields, taken from the message.
          const m = data as Record<string, unknown>;
          expect(m.batchscape).toBe(EMBED_PROTOCOL);
          expect(call.type).toBe(m.type);
          if (call.type === 'goto-step') {
            expect(call.step).toBe(m.step);
            expect(call.step.length).toBeGreaterThan(0);
            expect(call.step.length).toBeLessThanOrEqual(64);
          }
          if (call.type === 'set-config') {
            const entries = Object.entries(call.params);
            expect(entries.length).toBeLessThanOrEqual(40);
            for (const [k, v] of entries) {
              expect(k).toMatch(PARAM_KEY);
              expect(typeof v).toBe('string');
              expect(v.length).toBeLessThanOrEqual(200);
            }
          }
          // A figure's failure or refusal is one error carrying the command's id; else silence.
          const failed =
            (call.type === 'set-config' && (throws || notices.some((n) => n.trim() !== ''))) ||
            (call.type === 'goto-step' && gotoError);
          expect(replies).toHaveLength(failed ? 1 : 0);
          for (const r of replies) if (r.type === 'error') expect(r.id).toBe(usableId(data));
        },
      ),
      { numRuns: RUNS },
    );
  }, 30_000);
});

describe('set-config through the real decoder, generated params', () => {
  beforeEach(() => {
    configStore.setState(initialConfigState());
    viewStore.setState({ ...initialViewState });
    viewParamsStore.setState({ tab: 'explorer' });
  });

  it('keeps every store valid and answers bad values in one line', () => {
    const figure: EmbedActions = {
      setConfig: applyUrlParams,
      play() {},
      pause() {},
      reset() {},
      gotoStep: () => 'this figure has no walkthrough steps; embed one with tour= and step=',
    };
    const value = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('0', '1', '8', '1024', '-5', '1e9', '0x10', '', 'batch:4,32', 'lr:1e300,2'),
      fc.integer({ min: -10, max: 1e6 }),
      fc.double(),
    );
    const urlKey = fc.constantFrom(
      'b',
      'n',
      'ep',
      'lr',
      'cmp',
      'seed',
      'p',
      'th',
      'theme',
      'sk',
      'q',
    );
    fc.assert(
      fc.property(fc.dictionary(urlKey, value, { maxKeys: 4 }), (p) => {
        const replies = handleMessage(
          SELF,
          { batchscape: EMBED_PROTOCOL, type: 'set-config', params: p, id: 'c' },
          [SELF],
          figure,
        );
        checkReplyLines(replies);
        expect(replies.length).toBeLessThanOrEqual(1);
        // A value that is not a finite number or a short string is refused before the
        // figure (malformed); everything else the decoder answers with its own notices.
        const wellFormed = Object.values(p).every(
          (v) => typeof v !== 'number' || Number.isFinite(v),
        );
        for (const r of replies)
          expect(r).toMatchObject({ code: wellFormed ? 'config' : 'malformed', id: 'c' });
        const { base, compare } = configStore.getState();
        expect(base.landscape.n).toBeGreaterThan(0);
        expect(Number.isFinite(base.lr) && base.lr > 0).toBe(true);
        expect(base.batch >= 1 && base.batch <= base.landscape.n).toBe(true);
        for (const v of compare.values)
          if (typeof v === 'number') expect(Number.isFinite(v), String(v)).toBe(true);
      }),
      // Each case encodes and decodes a whole link (~2 ms): the 10 000 above cover the
      // handler itself; these check what the real figure answers.
      { numRuns: 1_000 },
    );
  }, 60_000);
});
