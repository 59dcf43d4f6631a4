/**
 * Builds a step's LiveContext from the stores: the runs as the explorer's caption reads
 * them, and each science view's finished ensemble — aggregated with the view's own plan
 * and aggregator, and only when its spec is the one the current settings describe.
 */
import { useMemo } from 'react';
import { useConfig, useEnsemble, useSurface, useViewParams } from '../../state/react';
import { basinText } from '../../ui/format';
import { useRunOutcomes } from '../../ui/caption/useRunOutcomes';
import { aggregateSweep, sweepPlan } from '../../ui/views/sweep/sweepPlan';
import { aggregateRemedies, remediesPlan } from '../../ui/views/remedies/remediesPlan';
import { aggregateDiffusion, diffusionPlan } from '../../ui/views/diffusion/diffusionPlan';
import type { ExperimentState } from '../../state/ensembleStore';
import type { LiveContext } from '../live/context';

/** The results of an experiment when they belong to this spec, else null. */
function resultsFor(state: ExperimentState, spec: unknown) {
  return state.status === 'done' && state.results && state.specKey === JSON.stringify(spec)
    ? state.results
    : null;
}

export function useLiveContext(): LiveContext {
  const outcomes = useRunOutcomes();
  const basins = useSurface((s) => s.data?.basins);
  const saddles = useSurface((s) => s.data?.saddles);
  const surfaceLoading = useSurface((s) => s.loading);
  const base = useConfig((c) => c.base);
  const params = useViewParams((s) => s.params);
  const sweepState = useEnsemble((s) => s.sweep);
  const remediesState = useEnsemble((s) => s.remedies);
  const diffusionState = useEnsemble((s) => s.diffusion);

  const sweep = useMemo(() => {
    const { spec } = sweepPlan(params.sweep, base);
    const results = resultsFor(sweepState, spec);
    return results ? aggregateSweep(spec, results) : null;
  }, [params.sweep, base, sweepState]);
  const remedies = useMemo(() => {
    const { spec } = remediesPlan(params.remedies, base);
    const results = resultsFor(remediesState, spec);
    return results ? aggregateRemedies(spec, results) : null;
  }, [params.remedies, base, remediesState]);
  const diffusion = useMemo(() => {
    const { spec } = diffusionPlan(params.diffusion, base);
    const results = resultsFor(diffusionState, spec);
    return results ? { curves: aggregateDiffusion(spec, results), fitRange: spec.fitRange } : null;
  }, [params.diffusion, base, diffusionState]);

  return useMemo(() => {
    const labels = Object.fromEntries((basins ?? []).map((b) => [b.id, b.label]));
    return {
      runs: outcomes.map((o) => o.outcome),
      basinName: (id) => basinText(id, true, (basins?.length ?? 0) > 0, labels),
      // A network has no basins (its surface is a slice that comes when the worker sends it).
      basinsReady: !surfaceLoading || base.preset === 'mlp',
      saddles: saddles ?? [],
      n: base.landscape.n,
      sweep,
      remedies,
      diffusion,
    };
  }, [
    outcomes,
    basins,
    saddles,
    surfaceLoading,
    base.preset,
    base.landscape.n,
    sweep,
    remedies,
    diffusion,
  ]);
}
