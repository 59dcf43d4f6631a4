/**
 * `--shard I/N`: an ensemble's jobs are a fixed list (every seed is in its job), so shard I
 * of N computes exactly the jobs j with j mod N = I, and a `merge` of all N shard files
 * hands the command the same results, in the same order, as one unsharded run. Round-robin
 * rather than blocks: neighbouring jobs (one cell's seeds) cost about the same, so every
 * shard gets a like share of every cell.
 *
 * A shard file is JSON: the command and its flags (so `merge` can rebuild the job list and
 * the output), the --config file's content when one was given (the merging machine need not
 * have it), a fingerprint of the job list, and the results by job index. Numbers JSON cannot
 * spell (NaN, ±∞, −0) are written as {"$": "NaN"} etc., so the merge sees the very doubles.
 */
import { createHash } from 'node:crypto';
import type { EnsembleJob, JobResult } from '../engine/ensemble';
import type { OptionSpec } from './command';
import { quote, usageError, type Flags } from './flags';
import { LIMITS } from './limits';

export interface Shard {
  index: number;
  count: number;
}

export const SHARD_OPTION: OptionSpec = {
  name: 'shard',
  arg: 'I/N',
  default: 'off',
  help: `compute only share I of N (0 ≤ I < N ≤ ${LIMITS.shards}) and print a shard file for \`batchscape merge\``,
};

const SHARD = /^(\d{1,6})\/(\d{1,6})$/;

export function parseShard(raw: string): Shard {
  const m = SHARD.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && count <= LIMITS.shards && index >= 0 && index < count))
    throw usageError(
      `--shard must be I/N with whole numbers 0 ≤ I < N ≤ ${LIMITS.shards} (e.g. 0/4), got ${quote(raw)}`,
    );
  return { index, count };
}

export function shardFlag(flags: Flags): Shard | null {
  const raw = flags.raw('shard');
  return raw === undefined ? null : parseShard(raw);
}

/** The job indices shard `s` computes. */
export function shareOf(total: number, s: Shard): number[] {
  const out: number[] = [];
  for (let j = s.index; j < total; j += s.count) out.push(j);
  return out;
}

/** Any change of flags, config or code that changes a job changes this. */
export function fingerprint(jobs: readonly EnsembleJob[]): string {
  return createHash('sha256').update(JSON.stringify(jobs)).digest('hex');
}

export interface ShardFile {
  batchscapeShard: 1;
  command: string;
  /** The command's flags as `--name=value`, without --shard, --workers and --config. */
  args: string[];
  /** The --config file's parsed content, or null. */
  config: Record<string, unknown> | null;
  shard: Shard;
  jobs: number;
  fingerprint: string;
  results: [number, JobResult][];
}

const SPECIAL: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  '-0': -0,
};

export function encodeShardFile(file: ShardFile): string {
  return JSON.stringify(file, (_k, v: unknown) => {
    if (typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0))) return v;
    return { $: Object.is(v, -0) ? '-0' : String(v) };
  });
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks the frame of a shard file; every failure is one line naming the file. */
export function decodeShardFile(text: string, name: string): ShardFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_k, v: unknown) => {
      if (isObj(v) && typeof v.$ === 'string' && Object.keys(v).length === 1) {
        const x = SPECIAL[v.$];
        if (x !== undefined) return x;
      }
      return v;
    });
  } catch {
    throw usageError(`${quote(name)} is not a shard file (not valid JSON)`);
  }
  const bad = (what: string) => usageError(`${quote(name)} is not a shard file (${what})`);
  if (!isObj(parsed) || parsed.batchscapeShard !== 1) throw bad('no "batchscapeShard": 1');
  const f = parsed as Partial<ShardFile>;
  if (typeof f.command !== 'string') throw bad('no command');
  if (!Array.isArray(f.args) || !f.args.every((a) => typeof a === 'string')) throw bad('no args');
  if (f.config !== null && !isObj(f.config)) throw bad('config is not an object');
  const s = (isObj(f.shard) ? f.shard : {}) as Record<string, unknown>;
  const count = Number.isInteger(s.count) ? (s.count as number) : 0;
  const index = Number.isInteger(s.index) ? (s.index as number) : -1;
  if (!(count >= 1 && index >= 0 && index < count)) throw bad('no valid shard I/N');
  if (!Number.isInteger(f.jobs) || (f.jobs as number) < 0) throw bad('no job count');
  if (typeof f.fingerprint !== 'string') throw bad('no fingerprint');
  if (!Array.isArray(f.results)) throw bad('no results');
  for (const r of f.results as unknown[])
    if (!Array.isArray(r) || r.length !== 2 || !Number.isInteger(r[0]) || !isObj(r[1]))
      throw bad('a result is not [jobIndex, result]');
  return f as ShardFile;
}
