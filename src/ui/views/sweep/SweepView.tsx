/**
 * Batch-size sweep: K seeds × log-spaced batch sizes (× optional learning rates) on the
 * explorer's current landscape and settings, run on the worker pool. Charts against
 * batch size, the end points on the map, the numbers in a table, and a B × LR heatmap
 * of the gap when there is a learning-rate axis.
 */
import { useMemo } from 'react';
import { rowStatHeader, rowStatValues, type SweepRow } from '../../../engine/experiments';
import { useConfig, useViewParams } from '../../../state/react';
import { toCsv } from '../csvTable';
import type { FieldDef } from '../ParamBar';
import { useExperiment } from '../useExperiment';
import { ViewShell, type ViewExports } from '../ViewShell';
import { GapHeatmap } from './GapHeatmap';
import { sweepCaption } from './sweepCaption';
import { SweepCharts } from './SweepCharts';
import { SweepMap } from './SweepMap';
import { aggregateSweep, sweepLrs, sweepPlan, type SweepViewSpec } from './sweepPlan';
import { SweepTable } from './SweepTable';

const FIELDS: FieldDef[] = [
  {
    key: 'sb',
    label: 'batch sizes',
    tip: 'Comma-separated batch sizes; empty means 1, 4, 16, … up to the whole train set N.',
    size: 18,
    placeholder: '1,4,16,…,N',
  },
  { key: 'sk', label: 'seeds K', tip: 'Runs (seeds) per batch size.', size: 4 },
  { key: 'ss', label: 'first seed', tip: 'Seeds used: first seed … first seed + K − 1.', size: 4 },
  {
    key: 'slr',
    label: 'learning rates',
    tip: "Optional second axis: comma-separated learning rates; empty uses the explorer's learning rate.",
    size: 12,
    placeholder: 'explorer’s η',
  },
];

export function SweepView({ alone }: { alone?: boolean }) {
  const params = useViewParams((s) => s.params.sweep);
  const base = useConfig((c) => c.base);
  const plan = useMemo(() => sweepPlan(params, base), [params, base]);
  const exp = useExperiment<SweepViewSpec>('sweep', plan);
  const spec = exp.results ? exp.spec : null;
  const rows = useMemo<SweepRow[] | null>(
    () => (spec && exp.results ? aggregateSweep(spec, exp.results) : null),
    [spec, exp.results],
  );
  const lrs = spec ? sweepLrs(spec) : [];
  const exports: ViewExports | null =
    spec && rows
      ? {
          csv: () => sweepCsv(rows),
          data: () => ({ spec, results: rows }),
        }
      : null;

  return (
    <ViewShell
      view="sweep"
      title="Batch-size sweep"
      intro={`Many seeded runs of the explorer's ${base.preset} setup per batch size, same epochs, each seed from its own random start: how often they end in each basin, and how they do on train and test.`}
      fields={FIELDS}
      exp={exp}
      caption={rows ? sweepCaption(rows, lrs.length) : null}
      exports={exports}
      alone={alone}
      extraControls={plan.note ? <p className="view-note">{plan.note}</p> : null}
    >
      {spec && rows && exp.results ? (
        <div className="sweep-layout">
          <div className="sweep-main">
            <SweepCharts spec={spec} rows={rows} />
            <SweepTable rows={rows} manyLrs={lrs.length > 1} />
          </div>
          <div className="sweep-side">
            <SweepMap spec={spec} results={exp.results} />
            {lrs.length > 1 && <GapHeatmap rows={rows} batches={spec.batches} lrs={lrs} />}
          </div>
        </div>
      ) : (
        <p className="view-placeholder">Results appear here when the runs finish.</p>
      )}
    </ViewShell>
  );
}

function sweepCsv(rows: readonly SweepRow[]): string {
  const header = [
    'batch',
    'lr',
    'runs',
    'flatFraction',
    'flatCiLo',
    'flatCiHi',
    ...rowStatHeader(),
    'diverged',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.batch,
      r.lr,
      r.runs,
      r.flatFraction,
      r.flatCi?.[0],
      r.flatCi?.[1],
      ...rowStatValues(r),
      r.diverged,
    ]),
  );
}
