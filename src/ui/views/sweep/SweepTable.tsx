/** The sweep's numbers, one row per cell: what the charts show, readable and testable. */
import type { SweepRow } from '../../../engine/experiments';
import { basinText, formatNumber } from '../../format';
import { Term } from '../../glossary';
import { formatSummary, percent } from '../viewFormat';

/** Test ids name cells by batch size, and by learning rate too when there are several. */
export const sweepCellId = (what: string, r: SweepRow, manyLrs: boolean): string =>
  `sweep-${what}-${r.batch}${manyLrs ? `-lr${r.lr}` : ''}`;

export function SweepTable({ rows, manyLrs }: { rows: readonly SweepRow[]; manyLrs: boolean }) {
  const hasFlat = rows.some((r) => r.flatFraction !== null);
  return (
    <table className="view-table" data-testid="sweep-table">
      <thead>
        <tr>
          <th scope="col">
            <Term k="batch">B</Term>
          </th>
          {manyLrs && (
            <th scope="col">
              <Term k="lr">η</Term>
            </th>
          )}
          {hasFlat && (
            <th
              scope="col"
              title="Share of runs ending in the flat basin, with its 95% Wilson interval"
            >
              <Term k="flat">flat</Term>
            </th>
          )}
          <th scope="col" title="Final train loss: mean ± 95% interval">
            train
          </th>
          <th scope="col" title="Final test loss: mean ± 95% interval">
            test
          </th>
          <th scope="col">
            <Term k="gap">gap</Term>
          </th>
          <th scope="col">
            <Term k="lambdaMax">λ_max</Term>
          </th>
          <th scope="col" title="Runs that diverged (blew up) out of the runs in this cell">
            div.
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.lr}-${r.batch}`}>
            <th scope="row">{r.batch}</th>
            {manyLrs && <td>{r.lr}</td>}
            {hasFlat && (
              <td
                data-testid={sweepCellId('flat', r, manyLrs)}
                data-value={r.flatFraction ?? undefined}
                title={
                  r.flatCi
                    ? `95% interval ${percent(r.flatCi[0])} – ${percent(r.flatCi[1])}`
                    : undefined
                }
              >
                {percent(r.flatFraction)}
                {r.flatCi && (
                  <span className="ci">
                    {' '}
                    [{Math.round(r.flatCi[0] * 100)}–{Math.round(r.flatCi[1] * 100)}]
                  </span>
                )}
              </td>
            )}
            <td>{formatSummary(r.finalTrainLoss)}</td>
            <td title={byBasinTip(r)} data-testid={sweepCellId('test', r, manyLrs)}>
              {formatSummary(r.finalTestLoss)}
            </td>
            <td data-testid={sweepCellId('gap', r, manyLrs)} data-value={r.gap.mean}>
              {formatSummary(r.gap)}
            </td>
            <td>{formatNumber(r.lambdaMax.mean)}</td>
            <td className={r.diverged ? 'is-bad' : undefined}>
              {r.diverged}/{r.runs}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The test loss split by end basin, for the cell's tooltip. */
function byBasinTip(r: SweepRow): string | undefined {
  if (!r.byBasin || r.byBasin.length < 2) return undefined;
  return r.byBasin
    .map(
      (g) =>
        `${basinText(g.basin, true, true)}: ${g.runs} run${g.runs === 1 ? '' : 's'}, test ${formatNumber(g.finalTestLoss.mean)}`,
    )
    .join('; ');
}
