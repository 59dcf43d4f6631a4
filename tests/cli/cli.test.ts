/**
 * The command line end to end: the real process is spawned and its real stdout, stderr
 * and exit code are checked. Budgets are tiny so the whole file stays well under 20 s.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FLAGS } from '../../src/cli/configFlags';
import { cli, exec, json, root, SLOW, type Result } from './spawnCli';

/** A user error: exit 2, nothing on stdout, `batchscape: …` lines and no stack trace. */
function expectUsageError(r: Result, pattern: RegExp, lines = 1): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const out = r.stderr.trimEnd().split('\n');
  expect(out).toHaveLength(lines);
  for (const l of out) expect(l).toMatch(/^batchscape: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const isFiniteNumber = (x: unknown) => typeof x === 'number' && Number.isFinite(x);

describe.concurrent('batchscape run', SLOW, () => {
  it('prints the documented JSON with finite numbers; same seed ⇒ identical stdout', async () => {
    const args = ['run', '--epochs', '5', '--batch', '64'];
    const [first, again, other] = await Promise.all([
      cli(...args, '--seed', '3'),
      cli(...args, '--seed', '3'),
      cli(...args, '--seed', '4'),
    ]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
    const out = JSON.parse(first.stdout) as Record<string, unknown>;
    const summary = out.summary as Record<string, unknown>;
    for (const k of ['finalTrainLoss', 'finalTestLoss', 'gap', 'lambdaMax', 'distance'])
      expect(isFiniteNumber(summary[k]), k).toBe(true);
    expect(summary.status).toBe('done');
    expect(summary.steps).toBe(5 * 16);
    expect(summary.divergedAt).toBeNull();
    expect(['sharp', 'flat', null]).toContain(summary.basin);
    const config = out.config as { batch: number; seed: number; preset: string };
    expect(config).toMatchObject({ batch: 64, seed: 3, preset: 'sharp-flat' });
    const traj = out.trajectory as { step: number; batchLoss: number | null; w: number[] }[];
    expect(traj).toHaveLength(5 * 16 + 1);
    expect(traj[0]).toMatchObject({ step: 0, epoch: 0, lr: 0.01, batch: 64 });
    // The start record has no minibatch yet: it carries the full train loss there.
    expect(traj[0]!.batchLoss).toBeCloseTo(
      (out.metrics as { trainLoss: number }[])[0]!.trainLoss,
      5,
    );
    expect(traj[1]!.w).toHaveLength(2);
    expect(traj.slice(1).every((p) => isFiniteNumber(p.batchLoss))).toBe(true);
    const metrics = out.metrics as Record<string, unknown>[];
    expect(metrics.at(-1)).toMatchObject({ step: 80, lambdaMax: summary.lambdaMax });
  });

  it('run on the saddle reports the time near the saddle point; other presets report null', async () => {
    const [saddle, flat] = await Promise.all([
      json('run', '--preset', 'saddle', '--batch', '512', '--no-trajectory'),
      json('run', '--epochs', '1', '--batch', '256', '--no-trajectory'),
    ]);
    const s = saddle.summary as { steps: number; saddleSteps: number; saddleFraction: number };
    expect(s.steps).toBe(40);
    expect(s.saddleSteps).toBeGreaterThan(0);
    expect(s.saddleFraction).toBe(s.saddleSteps / s.steps);
    const metrics = saddle.metrics as { saddleSteps: number }[];
    expect(metrics.at(-1)!.saddleSteps).toBe(s.saddleSteps);
    // A running count: never falls.
    for (let i = 1; i < metrics.length; i++)
      expect(metrics[i]!.saddleSteps).toBeGreaterThanOrEqual(metrics[i - 1]!.saddleSteps);
    expect(flat.summary).toMatchObject({ saddleSteps: null, saddleFraction: null });
  });

  it('writes the trajectory as CSV', async () => {
    const r = await cli('run', '--epochs', '2', '--batch', '256', '--format', 'csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('step,epoch,lr,batch,batchLoss,w0,w1');
    expect(lines).toHaveLength(1 + 2 * 4 + 1);
    expect(lines[1]).toMatch(/^0,0,0\.01,256,-?[\d.e-]+,-?[\d.]+,-?[\d.]+$/);
    expect(lines[2]!.split(',').map(Number).every(Number.isFinite)).toBe(true);
  });

  it('reports divergence with null-free finite JSON and --no-trajectory', async () => {
    const out = await json(
      'run',
      '--preset',
      'quadratic-nd',
      '--dim',
      '5',
      '--lr',
      '1',
      '--no-trajectory',
    );
    const summary = out.summary as { status: string; divergedAt: number };
    expect(summary.status).toBe('diverged');
    expect(summary.divergedAt).toBeGreaterThan(0);
    expect(out.trajectory).toBeUndefined();
  });

  it('merges --config FILE under the flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchscape-'));
    const file = join(dir, 'c.json');
    writeFileSync(
      file,
      JSON.stringify({ batch: 8, lr: 0.02, budget: { unit: 'steps', amount: 10 } }),
    );
    const out = await json('run', '--config', file, '--lr', '0.03', '--no-trajectory');
    expect(out.config).toMatchObject({ batch: 8, lr: 0.03, budget: { unit: 'steps', amount: 10 } });
  });
});

