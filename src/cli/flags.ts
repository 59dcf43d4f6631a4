/**
 * A small hand-written flag parser (no dependency): `--name value`, `--name=value`,
 * boolean `--name` (or `--name=true|false`), and `-h` for help. Value parsers turn raw
 * strings into numbers with one clear message per mistake; callers never see NaN.
 */

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
      // A value may itself start with '-' when it is a number (e.g. --shift -0.1,0.2).
      if (next !== undefined && (!next.startsWith('-') || NEGATIVE_NUMBER.test(next))) {
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

/** Number() accepts '' and ' ' as 0; a flag value must actually spell a number. */
function toNumber(raw: string): number {
  return raw.trim() === '' ? NaN : Number(raw);
}

export function parseNumberValue(name: string, raw: string): number {
  const x = toNumber(raw);
  if (!Number.isFinite(x)) throw usageError(`--${name} must be a number, got ${quote(raw)}`);
  return x;
}

export function parseWholeValue(name: string, raw: string, min: number): number {
  const x = toNumber(raw);
  if (!Number.isInteger(x) || x < min)
    throw usageError(`--${name} must be a whole number ≥ ${min}, got ${quote(raw)}`);
  return x;
}

export function parseListValue(
  name: string,
  raw: string,
  opts: { whole?: boolean; min?: number; length?: number } = {},
): number[] {
  const parts = raw.split(',');
  const xs = parts.map(toNumber);
  const what = opts.whole
    ? `a comma-separated list of whole numbers${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}`
    : 'a comma-separated list of numbers';
  const bad = xs.some(
    (x) =>
      !Number.isFinite(x) ||
      (opts.whole && !Number.isInteger(x)) ||
      (opts.min !== undefined && x < opts.min),
  );
  if (bad) throw usageError(`--${name} must be ${what}, got ${quote(raw)}`);
  if (opts.length !== undefined && xs.length !== opts.length)
    throw usageError(
      `--${name} must have ${opts.length} comma-separated values, got ${quote(raw)}`,
    );
  return xs;
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
  constructor(readonly args: ParsedArgs) {}
  has(name: string): boolean {
    return this.args.values.has(name) || this.args.booleans.has(name);
  }
  raw(name: string): string | undefined {
    return this.args.values.get(name);
  }
  bool(name: string): boolean {
    return this.args.booleans.get(name) ?? false;
  }
  whole(name: string, fallback: number, min: number): number {
    const r = this.raw(name);
    return r === undefined ? fallback : parseWholeValue(name, r, min);
  }
  choice<T extends string>(name: string, fallback: T, choices: readonly T[]): T {
    const r = this.raw(name);
    return r === undefined ? fallback : parseChoiceValue(name, r, choices);
  }
}
