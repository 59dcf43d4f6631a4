/**
 * `--shard I/N` + `merge` print what the unsharded command prints, byte for byte, for
 * N ∈ {1, 2, 3, 7}, on every ensemble command (tiny budgets; in process, one worker).
 * Plus the refusals: a missing or repeated shard, shards of different runs, a shard index
 * out of range, a file that is not a shard file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './inProcess';

const dir = mkdtempSync(join(tmpdir(), 'bs-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHARD_COUNTS = [1, 2, 3, 7];

/** Runs every shard of `args` into files; returns the file names. */
async function shardFiles(tag: string, args: string[], n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await runCli(...args, '--shard', `${i}/${n}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(dir, `${tag}-${n}-${i}.json`);
    writeFileSync(file, r.stdout);
    files.push(file);
  }
  return files;
}

const COMMANDS: [string, string[]][] = [
  ['sweep', ['sweep', '--batch', '8,1024', '--seeds', '5', '--epochs', '2']],
  [
    'sweep-csv',
    [
      'sweep',
      '--batch',
      '16',
      '--lr',
      '0.01,0.03',
      '--seeds',
      '4',
      '--epochs',
      '2',
      '--format',
      'csv',
    ],
  ],
  ['remedies', ['remedies', '--seeds', '2', '--epochs', '2']],
  ['diffusion', ['diffusion', '--seeds', '5', '--steps', '60', '--fit-range', '5,60']],
  ['keskar', ['keskar', '--epochs', '2', '--alphas', '-1,2,7']],
  ['stability', ['stability', '--dim', '5', '--steps', '20', '--lrs', '0.01,1,9']],
  [
    'network',
    ['network', '--seeds', '2', '--epochs', '1', '--n', '64', '--n-test', '64', '--hidden', '4'],
  ],
];

describe('--shard I/N and merge', { timeout: 240_000 }, () => {
  it.each(COMMANDS)(
    '%s: merge of N shards = the unsharded output, N ∈ {1,2,3,7}',
    async (tag, args) => {
      const whole = await runCli(...args, '--workers', '1');
      expect(whole.stderr).toBe('');
      expect(whole.code).toBe(0);
      expect(whole.stdout.length).toBeGreaterThan(50);
      for (const n of SHARD_COUNTS) {
        const files = await shardFiles(tag, [...args, '--workers', '1'], n);
        // Any order of the files: merge sorts by shard index.
        const merged = await runCli('merge', ...files.reverse());
        expect(merged.stderr).toBe('');
        expect(merged.stdout).toBe(whole.stdout);
      }
    },
  );

  it('replays the --config content the shard files carry (the file may be gone)', async () => {
    const config = join(dir, 'run.json');
    writeFileSync(config, JSON.stringify({ lr: 0.02, landscape: { n: 256 } }));
    const args = ['sweep', '--config', config, '--batch', '8,256', '--seeds', '3', '--epochs', '2'];
    const whole = await runCli(...args);
    const files = await shardFiles('config', args, 2);
    rmSync(config);
    const merged = await runCli('merge', ...files);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
    expect(JSON.parse(merged.stdout).config.lr).toBe(0.02);
  });

  it('refuses incomplete, repeated, mixed and foreign shard files with one line each', async () => {
    const a = await shardFiles('a', ['sweep', '--batch', '8', '--seeds', '3', '--epochs', '1'], 3);
    const b = await shardFiles('b', ['sweep', '--batch', '8', '--seeds', '4', '--epochs', '1'], 3);
    const notJson = join(dir, 'passwd');
    writeFileSync(notJson, 'root:x:0:0:root:/root:/bin/bash\n');
    const cases: [string[], RegExp][] = [
      [[a[0]!, a[1]!], /^batchscape: missing shard 2 of 3$/],
      [[a[0]!, a[1]!, a[1]!, a[2]!], /^batchscape: shard 1\/3 is given twice/],
      [[a[0]!, a[1]!, b[2]!], /belongs to another run/],
      [[notJson], /is not a shard file \(not valid JSON\)$/],
      [[], /merge needs the shard files/],
      [[join(dir, 'nope.json')], /cannot read shard file .*: no such file$/],
    ];
    for (const [files, message] of cases) {
      const r = await runCli('merge', ...files);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr).not.toContain('root:x');
    }
    for (const bad of ['3/3', '-1/2', '1/0', 'a/b', '1/2/3', '0x1/2', ' 0/2', '0/100001']) {
      const r = await runCli('sweep', '--seeds', '2', `--shard=${bad}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^batchscape: --shard must be I\/N with whole numbers 0 ≤ I < N/);
    }
  });
});
