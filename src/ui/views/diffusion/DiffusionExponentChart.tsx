/**
 * The local exponent p(t) = d ln D / d ln t of each curve's mean distance on a log-t axis,
 * in the same colours as the distance chart, with the line p = ½ of a free random walk.
 * A power law c·t^p is a flat line here; log growth a·ln t + b falls like 1/ln t. That is
 * what tells the two laws apart at a glance, where two R² values differ in the third digit.
 */
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { LOCAL_EXPONENT_HALF_WINDOW } from '../../../engine/stats';
import { StatChart } from '../charts/StatChart';
import type { StatChartSpec, StatSeries } from '../charts/statOptions';
import { drawFitRange, drawReference } from './diffusionOverlay';
import type { DiffusionPanelProps } from './diffusionPlan';

export function DiffusionExponentChart({ curves, colors, fitRange }: DiffusionPanelProps) {
  const spec = useMemo<StatChartSpec>(() => {
    const t = curves[0]?.t ?? [];
    const series: StatSeries[] = curves.map((c, i) => ({
      label: `${c.label} p(t)`,
      color: colors[i]!,
      y: c.localExponent,
      width: c.flat ? 1.5 : 2,
      points: c.flat,
    }));
    // Room for ½ and for every value; a trapped walk can dip just below 0.
    const values = curves.flatMap((c) => c.localExponent.filter((v): v is number => v !== null));
    const lo = Math.min(0, Math.floor(Math.min(...values, 0) * 10) / 10);
    const hi = Math.max(0.8, Math.ceil(Math.max(...values, 0) * 10) / 10);
    return {
      x: t,
      xLog: true,
      xLabel: 'step t',
      yLabel: 'p(t) = d ln D / d ln t',
      yRange: [lo, hi],
      yFormat: (v: number) => (Math.abs(v) < 1e-9 ? '0' : v.toFixed(2)),
      series,
      overlay: (u: uPlot, theme) => {
        drawFitRange(u, theme, fitRange);
        drawReference(u, theme, 0.5, 'p = ½ (√t)');
      },
    };
  }, [curves, colors, fitRange]);

  const decades = 2 * LOCAL_EXPONENT_HALF_WINDOW;
  return (
    <StatChart
      title="Local exponent p(t): flat for a power law, falling for log t growth"
      tooltip={`p(t) is the slope of ln D against ln t over the ${decades} decade of samples centred on t (D = ensemble mean distance). A power law c·t^p keeps it constant — ½ for a free random walk (dashed line) — while a·ln t + b makes it fall like 1/ln t. It is missing where that window would run past the first or last step.`}
      spec={spec}
      height={300}
      legend={false}
      testId="diffusion-exponent-chart"
    />
  );
}
