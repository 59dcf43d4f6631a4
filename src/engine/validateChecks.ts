/** Small field checks the config validator is built from: each pushes `path: reason`. */
import type { RunConfig } from './config';

/** One problem with a config: where (dotted path) and why. */
export interface ConfigError {
  path: string;
  message: string;
}

export type Check = (value: unknown, path: string, errors: ConfigError[], whole: RunConfig) => void;

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function num(
  min: number,
  max: number,
  opts: { integer?: boolean; exclusiveMin?: boolean } = {},
): Check {
  return (v, path, errors) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.push({ path, message: `must be a finite number, got ${describe(v)}` });
    } else if (opts.integer && !Number.isInteger(v)) {
      errors.push({ path, message: `must be a whole number, got ${v}` });
    } else if (opts.exclusiveMin ? v <= min : v < min) {
      errors.push({ path, message: `must be ${opts.exclusiveMin ? '>' : '≥'} ${min}, got ${v}` });
    } else if (v > max) {
      errors.push({ path, message: `must be ≤ ${max}, got ${v}` });
    }
  };
}

export function oneOf(values: readonly string[]): Check {
  return (v, path, errors) => {
    if (typeof v !== 'string' || !values.includes(v)) {
      errors.push({ path, message: `must be one of ${values.join(', ')}; got ${describe(v)}` });
    }
  };
}

export function numArray(minLen: number, maxLen: number, min = -1e6, max = 1e6): Check {
  return (v, path, errors) => {
    if (!Array.isArray(v))
      return void errors.push({ path, message: `must be a list of numbers, got ${describe(v)}` });
    // A wrong length is one problem, whatever the entries hold (a million-entry list must
    // not become a million error lines); otherwise the first bad entry stands for the rest.
    if (v.length < minLen || v.length > maxLen)
      return void errors.push({
        path,
        message: `must have ${minLen === maxLen ? minLen : `${minLen}–${maxLen}`} entries, got ${v.length}`,
      });
    const check = num(min, max);
    for (let i = 0; i < v.length; i++) {
      const before = errors.length;
      check(v[i], `${path}[${i}]`, errors, undefined as never);
      if (errors.length > before) return;
    }
  };
}

/** A field that may be left out: checked only when present. */
export function optional(check: Check): Check {
  return (v, path, errors, whole) => {
    if (v !== undefined) check(v, path, errors, whole);
  };
}

export const bool: Check = (v, path, errors) => {
  if (typeof v !== 'boolean')
    errors.push({ path, message: `must be true or false, got ${describe(v)}` });
};

/**
 * A field name as an error path shows it: plain names as they are, anything else (empty,
 * spaces, control characters, a pasted paragraph) quoted and cut, e.g. `optimizer["a b"]`.
 */
export function fieldPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]{0,39}$/.test(key)) return parent ? `${parent}.${key}` : key;
  const cut = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return `${parent}[${JSON.stringify(cut)}]`;
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}