describe.concurrent('batchscape sweep, diffusion, surface, presets', SLOW, () => {
  it('sweep: one row per batch with statistics and a flat fraction', async () => {
    const out = await json('sweep', '--batch', '16,1024', '--seeds', '2', '--epochs', '5');
    const rows = out.rows as Record<string, unknown>[];
    expect(rows.map((r) => r.batch)).toEqual([16, 1024]);
    expect(out.seeds).toEqual([1, 2]);
    for (const r of rows) {
      expect(r.runs).toBe(2);
      expect(r.flatFraction as number).toBeGreaterThanOrEqual(0);
      expect(r.flatFraction as number).toBeLessThanOrEqual(1);
      for (const k of ['finalTrainLoss', 'finalTestLoss', 'gap', 'lambdaMax', 'distance']) {
        const s = r[k] as { mean: number; ci95: number };
        expect(isFiniteNumber(s.mean) && isFiniteNumber(s.ci95), k).toBe(true);
      }
    }
    const csv = await cli(
      'sweep',
      '--batch',
      '16,1024',
      '--lr',
      '0.01,0.02',
      '--seeds',
      '2',
      '--epochs',
      '2',
      '--format',
      'csv',
    );
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^batch,lr,runs,flatFraction,finalTrainLoss_mean,finalTrainLoss_ci95,/,
    );
    expect(lines).toHaveLength(1 + 4);
  });

  it('diffusion: log-spaced t, mean distances, both fits and the local exponent', async () => {
    const [out, csv] = await Promise.all([
      json('diffusion', '--steps', '300', '--seeds', '3'),
      cli('diffusion', '--steps', '300', '--seeds', '3', '--format', 'csv'),
    ]);
    const t = out.t as number[];
    expect(t[0]).toBe(1);
    expect(t.at(-1)).toBe(300);
    expect(out.meanDistance as number[]).toHaveLength(t.length);
    expect(out.sdDistance as number[]).toHaveLength(t.length);
    expect(out.fitRange).toEqual([20, 300]);
    const log = out.logFit as Record<string, number>;
    const pow = out.powerFit as Record<string, number>;
    for (const v of [log.a, log.b, log.r2, pow.c, pow.p, pow.r2])
      expect(isFiniteNumber(v)).toBe(true);
    // p(t) is parallel to t: null where a one-decade window does not fit in 1 … 300.
    const p = out.localExponent as (number | null)[];
    expect(p).toHaveLength(t.length);
    t.forEach((x, i) => expect(p[i] !== null).toBe(x >= 4 && x * Math.sqrt(10) <= 300 * 1.02));
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('t,meanDistance,sdDistance,localExponent');
    expect(lines).toHaveLength(1 + t.length);
    expect(lines[1]).toMatch(/^1,[^,]+,[^,]+,$/);
  });

  it('surface: grid dimensions follow --res, N-D gets a slice', async () => {
    const [nd, csv] = await Promise.all([
      json('surface', '--preset', 'quadratic-nd', '--dim', '6', '--res', '7', '--split', 'gap'),
      cli('surface', '--res', '4', '--format', 'csv'),
    ]);
    expect(nd.split).toBe('gap');
    expect(nd.x as number[]).toHaveLength(7);
    expect(nd.y as number[]).toHaveLength(7);
    const loss = nd.loss as number[][];
    expect(loss).toHaveLength(7);
    expect(loss.every((row) => row.length === 7 && row.every(isFiniteNumber))).toBe(true);
    expect((nd.slice as { d1: number[] }).d1).toHaveLength(6);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('x,y,loss');
    expect(lines).toHaveLength(1 + 16);
    expect(lines[1]).toBe('-1.2,-1.2,' + lines[1]!.split(',')[2]);
  });

  it('presets: every preset with blurb and defaults', async () => {
    const out = await json('presets');
    const presets = out.presets as { id: string; blurb: string; defaults: { preset: string } }[];
    expect(presets.map((p) => p.id)).toContain('sharp-flat');
    for (const p of presets) {
      expect(p.blurb.length).toBeGreaterThan(10);
      expect(p.defaults.preset).toBe(p.id);
    }
  });
});

describe.concurrent('errors and help', SLOW, () => {
  it('bad flags and values: exit 2 with one clear line', async () => {
    const cases: [string[], RegExp][] = [
      [['run', '--batch', 'abc'], /--batch must be a whole number ≥ 1, got "abc"/],
      [['run', '--frobnicate'], /unknown flag --frobnicate/],
      [['sweep', '--seeds'], /--seeds needs a value/],
      [['explode'], /unknown command "explode"/],
      [['run', '--batch', '5000'], /^batchscape: batch: must be ≤ 1024, got 5000 \(--batch\)$/m],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(...args)));
    results.forEach((r, i) => expectUsageError(r, cases[i]![1]));
  });

  it('bad --config files get a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchscape-'));
    expectUsageError(
      await cli('run', '--config', join(dir, 'missing.json')),
      /cannot read --config file .*no such file/,
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"lr": 0.1,');
    expectUsageError(await cli('run', '--config', broken), /is not valid JSON/);
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ lr: -1, landscape: { n: 0 } }));
    expectUsageError(
      await cli('run', '--config', invalid),
      /^batchscape: lr: must be > 0, got -1 \(--lr\)$/m,
      2,
    );
  });

  it('--help on every command exits 0 and lists every flag', async () => {
    const commands = ['run', 'sweep', 'diffusion', 'surface', 'presets'];
    const results = await Promise.all(commands.map((cmd) => cli(cmd, '--help')));
    results.forEach((r, i) => {
      expect(r.status, commands[i]).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^batchscape ${commands[i]} — `));
    });
    const [run, help] = await Promise.all([cli('run', '-h'), cli('help')]);
    for (const c of CONFIG_FLAGS) expect(run.stdout).toContain(`--${c.name}`);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Commands:/);
  });

  it('the bin launcher works from another directory and forwards the exit code', async () => {
    const bin = join(root, 'bin/batchscape.mjs');
    const [ok, bad] = await Promise.all([
      exec([bin, 'presets', '--format', 'text'], tmpdir()),
      exec([bin, 'run', '--nope'], tmpdir()),
    ]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^bowl — /);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^batchscape: unknown flag --nope/);
  });
});
