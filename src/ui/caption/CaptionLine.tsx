/** The explorer's caption line, computed from the runs' numbers (see explorerCaption). */
import { useMemo } from 'react';
import { runBuffers } from '../../state/buffers';
import { useConfig, useRuns, useSurface } from '../../state/react';
import { explorerCaption } from './explorerCaption';
import { runOutcome } from './outcome';

export function CaptionLine() {
  const base = useConfig((c) => c.base);
  const compareField = useConfig((c) => c.compare.field);
  const runs = useRuns((r) => r.runs);
  const basins = useSurface((s) => s.data?.basins);
  const saddles = useSurface((s) => s.data?.saddles);
  const text = useMemo(
    () =>
      explorerCaption(
        {
          preset: base.preset,
          compareField,
          landscape: base.landscape,
          basins: basins ?? [],
          saddles: saddles ?? [],
        },
        runs.map((r) => runOutcome(r, runBuffers.get(r.id))),
      ),
    [base, compareField, runs, basins, saddles],
  );
  return (
    <p className="caption" data-testid="caption" aria-live="polite">
      {text}
    </p>
  );
}
