/** The explorer's caption line, computed from the runs' numbers (see explorerCaption). */
import { useMemo } from 'react';
import { useConfig, useSurface } from '../../state/react';
import { explorerCaption } from './explorerCaption';
import { useRunOutcomes } from './useRunOutcomes';

export function CaptionLine() {
  const base = useConfig((c) => c.base);
  const compareField = useConfig((c) => c.compare.field);
  const basins = useSurface((s) => s.data?.basins);
  const outcomes = useRunOutcomes();
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
        outcomes.map((o) => o.outcome),
      ),
    [base, compareField, basins, saddles, outcomes],
  );
  return (
    <p className="caption" data-testid="caption" aria-live="polite">
      {text}
    </p>
  );
}
