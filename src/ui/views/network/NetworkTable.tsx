/**
 * One row per recipe: test accuracy with its 95% interval and the verdicts computed from
 * the intervals (against the small and the large batch), then test loss, train accuracy,
 * gap and λ_max. Cells carry their numbers as data attributes (mean and half-width), so the
 * browser test can compare them with the CLI's exactly.
 */
import type { NetworkRow } from '../../../engine/nn';
import type { Summary } from '../../../engine/stats';
import { GapLambdaDivergedHeads } from '../statHeads';
import { SEPARATION_SHORT } from '../verdict';
import { formatSummary } from '../viewFormat';

function Stat({ s, testId }: { s: Summary | null; testId: string }) {
  return (
    <td data-testid={testId} data-value={s?.mean} data-ci={s?.ci95 ?? undefined}>
      {formatSummary(s)}
    </td>
  );
}

export function NetworkTable({ rows }: { rows: readonly NetworkRow[] }) {
  return (
    <div className="network-table-wrap">
      <table className="view-table network-table" data-testid="network-table">
        <thead>
          <tr>
            <th scope="col">recipe</th>
            <th
              scope="col"
              title="Fraction of the test set classified correctly: mean ± 95% interval"
            >
              test accuracy
            </th>
            <th
              scope="col"
              title="Test accuracy against the small batch's: better or worse when the two 95% intervals are disjoint, within noise when they overlap"
            >
              vs small
            </th>
            <th
              scope="col"
              title="Test accuracy against the large batch's: better or worse when the two 95% intervals are disjoint, within noise when they overlap"
            >
              vs large
            </th>
            <th scope="col" title="Cross-entropy on the test set: mean ± 95% interval">
              test loss
            </th>
            <th
              scope="col"
              title="Fraction of the train set (noisy labels included) classified as labelled"
            >
              train acc.
            </th>
            <GapLambdaDivergedHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ remedy, row, vsSmall, vsLarge }) => (
            <tr key={remedy.id} data-testid={`network-row-${remedy.id}`}>
              <th scope="row" className="remedy-name">
                {remedy.label}
                <span className="remedy-blurb">{remedy.blurb}</span>
              </th>
              <Stat s={row.testAccuracy} testId={`network-testacc-${remedy.id}`} />
              <Verdict sep={vsSmall} testId={`network-vssmall-${remedy.id}`} />
              <Verdict sep={vsLarge} testId={`network-vslarge-${remedy.id}`} />
              <Stat s={row.finalTestLoss} testId={`network-testloss-${remedy.id}`} />
              <Stat s={row.trainAccuracy} testId={`network-trainacc-${remedy.id}`} />
              <Stat s={row.gap} testId={`network-gap-${remedy.id}`} />
              <Stat s={row.lambdaMax} testId={`network-lambda-${remedy.id}`} />
              <td className={row.diverged ? 'is-bad' : undefined}>
                {row.diverged}/{row.runs}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Verdict({ sep, testId }: { sep: NetworkRow['vsSmall']; testId: string }) {
  return (
    <td
      data-testid={testId}
      data-value={sep ?? undefined}
      className={sep === 'worse' ? 'is-bad' : sep === 'better' ? 'is-best' : undefined}
    >
      {sep ? SEPARATION_SHORT[sep] : '—'}
    </td>
  );
}
