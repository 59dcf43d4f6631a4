/**
 * The small charts beside the scene: loss, gap, distance from start, sharpness. Each
 * draws every run in its palette colour; the "log x" toggle applies to all but the
 * distance chart, which is always log x (the Hoffer plot). Exports sit at the bottom.
 *
 * Presenter mode shows ONE chart, as large as the panel allows, with a picker: four
 * charts in a 340 × ~450 px column at 18 px type would each be a thumbnail nobody at the
 * back of a hall can read, and a scrolling panel hides them from the room.
 */
import { useMemo, useState } from 'react';
import { useConfig, useRuns, useView } from '../../state/react';
import { setView } from '../../state/viewStore';
import { ExportMenu } from '../export/ExportMenu';
import { CHARTS, type ChartId } from './chartDefs';
import type { RunInfo } from './chartOptions';
import { LiveChart } from './LiveChart';
import './charts.css';

export function ChartsPanel() {
  // The runs store changes ~10×/s with progress; charts rebuild only when the set of
  // runs, their colours or labels change, so select a string key of just those.
  const runsKey = useRuns((s) => s.runs.map((r) => `${r.id}\t${r.color}\t${r.label}`).join('\n'));
  const runs = useMemo<RunInfo[]>(
    () =>
      runsKey
        ? runsKey.split('\n').map((line, index) => {
            const [id = '', color = '', label = ''] = line.split('\t');
            return { id, color, label, index };
          })
        : [],
    [runsKey],
  );
  const logX = useView((v) => v.logX);
  const presenter = useView((v) => v.presenter);
  const [shown, setShown] = useState<ChartId>('loss');
  const net = useConfig((c) => c.base.preset === 'mlp');
  const charts = CHARTS.filter((c) => net || !c.networkOnly);
  const one = charts.find((c) => c.id === shown) ?? charts[0]!;

  return (
    <section
      className={presenter ? 'charts-panel is-one-chart' : 'charts-panel'}
      aria-label="Charts"
    >
      <div className="charts-toolbar">
        {presenter && (
          <div className="charts-picker" role="group" aria-label="Chart shown">
            {charts.map((c) => (
              <button
                key={c.id}
                type="button"
                aria-pressed={c.id === one.id}
                title={c.tooltip}
                data-testid={`chart-pick-${c.id}`}
                onClick={() => setShown(c.id)}
              >
                {c.short}
              </button>
            ))}
          </div>
        )}
        <label
          className="secondary"
          title="Show step on a logarithmic axis, so early and late training both get room (the distance chart is always log)."
        >
          <input
            type="checkbox"
            checked={logX}
            onChange={(e) => setView({ logX: e.target.checked })}
          />{' '}
          log x (step)
        </label>
      </div>
      {presenter ? (
        <LiveChart key={one.id} def={one} runs={runs} logX={logX} fill />
      ) : (
        charts.map((def) => <LiveChart key={def.id} def={def} runs={runs} logX={logX} />)
      )}
      <ExportMenu />
    </section>
  );
}
