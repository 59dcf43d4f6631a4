/**
 * The host-page API of an embedded figure: every message type in one place, plus the
 * validator that turns whatever arrives through `postMessage` into a typed command or a
 * one-line reason. DOM-free and dependency-free, so the article's host script, the embed
 * and the unit tests share it.
 *
 * Every message, both ways, carries `batchscape: EMBED_PROTOCOL`: the field names the
 * protocol (so unrelated `postMessage` traffic is told apart) and its version (so a host
 * written for a later version gets a clear refusal rather than half-understood commands).
 * Versions only add: a field or type is never renamed within a version.
 */

export const EMBED_PROTOCOL = 1;

/** Commands a host may send. `id`, when given, is echoed in any `error` it causes. */
export type EmbedCommand =
  | { type: 'set-config'; params: Record<string, string>; id?: string }
  | { type: 'play'; id?: string }
  | { type: 'pause'; id?: string }
  | { type: 'reset'; id?: string }
  | { type: 'goto-step'; step: string; id?: string };

export type CommandType = EmbedCommand['type'];
export const COMMAND_TYPES: readonly CommandType[] = [
  'set-config',
  'play',
  'pause',
  'reset',
  'goto-step',
];

export type ErrorCode =
  /** The sender's origin is not on the embed's allowed list. */
  | 'origin'
  /** Not an object, no `type`, or a field of the wrong shape. */
  | 'malformed'
  /** A `type` this version does not know. */
  | 'unknown-type'
  /** `batchscape` names another protocol version. */
  | 'version'
  /** Understood but not possible here (e.g. goto-step in a figure that has no steps). */
  | 'unsupported'
  /** set-config values that were clamped or ignored (the rest was applied). */
  | 'config'
  /** Something failed inside the figure (a run, a worker). */
  | 'figure';

/** Per-run numbers of a finished explorer run (the same numbers the result table shows). */
export interface RunSummary {
  id: string;
  label: string;
  batch: number;
  lr: number;
  steps: number;
  state: 'done' | 'diverged';
  trainLoss: number | null;
  testLoss: number | null;
  gap: number | null;
  lambdaMax: number | null;
  basin: string | null;
}

/** Summary of a finished science-view ensemble: how many runs, and the caption's numbers. */
export interface EnsembleSummary {
  view: string;
  runs: number;
  elapsedMs: number;
  /** The view's result caption, computed from the ensemble's numbers. */
  caption: string;
}

export type FigureSummary =
  { kind: 'runs'; runs: RunSummary[] } | { kind: 'ensemble'; ensemble: EnsembleSummary };

/** Events an embed sends to its host. */
export type EmbedEvent =
  | {
      type: 'ready';
      figure: string;
      controls: Controls;
      autoplay: boolean;
      theme: 'light' | 'dark';
      commands: readonly CommandType[];
      /** Walkthrough step ids this embed can go to (empty for a plain figure). */
      steps: string[];
    }
  | { type: 'resize'; height: number }
  | { type: 'step-changed'; tour: string; step: string; index: number; count: number }
  | { type: 'run-finished'; figure: string; summary: FigureSummary }
  | { type: 'error'; code: ErrorCode; message: string; id?: string };

export type Controls = 'none' | 'play' | 'full';

export type Envelope<T> = T & { batchscape: typeof EMBED_PROTOCOL };

export function envelope<T extends { type: string }>(m: T): Envelope<T> {
  return { batchscape: EMBED_PROTOCOL, ...m };
}

export type Parsed =
  | { ok: true; command: EmbedCommand }
  | { ok: false; code: ErrorCode; message: string; id?: string };

/** Longest echo of a bad input in an error line: enough to recognise, never a flood. */
export const ECHO_CHARS = 60;
const MAX_PARAMS = 40;
const MAX_VALUE = 200;
const PARAM_KEY = /^[A-Za-z][A-Za-z0-9]{0,15}$/;

