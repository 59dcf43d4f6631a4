/**
 * Distance from the start against step on a log-x axis: the ensemble mean of each curve
 * with its 95% band, its a·ln t + b fit (dashed) and its c·t^p fit (dotted), drawn over
 * the fit range only, whose ends are marked. On log x a straight line is log t growth.
 */
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { StatChart } from '../charts/StatChart';
import type { StatChartSpec, StatSeries } from '../charts/statOptions';
import { withAlpha } from '../viewColors';
import { drawFitRange } from './diffusionOverlay';
import type { DiffusionPanelProps } from './diffusionPlan';

/** A distance is never negative: a fit that predicts one (a poor log fit) is not drawn there. */
const nonNegative = (v: number): number | null => (v >= 0 ? v : null);

export function DiffusionChart({ curves, colors, fitRange }: DiffusionPanelProps) {
  const spec = useMemo<StatChartSpec>(() => {
    const t = curves[0]?.t ?? [];
    const inRange = (x: number) => x >= fitRange[0] && x <= fitRange[1];
    const series: StatSeries[] = curves.flatMap((c, i) => {
      const color = colors[i]!;
      return [
        // Flat baselines: markers and no band, so they stay apart from the dashed and
        // dotted fit lines and do not pile a second band onto the first.
        c.flat
          ? { label: c.label, color, y: c.mean, width: 1.5, points: true }
          : {
              label: c.label,
              color,
              y: c.mean,
              lo: c.lo,
              hi: c.hi,
              interval: 'band',
              width: 2,
              points: false,
            },
        {
          label: `${c.label} log fit`,
          color: withAlpha(color, 0.9),
          y: t.map((x) => (inRange(x) ? nonNegative(c.logFit.a * Math.log(x) + c.logFit.b) : null)),
          width: 1.25,
          dash: [6, 4],
          points: false,
          quiet: true,
        },
        {
          label: `${c.label} power fit`,
          color: withAlpha(color, 0.9),
          y: t.map((x) => (inRange(x) ? c.powerFit.c * Math.pow(x, c.powerFit.p) : null)),
          width: 1.25,
          dash: [2, 3],
          points: false,
          quiet: true,
        },
      ];
    });
    return {
      x: t,
      xLog: true,
      xLabel: 'step t',
      yLabel: '‖w_t − w_0‖',
      series,
      overlay: (u: uPlot, theme) => drawFitRange(u, theme, fitRange),
    };
  }, [curves, colors, fitRange]);

  return (
    <StatChart
      title={`Distance from start vs step (fits over t = ${fitRange[0]} … ${fitRange[1]}, dotted verticals)`}
      tooltip="Ensemble mean ‖w_t − w_0‖ with a 95% band (flat-potential baselines: with markers); dashed: a·ln t + b, dotted: c·t^p, both fitted over the marked range. A straight line on this log-t axis means log t growth."
      spec={spec}
      height={300}
      legend={false}
      testId="diffusion-chart"
    />
  );
}
