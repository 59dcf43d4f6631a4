/**
 * Remedies, side by side: matched ensembles (same landscape, seeds and epochs) of the
 * small batch, the large batch, and the large batch with each fix, in one table and one
 * bar chart. Whatever the engine finds is what is shown.
 */
import { useMemo } from 'react';
import { useConfig, useViewParams } from '../../../state/react';
import { formatNumber } from '../../format';
import { Term } from '../../glossary';
import { toCsv } from '../csvTable';
import { GapLambdaDivergedHeads } from '../statHeads';
import type { FieldDef } from '../ParamBar';
import { useExperiment } from '../useExperiment';
import { formatSummary, percent } from '../viewFormat';
import { ViewShell, type ViewExports } from '../ViewShell';
import { RemediesBars } from './RemediesBars';
import { remediesCaption } from './remediesCaption';
import { compareMeans, remedyVerdict, VERDICT_SHORT } from '../verdict';
import {
  aggregateRemedies,
  remediesPlan,
  type RemedyOutcome,
  type RemediesViewSpec,
} from './remediesPlan';

const FIELDS: FieldDef[] = [
  {
    key: 'rs',
    label: 'small B',
    tip: 'The small batch size: the baseline every remedy is compared with.',
    size: 5,
  },
  {
    key: 'rl',
    label: 'large B',
    tip: 'The large batch size the remedies try to fix; empty means the whole train set N.',
    size: 5,
    placeholder: 'N',
  },
  {
    key: 'rk',
    label: 'seeds K',
    tip: 'Runs (seeds) per remedy; every remedy uses the same seeds.',
    size: 4,
  },
];

export function RemediesView({ alone }: { alone?: boolean }) {
  const params = useViewParams((s) => s.params.remedies);
  const base = useConfig((c) => c.base);
  const plan = useMemo(() => remediesPlan(params, base), [params, base]);
  const exp = useExperiment<RemediesViewSpec>('remedies', plan);
  const spec = exp.results ? exp.spec : null;
  const rows = useMemo(
    () => (spec && exp.results ? aggregateRemedies(spec, exp.results) : null),
    [spec, exp.results],
  );
  const exports: ViewExports | null =
    spec && rows
      ? {
          csv: () => remediesCsv(rows),
          data: () => ({
            spec,
            results: rows.map((r) => ({ id: r.remedy.id, label: r.remedy.label, ...r.row })),
          }),
        }
      : null;

  return (
    <ViewShell
      view="remedies"
      title="Remedies, side by side"
      intro={`Matched ensembles on the explorer's ${base.preset} setup: same seeds (each with its own random start), same epochs; only the training recipe differs. Each recipe is judged by its test loss.`}
      fields={FIELDS}
      exp={exp}
      caption={rows ? remediesCaption(rows) : null}
      exports={exports}
      alone={alone}
      extraControls={plan.note ? <p className="view-note">{plan.note}</p> : null}
    >
      {rows ? (
        <div className="remedies-layout">
          <RemediesTable rows={rows} />
          <RemediesBars rows={rows} />
        </div>
      ) : (
        <p className="view-placeholder">Results appear here when the runs finish.</p>
      )}
    </ViewShell>
  );
}

function RemediesTable({ rows }: { rows: readonly RemedyOutcome[] }) {
  const hasFlat = rows.some((r) => r.row.flatFraction !== null);
  const small = rows.find((r) => r.remedy.id === 'small')?.row;
  const large = rows.find((r) => r.remedy.id === 'large')?.row;
  // Verdicts only mean something when the large batch is measurably worse on test.
  const judged =
    small && large && compareMeans(large.finalTestLoss, small.finalTestLoss) === 'higher';
  return (
    <table className="view-table remedies-table" data-testid="remedies-table">
      <thead>
        <tr>
          <th scope="col">recipe</th>
          {hasFlat && (
            <th scope="col">
              <Term k="flat">flat</Term>
            </th>
          )}
          <th scope="col" title="Final train loss: mean ± 95% interval">
            train loss
          </th>
          <th scope="col" title="Final test loss: mean ± 95% interval">
            test loss
          </th>
          {judged && (
            <th
              scope="col"
              title="The recipe's test loss against the small and the large batch's, 95% intervals apart: fixed (as good as the small batch), partly, no help, worse, or untrained (train loss far above the small batch's)."
            >
              on test
            </th>
          )}
          <GapLambdaDivergedHeads />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ remedy, row }) => (
          <tr key={remedy.id}>
            <th scope="row" className="remedy-name">
              {remedy.label}
              <span className="remedy-blurb">{remedy.blurb}</span>
            </th>
            {hasFlat && (
              <td
                data-testid={`remedy-flat-${remedy.id}`}
                data-value={row.flatFraction ?? undefined}
              >
                {percent(row.flatFraction)}
                {row.flatCi && (
                  <span className="ci">
                    {' '}
                    [{Math.round(row.flatCi[0] * 100)}–{Math.round(row.flatCi[1] * 100)}]
                  </span>
                )}
              </td>
            )}
            <td>{formatSummary(row.finalTrainLoss)}</td>
            <td data-testid={`remedy-test-${remedy.id}`} data-value={row.finalTestLoss.mean}>
              {formatSummary(row.finalTestLoss)}
            </td>
            {judged && (
              <td data-testid={`remedy-verdict-${remedy.id}`}>
                {remedy.id === 'small' || remedy.id === 'large'
                  ? remedy.id === 'large'
                    ? 'worse'
                    : 'baseline'
                  : VERDICT_SHORT[remedyVerdict(small, large, row)]}
              </td>
            )}
            <td data-testid={`remedy-gap-${remedy.id}`} data-value={row.gap.mean}>
              {formatSummary(row.gap)}
            </td>
            <td>{formatNumber(row.lambdaMax.mean)}</td>
            <td
              className={row.diverged ? 'is-bad' : undefined}
              data-testid={`remedy-diverged-${remedy.id}`}
            >
              {row.diverged}/{row.runs}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function remediesCsv(rows: readonly RemedyOutcome[]): string {
  const stats = ['finalTrainLoss', 'finalTestLoss', 'gap', 'lambdaMax', 'distance'] as const;
  const header = ['remedy', 'label', 'runs', 'flatFraction', 'flatCiLo', 'flatCiHi'];
  for (const s of stats) header.push(`${s}_mean`, `${s}_ci95`);
  header.push('diverged');
  return toCsv(
    header,
    rows.map(({ remedy, row }) => [
      remedy.id,
      remedy.label,
      row.runs,
      row.flatFraction,
      row.flatCi?.[0],
      row.flatCi?.[1],
      ...stats.flatMap((s) => [row[s].mean, row[s].ci95]),
      row.diverged,
    ]),
  );
}
