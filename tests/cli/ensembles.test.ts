/**
 * The ensemble commands end to end (sweep and diffusion on the worker pool, remedies,
 * keskar, stability): real processes, tiny budgets. `--workers 1` and `--workers 2` must
 * print byte-identical results.
 */
import { describe, expect, it } from 'vitest';
import { cli, json, SLOW } from './spawnCli';
import { commandDecls } from '../../src/cli/command';
import { diffusionCommand } from '../../src/cli/commands/diffusion';
import { keskarCommand } from '../../src/cli/commands/keskar';
import { remediesCommand } from '../../src/cli/commands/remedies';
import { stabilityCommand } from '../../src/cli/commands/stability';
import { sweepCommand } from '../../src/cli/commands/sweep';

const isFiniteNumber = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const STATS = ['finalTrainLoss', 'finalTestLoss', 'gap', 'lambdaMax', 'distance'];

describe.concurrent('results do not depend on the number of workers', SLOW, () => {
  it('sweep: --workers 1 and --workers 2 print identical JSON and CSV', async () => {
    const args = ['sweep', '--batch', '8,64,1024', '--seeds', '3', '--epochs', '5'];
    const [one, two, csv1, csv2] = await Promise.all([
      cli(...args, '--workers', '1'),
      cli(...args, '--workers', '2'),
      cli(...args, '--workers', '1', '--format', 'csv'),
      cli(...args, '--workers', '2', '--format', 'csv'),
    ]);
    expect(one.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(100);
    expect(two.stdout).toBe(one.stdout);
    expect(csv2.stdout).toBe(csv1.stdout);
    const rows = (JSON.parse(one.stdout) as { rows: Record<string, unknown>[] }).rows;
    for (const r of rows) {
      const ci = r.flatCi as [number, number];
      expect(ci[0]).toBeLessThanOrEqual(r.flatFraction as number);
      expect(ci[1]).toBeGreaterThanOrEqual(r.flatFraction as number);
      expect(r.sharpness).toBeNull();
      expect(r.saddleFraction).toBeNull(); // sharp-flat names no saddle point
    }
    expect(csv1.stdout.split('\n')[0]).toMatch(
      /,diverged,flatCi_lo,flatCi_hi,sharpness_mean,sharpness_ci95,saddleFraction_mean,saddleFraction_ci95$/,
    );
  });

  it('diffusion: --workers 1 and --workers 2 print identical JSON', async () => {
    const args = ['diffusion', '--steps', '200', '--seeds', '3'];
    const [one, two] = await Promise.all([
      cli(...args, '--workers', '1'),
      cli(...args, '--workers', '2'),
    ]);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('sweep --sharpness-eps adds ε-sharpness per cell', async () => {
    const out = await json(
      'sweep',
      '--batch',
      '16,1024',
      '--seeds',
      '2',
      '--epochs',
      '5',
      '--sharpness-eps',
      '0.05',
    );
    for (const r of out.rows as { sharpness: { mean: number } }[])
      expect(r.sharpness.mean).toBeGreaterThan(0);
  });
});

describe.concurrent('remedies, keskar, stability', SLOW, () => {
  it('remedies: one row per recipe with the documented fields', async () => {
    const out = await json('remedies', '--seeds', '2', '--epochs', '3', '--workers', '2');
    expect(out).toMatchObject({ seeds: [1, 2], small: 16, large: 1024 });
    const rows = out.rows as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual([
      'small',
      'large',
      'sqrt',
      'linear',
      'regime',
      'highlr',
      'warmup',
      'grow',
    ]);
    for (const r of rows) {
      for (const k of [
        'id',
        'label',
        'blurb',
        'batch',
        'lr',
        'runs',
        'flatFraction',
        'flatCi',
        'diverged',
      ])
        expect(r, k).toHaveProperty(k);
      expect(r.runs).toBe(2);
      for (const k of STATS) expect(isFiniteNumber((r[k] as { mean: number }).mean), k).toBe(true);
    }
    expect(rows.find((r) => r.id === 'highlr')).toMatchObject({ batch: 1024, lr: 0.05 });
    expect(rows.find((r) => r.id === 'grow')).toMatchObject({ batch: 16, lr: 0.01 });
  });

  it('remedies --format csv: a header and one line per recipe', async () => {
    const r = await cli('remedies', '--seeds', '1', '--epochs', '2', '--format', 'csv');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^id,label,batch,lr,runs,flatFraction,flatCi_lo,flatCi_hi,finalTrainLoss_mean,/,
    );
    expect(lines).toHaveLength(1 + 8);
    expect(lines[3]).toMatch(/^sqrt,/);
  });

  it('keskar: both runs from one start; the line passes through both end points', async () => {
    const out = await json(
      'keskar',
      '--seed',
      '3',
      '--epochs',
      '10',
      '--alphas',
      '-1,2,7',
      '--eps',
      '0.02',
    );
    const small = out.small as {
      start: number[];
      end: number[];
      batch: number;
      trainLoss: number;
      testLoss: number;
    };
    const large = out.large as typeof small;
    expect(out.seed).toBe(3);
    expect(small.batch).toBe(16);
    expect(large.batch).toBe(1024);
    expect(small.start).toEqual(large.start);
    expect(out.alpha).toEqual([-1, -0.5, 0, 0.5, 1, 1.5, 2]);
    const train = out.train as number[];
    const test = out.test as number[];
    expect(train[2]).toBe(small.trainLoss);
    expect(train[4]).toBe(large.trainLoss);
    expect(test[4]).toBe(large.testLoss);
    expect((out.path as number[][])[2]).toEqual(small.end);
    const sharp = out.sharpness as { small: number; large: number; eps: number };
    expect(sharp.eps).toBe(0.02);
    expect(sharp.small).toBeGreaterThanOrEqual(0);
    expect(sharp.large).toBeGreaterThanOrEqual(0);
  });

  it('stability: runs diverge exactly past η·λ_max = 2', async () => {
    const out = await json('stability', '--dim', '5', '--steps', '100', '--lrs', '0.05,1,8');
    expect(out.lambdaMax as number).toBeCloseTo(10, 8);
    expect(out.criticalLr as number).toBeCloseTo(0.2, 8);
    const rows = out.rows as { lr: number; etaLambda: number; status: string; steps: number }[];
    expect(rows).toHaveLength(8);
    expect(rows[0]!.lr).toBeCloseTo(0.05, 12);
    expect(rows[7]!.lr).toBe(1);
    for (const r of rows) {
      expect(r.etaLambda).toBeCloseTo(r.lr * 10, 6);
      expect(r.status, `η·λ = ${r.etaLambda}`).toBe(r.etaLambda < 2 ? 'done' : 'diverged');
      if (r.status === 'done') expect(r.steps).toBe(100);
    }
  });

  it('stability --format csv', async () => {
    const r = await cli(
      'stability',
      '--dim',
      '3',
      '--steps',
      '20',
      '--lrs',
      '0.1,0.3,3',
      '--format',
      'csv',
    );
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('lr,etaLambda,status,steps,finalTrainLoss');
    expect(lines).toHaveLength(4);
  });
});

describe.concurrent('help and errors', SLOW, () => {
  it('no command flag shadows a config flag (e.g. keskar --eps vs Adam ε)', () => {
    for (const cmd of [
      sweepCommand,
      remediesCommand,
      diffusionCommand,
      keskarCommand,
      stabilityCommand,
    ])
      expect(() => commandDecls(cmd), cmd.name).not.toThrow();
  });

  it('--help on each new command exits 0 and lists its flags', async () => {
    const commands: [string, string[]][] = [
      ['remedies', ['--small', '--large', '--seeds', '--workers']],
      ['keskar', ['--small', '--large', '--eps', '--alphas', '--seed', '--workers']],
      ['stability', ['--lrs', '--steps', '--workers', '--dim']],
      ['sweep', ['--workers', '--sharpness-eps']],
      ['diffusion', ['--workers']],
    ];
    const results = await Promise.all(commands.map(([c]) => cli(c, '--help')));
    results.forEach((r, i) => {
      const [cmd, flags] = commands[i]!;
      expect(r.status, cmd).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^batchscape ${cmd} — `));
      for (const f of flags) expect(r.stdout, `${cmd} ${f}`).toMatch(new RegExp(`^  ${f} `, 'm'));
    });
    expect(results[0]!.stdout).not.toMatch(/--lr-scaling/); // each remedy sets its own recipe
  });

  it('bad values: exit 2 with one `batchscape:` line, nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['sweep', '--workers', '0'], /--workers must be a whole number from 1 to 256, got "0"/],
      [['remedies', '--large', '5000'], /--large must be ≤ n \(1024\), got "5000"/],
      [['remedies', '--small', '64', '--large', '64'], /--small must be less than --large/],
      [['keskar', '--alphas', '2,1,5'], /--alphas must be LO,HI,N with LO < HI/],
      [['keskar', '--eps', '-1'], /--eps must be > 0/],
      [['stability', '--lrs', '0.1,1'], /--lrs must have 3 comma-separated values/],
      [['stability', '--batch', '8'], /unknown flag --batch/],
      [['sweep', '--sharpness-eps', '0'], /--sharpness-eps must be > 0/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(...args)));
    results.forEach((r, i) => {
      expect(r.status, cases[i]![0].join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^batchscape: /);
      expect(r.stderr).toMatch(cases[i]![1]);
    });
  });
});
