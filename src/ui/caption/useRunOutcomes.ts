/**
 * The runs as the caption, readouts and result table describe them: the runs store's
 * status plus what their buffers and configs add (basin shares, instability). Recomputed
 * when the runs store changes (~10 times a second at most), never per frame.
 */
import { useMemo } from 'react';
import { runBuffers } from '../../state/buffers';
import { configStore, runSpecs } from '../../state/configStore';
import { useConfig, useRuns } from '../../state/react';
import { runOutcome, type RunOutcome } from './outcome';
import { stabilityBound } from './stability';

export function useRunOutcomes(): { id: string; outcome: RunOutcome }[] {
  const runs = useRuns((r) => r.runs);
  const base = useConfig((c) => c.base);
  const compare = useConfig((c) => c.compare);
  return useMemo(() => {
    const specs = runSpecs({ ...configStore.getState(), base, compare });
    return runs.map((r) => {
      const spec = specs.find((s) => s.id === r.id);
      const bound = spec ? stabilityBound(spec.config.optimizer) : 2;
      const outcome = runOutcome(r, runBuffers.get(r.id), bound);
      // A network's λ_max is the inference-mode loss's (BN with running statistics), not the
      // training-mode loss SGD steps on, so η·λ_max > 2 says nothing about its steps.
      if (base.preset === 'mlp') outcome.instability = null;
      return { id: r.id, outcome };
    });
  }, [runs, base, compare]);
}
