/**
 * The sweep's statistics against batch size (log x, ticks at the batch sizes swept):
 * flat fraction with its Wilson interval, final train and test loss, gap and λ_max
 * (log y), each mean with its 95% interval as error bars — the x values are few, so
 * bars read better than a band. One series per learning rate.
 */
import { useMemo } from 'react';
import type { SweepRow } from '../../../engine/experiments';
import type { Summary } from '../../../engine/stats';
import { StatChart } from '../charts/StatChart';
import type { StatChartSpec, StatSeries } from '../charts/statOptions';
import { useSeriesColors } from '../useThemeColors';
import { sweepLrs, type SweepViewSpec } from './sweepPlan';

type Pick = (r: SweepRow) => { mean: number | null; lo: number | null; hi: number | null };

const fromSummary =
  (get: (r: SweepRow) => Summary): Pick =>
  (r) => {
    const s = get(r);
    const h = s.ci95 ?? null;
    return { mean: s.mean, lo: h === null ? null : s.mean - h, hi: h === null ? null : s.mean + h };
  };

const CHARTS: {
  id: string;
  title: string;
  tip: string;
  pick: Pick;
  yLog?: boolean;
  flat?: boolean;
}[] = [
  {
    id: 'flat',
    title: 'Fraction ending in the flat basin',
    tip: 'Share of seeds whose end point lies in the wide, flat minimum, with a 95% Wilson interval.',
    pick: (r) => ({ mean: r.flatFraction, lo: r.flatCi?.[0] ?? null, hi: r.flatCi?.[1] ?? null }),
    flat: true,
  },
  {
    id: 'train',
    title: 'Final train loss',
    tip: 'Mean full train-set loss at the end, with a 95% interval over seeds.',
    pick: fromSummary((r) => r.finalTrainLoss),
  },
  {
    id: 'test',
    title: 'Final test loss',
    tip: 'Mean test-set loss at the end, with a 95% interval over seeds.',
    pick: fromSummary((r) => r.finalTestLoss),
  },
  {
    id: 'gap',
    title: 'Generalization gap (test − train)',
    tip: 'Mean test − train loss at the end, with a 95% interval over seeds: how much worse the end points do on test than on train. A small gap alone is not a good model (a run that never trained has one too): read it with the test loss.',
    pick: fromSummary((r) => r.gap),
  },
  {
    id: 'lambda',
    title: 'Sharpness λ_max at the end (log scale)',
    tip: 'Mean largest Hessian eigenvalue of the train loss at the end points, with a 95% interval.',
    pick: fromSummary((r) => r.lambdaMax),
    yLog: true,
  },
];

export function SweepCharts({ spec, rows }: { spec: SweepViewSpec; rows: readonly SweepRow[] }) {
  const lrs = useMemo(() => sweepLrs(spec), [spec]);
  const colors = useSeriesColors(lrs.length);
  const specs = useMemo(() => {
    const nb = spec.batches.length;
    return CHARTS.filter((c) => !c.flat || spec.hasFlat).map((c) => {
      const series: StatSeries[] = lrs.map((lr, k) => {
        const cells = rows.slice(k * nb, (k + 1) * nb).map(c.pick);
        return {
          label: lrs.length > 1 ? `η = ${lr}` : 'mean',
          color: colors[k]!,
          y: cells.map((x) => x.mean),
          lo: cells.map((x) => x.lo),
          hi: cells.map((x) => x.hi),
          interval: 'bars',
          points: true,
        };
      });
      const chart: StatChartSpec = {
        x: spec.batches,
        xTicks: spec.batches,
        xLog: true,
        yLog: c.yLog,
        xLabel: 'batch size B',
        series,
        ...(c.flat
          ? {
              yRange: [0, 1] as [number, number],
              yFormat: (v: number) => `${Math.round(v * 100)}%`,
            }
          : {}),
      };
      return { ...c, chart };
    });
  }, [spec, rows, lrs, colors]);

  return (
    <div className="sweep-charts">
      {specs.map((c) => (
        <StatChart
          key={c.id}
          title={c.title}
          tooltip={c.tip}
          spec={c.chart}
          testId={`sweep-chart-${c.id}`}
          // One series needs no key (the table has the numbers); several learning rates do.
          legend={lrs.length > 1}
        />
      ))}
    </div>
  );
}