/** A short, single-line rendering of any value (cyclic, huge or exotic ones included). */
export function echo(value: unknown): string {
  let s: string;
  try {
    s =
      typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = Object.prototype.toString.call(value);
  }
  s = s.replace(/\s+/g, ' ');
  return s.length > ECHO_CHARS ? `${s.slice(0, ECHO_CHARS)}…` : s;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a host message; never throws, whatever `data` is. */
export function parseCommand(data: unknown): Parsed {
  if (!isRecord(data))
    return { ok: false, code: 'malformed', message: `expected an object, got ${echo(data)}` };
  const rawId = data.id;
  const id =
    typeof rawId === 'string' && rawId.length <= 64
      ? rawId
      : typeof rawId === 'number' && Number.isFinite(rawId)
        ? String(rawId)
        : undefined;
  const fail = (code: ErrorCode, message: string): Parsed =>
    id === undefined ? { ok: false, code, message } : { ok: false, code, message, id };
  if (rawId !== undefined && id === undefined)
    return fail('malformed', `"id" must be a string (≤ 64 chars) or a number`);
  if (data.batchscape !== EMBED_PROTOCOL)
    return typeof data.batchscape === 'number'
      ? fail(
          'version',
          `protocol version ${echo(data.batchscape)} is not supported; this embed speaks ${EMBED_PROTOCOL}`,
        )
      : fail('malformed', `missing "batchscape": ${EMBED_PROTOCOL} in ${echo(data)}`);
  const type = data.type;
  if (typeof type !== 'string') return fail('malformed', `missing "type" in ${echo(data)}`);
  const base = id === undefined ? {} : { id };
  switch (type) {
    case 'play':
    case 'pause':
    case 'reset':
      return { ok: true, command: { type, ...base } };
    case 'goto-step': {
      const step = data.step;
      if (typeof step !== 'string' || step.length === 0 || step.length > 64)
        return fail('malformed', `goto-step needs "step": a step id, got ${echo(step)}`);
      return { ok: true, command: { type, step, ...base } };
    }
    case 'set-config': {
      const raw = data.params;
      if (!isRecord(raw))
        return fail('malformed', `set-config needs "params": an object, got ${echo(raw)}`);
      const entries = Object.entries(raw);
      if (entries.length > MAX_PARAMS)
        return fail('malformed', `set-config takes at most ${MAX_PARAMS} params`);
      const params: Record<string, string> = {};
      for (const [k, v] of entries) {
        if (!PARAM_KEY.test(k)) return fail('malformed', `bad param name ${echo(k)}`);
        const s =
          typeof v === 'string'
            ? v
            : (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean'
              ? String(typeof v === 'boolean' ? Number(v) : v)
              : null;
        if (s === null || s.length > MAX_VALUE)
          return fail(
            'malformed',
            `param ${k} must be a string, number or boolean, got ${echo(v)}`,
          );
        params[k] = s;
      }
      return { ok: true, command: { type, params, ...base } };
    }
    default:
      return fail(
        'unknown-type',
        `unknown message type ${echo(type)}; known: ${COMMAND_TYPES.join(', ')}`,
      );
  }
}

/** Validates an event as a host receives it (the article uses this to ignore stray messages). */
export function isEmbedEvent(data: unknown): data is Envelope<EmbedEvent> {
  if (!isRecord(data) || data.batchscape !== EMBED_PROTOCOL) return false;
  switch (data.type) {
    case 'ready':
      return typeof data.figure === 'string';
    case 'resize':
      return typeof data.height === 'number' && Number.isFinite(data.height) && data.height >= 0;
    case 'step-changed':
      return typeof data.step === 'string' && typeof data.index === 'number';
    case 'run-finished':
      return isRecord(data.summary);
    case 'error':
      return typeof data.code === 'string' && typeof data.message === 'string';
    default:
      return false;
  }
}
