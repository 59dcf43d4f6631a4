/**
 * A small hand-written flag parser (no dependency): `--name value`, `--name=value`,
 * boolean `--name` (or `--name=true|false`), and `-h` for help. Value parsers turn raw
 * strings into numbers with one clear message per mistake; callers never see NaN.
 */
import { LIMITS } from './limits';

/** A mistake in how the command was called: reported as one line each, exit code 2. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export const usageError = (line: string): UsageError => new UsageError([line]);

/** Echoes user input in an error line: quoted, control characters shown as ?, cut at 40. */
export function quote(raw: string): string {
  let flat = '';
  for (const ch of raw) flat += ch < ' ' || ch === '\u007f' ? '?' : ch;
  return `"${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}"`;
}

/** A flag name as typed, cut like quote() (a pasted paragraph is not a flag name). */
const clip = (name: string): string => quote(name).slice(1, -1);

export interface FlagDecl {
  name: string;
  /** Boolean flags take no value. */
  boolean?: boolean;
}

export interface ParsedArgs {
  /** Raw values of value flags, keyed by name (without dashes). */
  values: Map<string, string>;
  /** Boolean flags that were set, with their value. */
  booleans: Map<string, boolean>;
  positionals: string[];
}

const NEGATIVE_NUMBER = /^-[\d.]/;

/**
 * The word after a value flag is its value unless it is another flag: `--batch -Infinity`
 * must reach the number parser (and be told it is not finite), not read as "no value".
 */
const isFlagLike = (arg: string): boolean => arg.startsWith('--') || arg === '-h';

export function parseArgs(argv: readonly string[], decls: readonly FlagDecl[]): ParsedArgs {
  const byName = new Map(decls.map((d) => [d.name, d]));
  const out: ParsedArgs = { values: new Map(), booleans: new Map(), positionals: [] };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      out.booleans.set('help', true);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && !NEGATIVE_NUMBER.test(arg))
        throw usageError(`unknown flag ${quote(arg)} (flags start with --; see --help)`);
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const decl = byName.get(name);
    if (!decl)
      throw usageError(
        `unknown flag --${clip(name)} (see --help for the flags this command takes)`,
      );
    if (seen.has(name)) throw usageError(`--${name} was given more than once`);
    seen.add(name);
    if (decl.boolean) {
      if (eq < 0) out.booleans.set(name, true);
      else out.booleans.set(name, parseBoolean(name, arg.slice(eq + 1)));
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      // A value may itself start with '-' (e.g. --shift -0.1,0.2).
      if (next !== undefined && !isFlagLike(next)) {
        value = next;
        i++;
      }
    }
    if (value === undefined) throw usageError(`--${name} needs a value`);
    out.values.set(name, value);
  }
  return out;
}

function parseBoolean(name: string, raw: string): boolean {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw usageError(
    `--${name} is a switch: give it alone or as --${name}=true|false, got ${quote(raw)}`,
  );
}

/** Plain decimal: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL = /^[-+]?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads a flag value as a decimal number, or says in a few words what is wrong with it.
 * Number() would take '', ' 8 ', '0x10', '0b11' and '5.' and turn 1e-400 into 0 silently.
 */
export function readDecimal(raw: string): { value: number } | { why: string } {
  if (raw === '') return { why: 'is empty (leave the flag out for its default)' };
  if (raw.trim() !== raw) return { why: 'must not contain spaces' };
  if (/^[-+]?0[xXbBoO]/.test(raw)) return { why: 'must be written in decimal (no 0x/0b/0o)' };
  if (/^[-+]?(inf|infinity|nan)$/i.test(raw)) return { why: 'must be finite' };
  if (!DECIMAL.test(raw)) return { why: 'must be a decimal number like 8, 0.5 or 1e-3' };
  const value = Number(raw);
  if (!Number.isFinite(value)) return { why: 'is too large (it overflows to infinity)' };
  if (value === 0 && /[1-9]/.test(raw.split(/[eE]/)[0]!))
    return { why: 'is too small to represent (it would become 0)' };
  return { value };
}

export function parseNumberValue(name: string, raw: string): number {
  const r = readDecimal(raw);
  if ('why' in r) throw usageError(`--${name} ${r.why}, got ${quote(raw)}`);
  return r.value;
}

/** A whole number in [min, max]; the message says what was wrong and the allowed range. */
export function parseWholeValue(
  name: string,
  raw: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const range = max >= Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
  const r = readDecimal(raw);
  let why: string | null = null;
  if ('why' in r) {
    if (r.why === 'must be finite') why = 'must be a finite integer';
    else if (r.why.startsWith('must be a decimal')) why = `must be a whole number ${range}`;
    else why = r.why;
  } else if (!Number.isInteger(r.value) || r.value < min || r.value > max)
    why = `must be a whole number ${range}`;
  if (why !== null) throw usageError(`--${name} ${why}, got ${quote(raw)}`);
  return (r as { value: number }).value;
}

export function parseListValue(
  name: string,
  raw: string,
  opts: { whole?: boolean; min?: number; max?: number; length?: number; maxLength?: number } = {},
): number[] {
  const maxLength = opts.maxLength ?? LIMITS.listEntries;
  // Count before splitting: a pasted megabyte must not become a million-entry array first.
  let count = 1;
  for (let i = 0; i < raw.length && count <= maxLength; i++) if (raw[i] === ',') count++;
  if (count > maxLength)
    throw usageError(`--${name} takes at most ${maxLength} comma-separated values`);
  const parts = raw.split(',');
  if (opts.length !== undefined && parts.length !== opts.length)
    throw usageError(
      `--${name} must have ${opts.length} comma-separated values, got ${quote(raw)}`,
    );
  return parts.map((part, i) => {
    const r = readDecimal(part);
    const at = parts.length > 1 ? ` (value ${i + 1} of ${quote(raw)})` : '';
    if ('why' in r)
      throw usageError(`--${name}: ${quote(part)} ${part === '' ? 'is empty' : r.why}${at}`);
    const x = r.value;
    if (opts.whole && !Number.isInteger(x))
      throw usageError(`--${name}: ${quote(part)} must be a whole number${at}`);
    if (opts.min !== undefined && x < opts.min)
      throw usageError(`--${name}: ${quote(part)} must be ≥ ${opts.min}${at}`);
    if (opts.max !== undefined && x > opts.max)
      throw usageError(`--${name}: ${quote(part)} must be ≤ ${opts.max}${at}`);
    return x;
  });
}

export function parseChoiceValue<T extends string>(
  name: string,
  raw: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(raw))
    throw usageError(`--${name} must be one of ${choices.join(', ')}; got ${quote(raw)}`);
  return raw as T;
}

/** Typed access to a command's parsed flags, with the parsers above. */
export class Flags {
  /**
   * @param configObject the parsed --config file, once read (a shard file carries a copy,
   *   and a merge replays that copy instead of reading the file again)
   */
  constructor(
    readonly args: ParsedArgs,
    public configObject: Record<string, unknown> | null = null,
  ) {}
  has(name: string): boolean {
    return this.args.values.has(name) || this.args.booleans.has(name);
  }
  raw(name: string): string | undefined {
    return this.args.values.get(name);
  }
  bool(name: string): boolean {
    return this.args.booleans.get(name) ?? false;
  }
  whole(name: string, fallback: number, min: number, max: number): number {
    const r = this.raw(name);
    return r === undefined ? fallback : parseWholeValue(name, r, min, max);
  }
  choice<T extends string>(name: string, fallback: T, choices: readonly T[]): T {
    const r = this.raw(name);
    return r === undefined ? fallback : parseChoiceValue(name, r, choices);
  }
}
