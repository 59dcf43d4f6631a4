/**
 * The stability experiment: full-batch gradient descent on quadratic-nd (known
 * spectrum, λ_max set here) over a log-spaced learning-rate axis. Theory: GD on
 * curvature λ diverges iff |1 − ηλ| > 1, i.e. for η > 2/λ_max.
 */
import type { RunConfig } from '../../../engine/config';
import type { EndpointResult, JobResult } from '../../../engine/ensemble';
import { stabilityJobs } from '../../../engine/experiments';
import { presetDefaults } from '../../../engine/presets';
import type { StabilityParams } from '../../../state/viewParams';
import type { Plan } from '../useExperiment';

export interface StabilityViewSpec {
  base: RunConfig;
  lrs: number[];
  steps: number;
  lambdaMax: number;
}

/** `count` values from lo to hi (both exact), evenly spaced in log — as the CLI's `--lrs`. */
export function logSpaced(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? hi : lo * Math.pow(hi / lo, count === 1 ? 0 : i / (count - 1)),
  );
}

export function stabilityBase(explorer: RunConfig, lambdaMax: number): RunConfig {
  const base =
    explorer.preset === 'quadratic-nd' ? structuredClone(explorer) : presetDefaults('quadratic-nd');
  base.landscape.lambdaMax = lambdaMax;
  // The spectrum runs from λ_max down to λ_min; keep it a range.
  base.landscape.lambdaMin = Math.min(base.landscape.lambdaMin, lambdaMax / 10);
  return base;
}

export function stabilityPlan(p: StabilityParams, explorer: RunConfig): Plan<StabilityViewSpec> {
  const base = stabilityBase(explorer, p.lambdaMax);
  const lrs = logSpaced(p.lrRange[0], p.lrRange[1], p.count);
  const spec: StabilityViewSpec = { base, lrs, steps: p.steps, lambdaMax: p.lambdaMax };
  return { spec, jobs: stabilityJobs(base, lrs, p.steps, base.landscape.n) };
}

export const stabilityResults = (results: readonly JobResult[]): EndpointResult[] =>
  results.filter((r): r is EndpointResult => r.kind === 'endpoint');

export interface StabilitySummary {
  critical: number;
  /** Largest learning rate that converged, smallest that diverged (null if none). */
  lastStable: number | null;
  firstDiverged: number | null;
  /** Every run agrees with the theory: stable below 2/λ_max, diverged above. */
  agrees: boolean;
}

export function summarizeStability(
  spec: StabilityViewSpec,
  rs: readonly EndpointResult[],
): StabilitySummary {
  const critical = 2 / spec.lambdaMax;
  const stable = rs.filter((r) => r.status !== 'diverged').map((r) => r.lr);
  const diverged = rs.filter((r) => r.status === 'diverged').map((r) => r.lr);
  return {
    critical,
    lastStable: stable.length ? Math.max(...stable) : null,
    firstDiverged: diverged.length ? Math.min(...diverged) : null,
    agrees: stable.every((lr) => lr <= critical) && diverged.every((lr) => lr > critical),
  };
}
