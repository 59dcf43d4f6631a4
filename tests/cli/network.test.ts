/**
 * The network lab on the command line: `run --preset mlp`, the network flags on the
 * ensemble commands, the `network` comparison, and one-line errors. Networks and budgets
 * are tiny so the file stays a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { hashFloat32 } from '../../src/engine/hash';
import { createRun } from '../../src/engine/run';
import { resolveOrThrow } from '../../src/engine/sweep';
import { cli, json, SLOW, type Result } from './spawnCli';

const TINY = ['--n', '64', '--n-test', '64', '--hidden', '8,8', '--epochs', '3'];

function expectOneLineError(r: Result, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^batchscape: /);
  expect(r.stderr).toMatch(pattern);
}

describe.concurrent('batchscape run --preset mlp', SLOW, () => {
  it('reports accuracies, is deterministic, and its trajectory hash equals the engine run', async () => {
    const args = ['run', '--preset', 'mlp', ...TINY, '--bn', '--ghost-batch', '4', '--seed', '5'];
    const [a, b] = await Promise.all([cli(...args), cli(...args)]);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const out = JSON.parse(a.stdout) as {
      config: Record<string, unknown>;
      summary: Record<string, number>;
      trajectory: { w: number[] }[];
      metrics: Record<string, number | null>[];
    };
    for (const k of ['trainAccuracy', 'testAccuracy']) {
      expect(out.summary[k]).toBeGreaterThanOrEqual(0);
      expect(out.summary[k]).toBeLessThanOrEqual(1);
      expect(out.metrics.every((m) => typeof m[k] === 'number')).toBe(true);
    }
    // The same config in-process gives the same positions (what the browser test compares).
    const run = createRun(resolveOrThrow(out.config));
    const { chunks } = run.runToEnd();
    const dim = run.dim;
    const engine = new Float32Array(chunks.reduce((s, c) => s + c.count * dim, 0));
    let k = 0;
    for (const c of chunks) {
      engine.set(c.positions, k);
      k += c.count * dim;
    }
    expect(out.trajectory[0]!.w).toHaveLength(dim);
    expect(hashFloat32(new Float32Array(out.trajectory.flatMap((p) => p.w)))).toBe(
      hashFloat32(engine),
    );
  });

  it('leaves the accuracy fields out for the landscapes', async () => {
    const out = await json('run', '--epochs', '1', '--no-trajectory');
    expect(out.summary).not.toHaveProperty('testAccuracy');
    expect((out.metrics as object[])[0]).not.toHaveProperty('trainAccuracy');
  });

  it.each([
    [
      ['--bn', '--ghost-batch', '5'],
      /network\.ghostBatch: v = 5 must divide the batch size 16.*\(--ghost-batch\)/,
    ],
    [
      ['--hidden', '8,x'],
      /--hidden: "x" must be a decimal number like 8, 0.5 or 1e-3 \(value 2 of "8,x"\)/,
    ],
    [
      ['--dataset', 'moon'],
      /--dataset must be one of moons, circles, spiral, xor, blobs; got "moon"/,
    ],
  ])('rejects %j with one clear line', async (extra, pattern) => {
    expectOneLineError(await cli('run', '--preset', 'mlp', ...extra), pattern);
  });

  it('rejects network flags on a landscape preset, and long junk is echoed cut short', async () => {
    expectOneLineError(
      await cli('run', '--bn'),
      /network: only the mlp preset has a network.*\(--preset mlp\)/,
    );
    const junk = 'z'.repeat(200);
    const r = await cli('run', '--preset', 'mlp', '--activation', junk);
    expectOneLineError(r, /got "z{40}…"$/m);
  });
});

describe.concurrent('ensemble commands on the network', SLOW, () => {
  it('network: every recipe row with accuracies and separations', async () => {
    const out = await json(
      'network',
      ...TINY,
      '--bn=false',
      '--seeds',
      '2',
      '--large',
      '32',
      '--workers',
      '1',
    );
    const rows = out.rows as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual([
      'small',
      'large',
      'bn',
      'gbn',
      'regime',
      'sqrt',
      'hoffer',
    ]);
    expect(out).toMatchObject({ small: 16, large: 32, ghost: 16 });
    for (const r of rows) {
      expect((r.testAccuracy as { mean: number }).mean).toBeGreaterThan(0);
      expect(r).toHaveProperty('lambdaMax');
      expect(['better', 'worse', 'overlap', null]).toContain(r.vsSmall);
    }
    expect(rows[0]!.vsSmall).toBeNull();
    expect(rows[3]!.batch).toBe(32);
  });

  it('network --bn has no plain-BN control row; CSV has the accuracy columns', async () => {
    const r = await cli(
      'network',
      ...TINY,
      '--bn',
      '--seeds',
      '2',
      '--large',
      '32',
      '--workers',
      '1',
      '--format',
      'csv',
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^id,label,batch,lr,runs,trainAccuracy_mean,trainAccuracy_ci95,testAccuracy_mean,/,
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'small',
      'large',
      'gbn',
      'regime',
      'sqrt',
      'hoffer',
    ]);
  });

  it('sweep and keskar take the network flags', async () => {
    const [sweep, keskar] = await Promise.all([
      json(
        'sweep',
        '--preset',
        'mlp',
        ...TINY,
        '--batch',
        '8,32',
        '--seeds',
        '2',
        '--workers',
        '1',
      ),
      json(
        'keskar',
        '--preset',
        'mlp',
        ...TINY,
        '--bn',
        '--small',
        '8',
        '--large',
        '32',
        '--alphas',
        '-1,2,7',
        '--workers',
        '1',
      ),
    ]);
    const rows = sweep.rows as { testAccuracy: { mean: number }; trainAccuracy: unknown }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.testAccuracy.mean).toBeGreaterThan(0);
    expect((keskar.small as { testAccuracy: number }).testAccuracy).toBeGreaterThan(0);
    expect((keskar.train as number[]).every(Number.isFinite)).toBe(true);
    // The accuracy along the line: α = 0 and α = 1 (indices 2 and 4 of −1, −0.5, …, 2) are the
    // two trained networks themselves.
    const acc = keskar.testAccuracy as number[];
    expect(acc).toHaveLength(7);
    expect(acc[2]).toBe((keskar.small as { testAccuracy: number }).testAccuracy);
    expect(acc[4]).toBe((keskar.large as { testAccuracy: number }).testAccuracy);
  });

  it("a ghost batch that does not divide a recipe's batch is named with the recipe", async () => {
    const r = await cli('network', ...TINY, '--large', '30', '--ghost', '8', '--seeds', '2');
    expectOneLineError(r, /v = 8 must divide the batch size 30.*\(in the recipe "gbn"\)/);
  });
});
