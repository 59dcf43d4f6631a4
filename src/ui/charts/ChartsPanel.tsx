/**
 * The small charts beside the scene: loss, gap, distance from start, sharpness. Each
 * draws every run in its palette colour; the "log x" toggle applies to all but the
 * distance chart, which is always log x (the Hoffer plot). Exports sit at the bottom.
 */
import { useMemo } from 'react';
import { useRuns, useView } from '../../state/react';
import { setView } from '../../state/viewStore';
import { ExportMenu } from '../export/ExportMenu';
import { CHARTS } from './chartDefs';
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

  return (
    <section className="charts-panel" aria-label="Charts">
      <div className="charts-toolbar">
        <label title="Show step on a logarithmic axis, so early and late training both get room (the distance chart is always log).">
          <input
            type="checkbox"
            checked={logX}
            onChange={(e) => setView({ logX: e.target.checked })}
          />{' '}
          log x (step)
        </label>
      </div>
      {CHARTS.map((def) => (
        <LiveChart key={def.id} def={def} runs={runs} logX={logX} />
      ))}
      <ExportMenu />
    </section>
  );
}
