/**
 * `batchscape merge`: the shard files of one ensemble (`--shard I/N`, N files) back into
 * the output the unsharded command prints, byte for byte. It rebuilds the job list from the
 * flags the files carry and refuses files that disagree (other flags, another batchscape
 * version, a shard missing or given twice): a silently partial ensemble would be a wrong
 * number with nothing to say so.
 */
import type { JobResult } from '../../engine/ensemble';
import { commandDecls, type Command } from '../command';
import { readCapped } from '../configInput';
import { Flags, parseArgs, quote, usageError } from '../flags';
import { LIMITS } from '../limits';
import { emit } from '../output';
import { decodeShardFile, fingerprint, type ShardFile } from '../shard';

function sameRun(a: ShardFile, b: ShardFile): boolean {
  return (
    a.command === b.command &&
    a.args.join('\n') === b.args.join('\n') &&
    JSON.stringify(a.config) === JSON.stringify(b.config) &&
    a.jobs === b.jobs &&
    a.fingerprint === b.fingerprint &&
    a.shard.count === b.shard.count
  );
}

/** Checks the set of shards and puts every result at its job index. */
export function gatherResults(files: readonly ShardFile[], names: readonly string[]): JobResult[] {
  const first = files[0]!;
  const count = first.shard.count;
  const byIndex = new Array<string | undefined>(count);
  files.forEach((f, k) => {
    if (!sameRun(first, f))
      throw usageError(
        `${quote(names[k]!)} belongs to another run than ${quote(names[0]!)} (command, flags, config or shard count differ)`,
      );
    const seen = byIndex[f.shard.index];
    if (seen !== undefined)
      throw usageError(
        `shard ${f.shard.index}/${count} is given twice (${quote(seen)} and ${quote(names[k]!)})`,
      );
    byIndex[f.shard.index] = names[k]!;
  });
  const missing: number[] = [];
  for (let i = 0; i < count; i++) if (byIndex[i] === undefined) missing.push(i);
  if (missing.length)
    throw usageError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} of ${count}`,
    );
  const results = new Array<JobResult | undefined>(first.jobs);
  files.forEach((f, k) => {
    for (const [j, r] of f.results) {
      if (j < 0 || j >= first.jobs || j % count !== f.shard.index || results[j] !== undefined)
        throw usageError(`${quote(names[k]!)} holds a result for job ${j}, which is not its share`);
      results[j] = r;
    }
  });
  const hole = results.findIndex((r) => r === undefined);
  if (hole >= 0) throw usageError(`no shard file holds the result of job ${hole}`);
  return results as JobResult[];
}

export function createMergeCommand(lookup: (name: string) => Command | undefined): Command {
  return {
    name: 'merge',
    summary: 'combine the shard files of an ensemble (--shard I/N) into its output',
    files: true,
    details: [
      'Give all N shard files of one run (any order). The output is byte-identical to the same',
      'command run unsharded: the flags (and --config content) stored in the shard files are',
      'replayed, the job list is rebuilt and checked against the files, and the results are put',
      'back in job order. Shards from different flags, seeds or batchscape versions are refused.',
      `Each shard file may be up to ${LIMITS.shardBytes} bytes.`,
    ],
    options: [],
    examples: [
      'for i in 0 1 2; do batchscape sweep --seeds 300 --shard $i/3 > part-$i.json; done',
      'batchscape merge part-*.json > sweep.json',
    ],
    run(flags: Flags) {
      const names = flags.args.positionals;
      if (names.length === 0) throw usageError('merge needs the shard files as arguments');
      const files = names.map((name) =>
        decodeShardFile(readCapped(name, LIMITS.shardBytes, 'shard file'), name),
      );
      const cmd = lookup(files[0]!.command);
      if (!cmd?.plan)
        throw usageError(
          `${quote(names[0]!)} names ${quote(files[0]!.command)}, not an ensemble command`,
        );
      const results = gatherResults(files, names);
      const replay = new Flags(parseArgs(files[0]!.args, commandDecls(cmd)), files[0]!.config);
      const plan = cmd.plan(replay);
      if (fingerprint(plan.jobs) !== files[0]!.fingerprint)
        throw usageError(
          "the shard files were computed by another version of batchscape (their job list differs from this one's)",
        );
      emit(plan.finish(results));
    },
  };
}
