/**
 * The network comparison for the view: the CLI `network` command's matched recipes (small
 * batch, large batch, + Ghost BN, + regime adaptation, + √ LR scaling, Hoffer's recipe; + plain
 * BN as the control when the network has none), one endpoint job per recipe and seed — the
 * same jobs, so the same numbers — plus one keskar job: the line between the first seed's
 * small- and large-batch solutions. The network is the explorer's when the explorer shows
 * the mlp preset, the preset's defaults otherwise.
 */
import type { RunConfig } from '../../../engine/config';
import type { EndpointResult, JobResult, KeskarResult } from '../../../engine/ensemble';
import { seedList } from '../../../engine/experiments';
import { linspace } from '../../../engine/interpolate';
import { networkJobs, networkRecipes, networkRows, type NetworkRow } from '../../../engine/nn';
import { presetDefaults } from '../../../engine/presets';
import type { Remedy } from '../../../engine/remedies';
import { resolveConfig } from '../../../engine/validate';
import type { NetworkParams } from '../../../state/viewParams';
import { ensembleBase } from '../ensembleBase';
import type { Plan } from '../useExperiment';

/** α ∈ [−1, 2] in steps of 0.05, as in the Keskar view: α = 0 and 1 fall on the grid. */
export const NETWORK_ALPHAS = linspace(-1, 2, 61);

export interface NetworkViewSpec {
  base: RunConfig;
  small: number;
  large: number;
  ghost: number;
  seeds: number[];
  recipes: Remedy[];
  alphas: number[];
}

export interface NetworkOutcome {
  rows: NetworkRow[];
  /** The first seed's line from the small- to the large-batch solution. */
  line: KeskarResult | null;
}

export function networkPlan(
  p: NetworkParams,
  explorer: RunConfig,
): Plan<NetworkViewSpec> & { note: string | null } {
  const fromExplorer = explorer.preset === 'mlp';
  const base = fromExplorer ? ensembleBase(explorer) : presetDefaults('mlp');
  const n = base.landscape.n;
  const clamp = (b: number) => Math.max(1, Math.min(n, b));
  const small = clamp(p.small);
  const large = clamp(p.large ?? n);
  const ghost = p.ghost ?? small;
  const seeds = seedList(p.seeds);
  const notes: string[] = [];
  if (small !== p.small || (p.large !== null && large !== p.large))
    notes.push(`Batch sizes are limited to N = ${n}: running ${small} and ${large}.`);
  const recipes = networkRecipes(base, small, large, ghost, base.network!.batchNorm);
  const spec: NetworkViewSpec = {
    base,
    small,
    large,
    ghost,
    seeds,
    recipes,
    alphas: NETWORK_ALPHAS,
  };
  // The CLI's checks, said in the view: nothing runs that the engine would refuse.
  const problem =
    small >= large
      ? `The small batch (${small}) must be below the large one (${large}).`
      : recipeProblem(base, recipes);
  if (problem) return { spec, jobs: [], note: [...notes, problem].join(' ') };
  const keskar = {
    kind: 'keskar' as const,
    config: { ...base, seed: seeds[0]! },
    small,
    large,
    alphas: NETWORK_ALPHAS,
    // ε-sharpness of a network is a costly ascent; the line and λ_max carry the picture.
    sharpnessEps: 0,
  };
  return {
    spec,
    jobs: [...networkJobs(base, recipes, seeds), keskar],
    note: notes.length ? notes.join(' ') : null,
  };
}

function recipeProblem(base: RunConfig, recipes: readonly Remedy[]): string | null {
  for (const r of recipes) {
    const res = resolveConfig({ ...base, ...r.patch });
    if (!res.ok) return `${r.label}: ${res.errors[0]?.message ?? 'invalid'}.`;
  }
  return null;
}

export function aggregateNetwork(
  spec: NetworkViewSpec,
  results: readonly JobResult[],
): NetworkOutcome {
  const count = spec.recipes.length * spec.seeds.length;
  const rows = networkRows(spec.recipes, spec.seeds, results.slice(0, count) as EndpointResult[]);
  const line = results[count]?.kind === 'keskar' ? (results[count] as KeskarResult) : null;
  return { rows, line };
}
