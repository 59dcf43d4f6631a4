/** Flat fraction, test loss and gap per remedy as bars with 95% whiskers (StatBars). */
import { formatNumber } from '../../format';
import type { Remedy } from '../../../engine/remedies';
import { StatBars, summaryPanel, type BarPanel, type BarRow } from '../charts/StatBars';
import { shortLabel, type RemedyOutcome } from './remediesPlan';

/** One bar row per recipe, in the failure colour when any of its runs diverged. */
export const recipeBarRows = (
  rows: readonly { remedy: Remedy; row: { diverged: number } }[],
): BarRow[] =>
  rows.map((o) => ({ id: o.remedy.id, label: shortLabel(o.remedy), bad: o.row.diverged > 0 }));

export function RemediesBars({ rows }: { rows: readonly RemedyOutcome[] }) {
  const panels: BarPanel[] = [];
  if (rows.some((r) => r.row.flatFraction !== null))
    panels.push({
      title: 'flat fraction (95% Wilson)',
      value: (i) => rows[i]!.row.flatFraction,
      lo: (i) => rows[i]!.row.flatCi?.[0] ?? null,
      hi: (i) => rows[i]!.row.flatCi?.[1] ?? null,
      format: (v) => `${Math.round(v * 100)}%`,
      fixed: [0, 1],
    });
  panels.push(
    summaryPanel('test loss (mean ± 95%)', (i) => rows[i]!.row.finalTestLoss, formatNumber),
    summaryPanel('gap, test − train (mean ± 95%)', (i) => rows[i]!.row.gap, formatNumber),
  );
  return (
    <StatBars
      rows={recipeBarRows(rows)}
      panels={panels}
      title="Outcome of each remedy"
      tooltip="Each remedy's share of runs ending in the flat basin, its mean final test loss and its mean generalization gap, with 95% intervals."
      ariaLabel="Bar chart of flat fraction, test loss and gap per remedy"
      testId="remedies-bars"
      className="remedies-bars"
    />
  );
}
