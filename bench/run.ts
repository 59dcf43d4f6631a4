/**
 * `npm run bench`: per-sample-gradient throughput of the engine's SGD run against a tight
 * hand-written loop computing the same gradients (bench/tightLoops.ts), in one process.
 * Cases and loops are interleaved round by round and the median is reported, so machine
 * noise (other processes, turbo, GC) hits both sides alike. Goal: engine/tight ≥ 0.5.
 */
import type { ConfigInput, RunConfig } from '../src/engine/config';
import { resolveConfig } from '../src/engine/validate';
import { createRun } from '../src/engine/run';
import { quadraticNdLoop, sharpFlatLoop, type TightLoop } from './tightLoops';

const ROUNDS = 5;
const SECONDS_PER_SAMPLE = 0.8;

interface Case {
  name: string;
  config: RunConfig;
  tight: (c: RunConfig) => TightLoop;
  /** Steps per advance()/run() call: enough work per call that call overhead is noise. */
  chunk: number;
}

function resolve(input: ConfigInput): RunConfig {
  const r = resolveConfig({
    ...input,
    budget: { unit: 'steps', amount: 1e9 },
    metricsEvery: 0,
    hessianEvery: 0,
    recordEvery: 1e9,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const CASES: Case[] = [
  {
    name: 'sharp-flat B=32',
    config: resolve({ preset: 'sharp-flat', batch: 32 }),
    tight: sharpFlatLoop,
    chunk: 2000,
  },
  {
    name: 'quadratic-nd d=1000 B=32',
    config: resolve({ preset: 'quadratic-nd', landscape: { dim: 1000, n: 1024 }, batch: 32 }),
    tight: quadraticNdLoop,
    chunk: 20,
  },
];

/** Runs `step(chunk)` until `seconds` have passed; returns samples per second. */
function throughput(step: (k: number) => void, chunk: number, batch: number, seconds: number) {
  let steps = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    step(chunk);
    steps += chunk;
    t = performance.now();
  }
  return (steps * batch) / ((t - t0) / 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Both sides from the same start for the same steps: they must land on the same point. */
function sameTrajectory(c: Case, steps: number): number {
  const run = createRun(c.config);
  run.advance(steps);
  const loop = c.tight(c.config);
  loop.run(steps);
  let diff = 0;
  for (let j = 0; j < run.w.length; j++) diff = Math.max(diff, Math.abs(run.w[j]! - loop.w[j]!));
  return diff;
}

function main(): void {
  for (const c of CASES) {
    const diff = sameTrajectory(c, 500);
    console.log(
      `check ${c.name}: max |w_engine − w_tight| after 500 steps = ${diff.toExponential(2)}`,
    );
    if (!(diff <= 1e-9)) throw new Error(`${c.name}: the tight loop does not compute the same SGD`);
  }
  const engine = CASES.map(() => [] as number[]);
  const tight = CASES.map(() => [] as number[]);
  // Long-lived instances (the engine's run advances in chunks, as in the worker).
  const runs = CASES.map((c) => createRun(c.config));
  const loops = CASES.map((c) => c.tight(c.config));
  runs.forEach((r, i) => r.advance(CASES[i]!.chunk)); // first call also measures the start
  for (let round = 0; round < ROUNDS; round++) {
    CASES.forEach((c, i) => {
      const b = c.config.batch;
      // Alternate which side goes first so warm-up and drift do not favour either.
      const sides = [
        () =>
          engine[i]!.push(throughput((k) => runs[i]!.advance(k), c.chunk, b, SECONDS_PER_SAMPLE)),
        () => tight[i]!.push(throughput((k) => loops[i]!.run(k), c.chunk, b, SECONDS_PER_SAMPLE)),
      ];
      if (round % 2) sides.reverse();
      sides.forEach((f) => f());
    });
    process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
  }
  const fmt = (x: number) => (x / 1e6).toFixed(2).padStart(10);
  console.log(
    `\n${'case'.padEnd(26)} ${'engine Msamples/s'.padStart(18)} ${'tight Msamples/s'.padStart(18)} ${'ratio'.padStart(7)}`,
  );
  const ratios = CASES.map((c, i) => {
    const e = median(engine[i]!);
    const t = median(tight[i]!);
    console.log(
      `${c.name.padEnd(26)} ${fmt(e).padStart(18)} ${fmt(t).padStart(18)} ${(e / t).toFixed(2).padStart(7)}`,
    );
    return e / t;
  });
  console.log(
    `\nratios (engine/tight, median of ${ROUNDS} interleaved rounds, goal ≥ 0.5): ` +
      CASES.map((c, i) => `${c.name} ${ratios[i]!.toFixed(2)}`).join(', '),
  );
}

main();
