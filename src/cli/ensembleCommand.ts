/**
 * An ensemble command is a plan (its job list, and how the results in job order become the
 * output text) plus one way to execute it: all jobs here, or one `--shard I/N` share printed
 * as a shard file for `batchscape merge`. Both paths end in the same `finish`, so a merge of
 * all shards prints what the unsharded run prints, byte for byte.
 */
import type { EnsembleJob, JobResult } from '../engine/ensemble';
import { WORKERS_OPTION, type Command } from './command';
import type { Flags } from './flags';
import { runEnsemble, workersFlag } from './jobs';
import { emit } from './output';
import { SHARD_OPTION, encodeShardFile, fingerprint, shardFlag, shareOf } from './shard';

export interface EnsemblePlan {
  /** Progress-bar label. */
  label: string;
  jobs: EnsembleJob[];
  /** The command's stdout text from every job's result, in job order. */
  finish(results: JobResult[]): string;
}

export type Planner = (flags: Flags) => EnsemblePlan;

/** Flags that change how, not what, is computed: a merge neither needs nor checks them. */
const NOT_REPLAYED = new Set(['shard', 'workers', 'config']);

/** The flags as given, as `--name=value`, for a shard file (merge parses them again). */
export function replayArgs(flags: Flags): string[] {
  const out: string[] = [];
  for (const [k, v] of flags.args.values) if (!NOT_REPLAYED.has(k)) out.push(`--${k}=${v}`);
  for (const [k, v] of flags.args.booleans) if (!NOT_REPLAYED.has(k)) out.push(`--${k}=${v}`);
  return out;
}

async function execute(name: string, flags: Flags, plan: EnsemblePlan): Promise<void> {
  const shard = shardFlag(flags);
  const workers = workersFlag(flags);
  if (!shard) {
    emit(plan.finish(await runEnsemble(plan.label, plan.jobs, workers)));
    return;
  }
  const share = shareOf(plan.jobs.length, shard);
  const label = `${plan.label} ${shard.index}/${shard.count}`;
  const results = await runEnsemble(
    label,
    share.map((j) => plan.jobs[j]!),
    workers,
  );
  emit(
    encodeShardFile({
      batchscapeShard: 1,
      command: name,
      args: replayArgs(flags),
      config: flags.configObject,
      shard,
      jobs: plan.jobs.length,
      fingerprint: fingerprint(plan.jobs),
      results: share.map((j, k) => [j, results[k]!]),
    }),
  );
}

/** A Command whose run() executes its plan; adds --workers and --shard to its flags. */
export function ensembleCommand(spec: Omit<Command, 'run' | 'plan'> & { plan: Planner }): Command {
  return {
    ...spec,
    options: [...spec.options, WORKERS_OPTION, SHARD_OPTION],
    run: (flags) => execute(spec.name, flags, spec.plan(flags)),
  };
}
