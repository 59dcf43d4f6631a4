/**
 * The CLI's upper limits, in one table (docs/cli.md prints the same numbers). Each keeps
 * one invocation inside what a laptop can hold and finish: a count past its limit is a
 * typo or a job for `--shard` across machines, never a reason to allocate gigabytes.
 */
export const LIMITS = {
  /** Runs per cell / ensemble size (--seeds); 10⁴-seed sweeps fit, with room. */
  seeds: 100_000,
  /** Jobs one invocation may queue (cells × seeds); their results are held in memory. */
  jobs: 1_000_000,
  /** Seeds are 32-bit: the last seed S+K−1 must stay ≤ this. */
  seed: 2 ** 32 - 1,
  /** Entries in any comma-separated list flag (--start holds up to the engine's 10⁴ dims). */
  listEntries: 10_000,
  /** Batch sizes or learning rates on a sweep axis. */
  axisValues: 64,
  /** Points of keskar --alphas LO,HI,N. */
  alphaPoints: 10_001,
  /** Points of stability --lrs LO,HI,N. */
  lrPoints: 1_000,
  /** diffusion --per-decade. */
  perDecade: 100,
  /** stability --steps (full-batch updates per learning rate). */
  stabilitySteps: 1_000_000,
  /** surface --res (a res × res grid). */
  surfaceRes: 2_001,
  /** Trajectory coordinates `run` may keep in memory (steps ÷ --record-every × dim). */
  trajectoryValues: 20_000_000,
  /** Metric records `run` may keep (steps ÷ --metrics-every). */
  metricRecords: 1_000_000,
  /** --workers. */
  workers: 256,
  /** Bytes of a --config file (a RunConfig is a few hundred bytes). */
  configBytes: 1 << 20,
  /** Error lines printed for one mistake; the rest are counted. */
  errorLines: 10,
  /** Bytes of one shard file read by `merge` (10⁴ end points take a few MB). */
  shardBytes: 256 << 20,
  /** --shard I/N: N. */
  shards: 100_000,
} as const;
