/**
 * The runs' key over the scene, in the run colours, which turns into the result when
 * they end: each run's basin, train and test loss and gap, with the run that tests worst
 * marked. The numbers are the ones in the readouts, so the figure stands on its own.
 */
import type { CSSProperties } from 'react';
import { useConfig, useRuns } from '../state/react';
import type { RunView } from '../state/runsStore';
import { basinText, formatNumber, stateText } from '../ui/format';
import { isEnded, worseOnTest } from '../ui/readouts/endResults';
import { useRunOutcomes } from '../ui/caption/useRunOutcomes';

const WITH_BASINS = new Set(['sharp-flat', 'saddle']);

/** `results`: turn into the result table when the runs end (else stay a key; the phone's readouts sit right below). */
export function RunResults({ results = true }: { results?: boolean }) {
  const runs = useRuns((s) => s.runs);
  const preset = useConfig((c) => c.base.preset);
  const outcomes = useRunOutcomes();
  if (runs.length === 0) return null;
  const worse = worseOnTest(runs);
  const unstable = new Set(outcomes.filter((o) => o.outcome.instability).map((o) => o.id));
  const ended = results && runs.some((r) => isEnded(r) && r.last);
  const hasBasins = WITH_BASINS.has(preset);
  return (
    <table className="scene-results" data-testid="scene-results">
      <caption className="visually-hidden">Runs and their results</caption>
      {ended && (
        <thead>
          <tr>
            <th scope="col">run</th>
            {hasBasins && <th scope="col">ended in</th>}
            <th scope="col" className="scene-results-train">
              train
            </th>
            <th scope="col">test</th>
            <th scope="col">gap</th>
          </tr>
        </thead>
      )}
      <tbody>
        {runs.map((r) => (
          <ResultRow
            key={r.id}
            run={r}
            worse={worse.has(r.id)}
            unstable={unstable.has(r.id)}
            hasBasins={hasBasins}
            columns={ended}
            results={results}
          />
        ))}
      </tbody>
    </table>
  );
}

function ResultRow({
  run,
  worse,
  unstable,
  hasBasins,
  columns,
  results,
}: {
  run: RunView;
  worse: boolean;
  unstable: boolean;
  hasBasins: boolean;
  columns: boolean;
  results: boolean;
}) {
  const m = run.last;
  const done = results && isEnded(run) && m !== null;
  const where =
    run.state === 'diverged'
      ? stateText(run)
      : unstable
        ? 'unstable'
        : basinText(m?.basin, m !== null, true);
  const span = (hasBasins ? 1 : 0) + 3;
  return (
    <tr
      className={worse ? 'is-worse' : undefined}
      data-testid={`scene-result-${run.id}`}
      style={{ '--run-color': run.color } as CSSProperties}
    >
      <th scope="row">
        <span className="scene-results-chip" aria-hidden="true" />
        {run.label}
        {done && unstable && !hasBasins && (
          <span className="scene-results-unstable"> unstable</span>
        )}
      </th>
      {done ? (
        <>
          {hasBasins && <td className="scene-results-basin">{where}</td>}
          <td className="scene-results-train">{formatNumber(m.trainLoss)}</td>
          <td className="scene-results-test" data-value={m.testLoss}>
            {worse && (
              <span className="scene-results-worse" title="The highest test loss of the runs">
                ▲<span className="scene-results-worse-word"> worse</span>{' '}
              </span>
            )}
            {formatNumber(m.testLoss)}
          </td>
          <td>{formatNumber(m.gap)}</td>
        </>
      ) : (
        <td className="scene-results-live" colSpan={columns ? span : 1}>
          {stateText(run)}
          {unstable && ' · unstable'}
        </td>
      )}
    </tr>
  );
}
