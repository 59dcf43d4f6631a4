/**
 * Turns parsed flags into a config input: the --config file first, then --preset (or
 * the command's default), then every other flag of the table on top; validation
 * errors come back as `path: message (--flag)` lines.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { PRESET_IDS, type ConfigInput, type PresetId, type RunConfig } from '../engine/config';
import { presetDefaults } from '../engine/presets';
import { resolveConfig } from '../engine/validate';
import { configFlagList, flagForPath, type ConfigFlag } from './configFlags';
import {
  UsageError,
  parseChoiceValue,
  parseListValue,
  parseNumberValue,
  parseWholeValue,
  quote,
  usageError,
  type Flags,
} from './flags';
import { LIMITS } from './limits';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function setPath(target: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (!isObj(o[k])) o[k] = {};
    o = o[k] as Obj;
  }
  o[keys.at(-1)!] = value;
}

/**
 * Reads at most `cap` bytes of a file, one chunk at a time: /dev/zero, a FIFO or a 50 MB
 * file is refused after `cap` bytes instead of being read until memory runs out.
 */
export function readCapped(file: string, cap: number, what: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw usageError(`cannot read ${what} ${quote(file)}: ${ioReason(e)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 16, cap + 1 - total));
      let got: number;
      try {
        got = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw usageError(`cannot read ${what} ${quote(file)}: ${ioReason(e)}`);
      }
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total > cap)
        throw usageError(`${what} ${quote(file)} is larger than the limit of ${cap} bytes`);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return code ?? 'unreadable';
}

/**
 * JSON.parse's message quotes the text around the mistake; the file may be anything
 * (/etc/passwd), so only the position is reported.
 */
export function parseJsonFile(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // V8 gives a position for most mistakes; for a bad first token it only quotes the text.
    const at = /position (\d+)/.exec((e as Error).message)?.[1] ?? text.search(/\S/);
    let where = '';
    if (Number(at) >= 0) {
      const before = text.slice(0, Number(at));
      const line = before.split('\n').length;
      where = ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
    }
    throw usageError(`${what} ${quote(file)} is not valid JSON${where}`);
  }
}

function readConfigFile(file: string): Obj {
  const text = readCapped(file, LIMITS.configBytes, '--config file');
  const parsed = parseJsonFile(text, file, '--config file');
  if (!isObj(parsed))
    throw usageError(`--config file ${quote(file)} must hold a JSON object (a partial RunConfig)`);
  return parsed;
}

function parseValue(c: ConfigFlag, raw: string): unknown {
  switch (c.kind.type) {
    case 'number':
      return parseNumberValue(c.name, raw);
    case 'whole':
      return parseWholeValue(c.name, raw, c.kind.min);
    case 'list':
      return parseListValue(c.name, raw);
    case 'choice':
      return parseChoiceValue(c.name, raw, c.kind.choices);
    default:
      return raw;
  }
}

const presetOf = (input: Obj): PresetId | null =>
  PRESET_IDS.includes(input.preset as PresetId) ? (input.preset as PresetId) : null;

/**
 * Builds the (unvalidated) config input: the --config file, then --preset (or the
 * command's default preset), then every other flag on top.
 */
export function buildConfigInput(
  flags: Flags,
  defaultPreset: PresetId,
  omit: readonly string[] = [],
): ConfigInput {
  const file = flags.raw('config');
  // A merge replays a shard's --config from the copy the shard file carries.
  if (!flags.configObject && file !== undefined) flags.configObject = readConfigFile(file);
  const input: Obj = flags.configObject ? structuredClone(flags.configObject) : {};
  // A typed landscape is the custom preset's: --expr alone is enough.
  if (flags.has('expr') && !flags.has('preset')) input.preset ??= 'custom';
  input.preset ??= defaultPreset;
  if (flags.has('epochs') && flags.has('steps'))
    throw usageError('give the budget as --epochs or --steps, not both');
  for (const c of configFlagList(omit)) {
    if (!flags.has(c.name) || c.name === 'config') continue;
    if (c.kind.type === 'switch') {
      setPath(input, c.path, flags.bool(c.name));
      continue;
    }
    const raw = flags.raw(c.name)!;
    if (c.name === 'epochs')
      input.budget = { unit: 'epochs', amount: parseNumberValue(c.name, raw) };
    else if (c.name === 'steps')
      input.budget = { unit: 'steps', amount: parseWholeValue(c.name, raw, 1) };
    else if (c.name === 'start')
      input.start = raw === 'random' ? null : parseListValue(c.name, raw);
    else if (c.path === 'lrSchedule.kind' || c.path === 'batchSchedule.kind') {
      // Switching kind drops the file's parameters of the old kind (they would be unknown fields).
      const kind = parseValue(c, raw);
      const key = c.path.split('.')[0]!;
      const old = input[key];
      input[key] =
        isObj(old) && (old.kind === kind || old.kind === undefined) ? { ...old, kind } : { kind };
    } else setPath(input, c.path, parseValue(c, raw));
  }
  checkScheduleFlags(input, flags, omit);
  return input as ConfigInput;
}

/** A schedule parameter without its schedule would be an "unknown field": name the missing flag. */
function checkScheduleFlags(input: Obj, flags: Flags, omit: readonly string[]): void {
  const preset = presetOf(input);
  for (const c of configFlagList(omit)) {
    if (!c.schedule || !flags.has(c.name)) continue;
    const given = input[c.schedule.key];
    const kind =
      (isObj(given) ? given.kind : undefined) ??
      (preset ? presetDefaults(preset)[c.schedule.key].kind : undefined);
    if (kind !== c.schedule.kind) {
      const flag = c.schedule.key === 'lrSchedule' ? 'lr-schedule' : 'batch-schedule';
      throw usageError(
        `--${c.name} applies only with --${flag} ${c.schedule.kind} (the schedule here is "${String(kind)}")`,
      );
    }
  }
}

/** Validates with the engine; every problem becomes one `path: message (--flag)` line. */
export function resolveOrExplain(input: unknown, context = ''): RunConfig {
  const r = resolveConfig(input);
  if (r.ok) return r.config;
  throw new UsageError(
    r.errors.map((e) => {
      const flag = flagForPath(e.path);
      return `${e.path || '(config)'}: ${e.message}${flag ? ` (${flag})` : ''}${context}`;
    }),
  );
}
