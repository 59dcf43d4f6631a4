/** `--expr`: a typed landscape on the command line, its JSON, and its one-line errors. */
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/run';
import { cli, SLOW } from './spawnCli';

const DOUBLE_WELL = '(x^2 - 1)^2 + 0.3*x + y^2';

describe.concurrent('batchscape run --expr', SLOW, () => {
  it('runs the custom preset on the expression, with the same numbers as the engine in-process', async () => {
    const r = await cli(
      'run',
      '--expr',
      DOUBLE_WELL,
      '--steps',
      '300',
      '--start',
      '0.3,0.6',
      '--batch',
      '4',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      config: { preset: string; landscape: { expr: string } };
      summary: Record<string, unknown>;
      trajectory: { w: number[] }[];
    };
    expect(out.config.preset).toBe('custom');
    expect(out.config.landscape.expr).toBe(DOUBLE_WELL);
    expect(out.summary.status).toBe('done');
    for (const k of ['finalTrainLoss', 'finalTestLoss', 'gap', 'lambdaMax', 'distance'])
      expect(Number.isFinite(out.summary[k]), k).toBe(true);
    // Started right of the barrier at x = 0 with small steps: it settles in the right well (x ≈ 1).
    const end = out.trajectory.at(-1)!.w;
    expect(end[0]).toBeGreaterThan(0.8);
    const run = createRun(out.config);
    run.runToEnd(1e6);
    // The JSON carries positions as float32, as the browser's frames do.
    expect(Float32Array.from(run.w)).toEqual(Float32Array.from(end));
  });

  const ERRORS: [string[], RegExp][] = [
    [
      ['--expr', 'x^2 + (y'],
      /^batchscape: landscape\.expr: missing '\)' at column 9 .*\(--expr\)$/,
    ],
    [['--expr', 'x^2 + foo(y)'], /unknown function 'foo' at column 7/],
    [['--expr', 'x + y'], /no minimum in view/],
    [['--preset', 'bowl', '--expr', 'x^2 + y^2'], /only the custom preset reads an expression/],
  ];
  it.each(ERRORS)('%j fails with one line', async (args, pattern) => {
    const r = await cli('run', ...args, '--steps', '10');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  });
});
