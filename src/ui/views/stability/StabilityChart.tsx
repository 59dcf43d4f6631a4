/**
 * Final train loss against learning rate (both log) for full-batch GD on quadratic-nd,
 * with the stability line η = 2/λ_max. A diverged run stops once its loss passes the
 * divergence bound, so its "final" loss says only "blew up": it is a red ✕ at that
 * loss (or along the top when not finite), not a point on the curve.
 */
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { EndpointResult } from '../../../engine/ensemble';
import { formatNumber } from '../../format';
import { StatChart } from '../charts/StatChart';
import type { StatChartSpec } from '../charts/statOptions';
import { DIVERGED_COLOR } from '../viewColors';
import { niceLogTicks } from '../charts/ticks';

export function StabilityChart({
  rs,
  critical,
  color,
}: {
  rs: readonly EndpointResult[];
  critical: number;
  color: string;
}) {
  const spec = useMemo<StatChartSpec>(() => {
    const lrs = rs.map((r) => r.lr);
    const blownUp = (r: EndpointResult) => r.status === 'diverged';
    return {
      x: lrs,
      xTicks: niceLogTicks(Math.min(...lrs), Math.max(...lrs)),
      xLog: true,
      yLog: true,
      xLabel: 'learning rate η',
      yLabel: 'final train loss',
      xFormat: (v) => formatNumber(v, 2),
      series: [
        {
          label: 'final train loss',
          color,
          y: rs.map((r) => (blownUp(r) ? null : r.trainLoss)),
          points: true,
        },
        {
          label: 'diverged',
          color: DIVERGED_COLOR,
          // Drawn as ✕ by the overlay; the series keeps them in the y range and the legend.
          y: rs.map((r) => (blownUp(r) && Number.isFinite(r.trainLoss) ? r.trainLoss : null)),
          line: false,
          points: false,
        },
      ],
      overlay: (u: uPlot, theme) => {
        const ctx = u.ctx;
        const dpr = devicePixelRatio || 1;
        const font = theme.font.replace(
          /^(\d+)px/,
          (_m, px) => `${Math.round(Number(px) * dpr)}px`,
        );
        ctx.save();
        const x = u.valToPos(critical, 'x', true);
        if (x >= u.bbox.left && x <= u.bbox.left + u.bbox.width) {
          ctx.strokeStyle = theme.text;
          ctx.lineWidth = 2 * dpr;
          ctx.setLineDash([6 * dpr, 4 * dpr]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = theme.text;
          ctx.font = font;
          // Top left of the line: converged runs sit along the bottom, the ✕ to the right.
          ctx.textAlign = 'right';
          ctx.textBaseline = 'top';
          ctx.fillText(
            `η = 2/λ_max = ${formatNumber(critical)}`,
            x - 6 * dpr,
            u.bbox.top + 4 * dpr,
          );
        }
        ctx.strokeStyle = DIVERGED_COLOR;
        ctx.lineWidth = 2.5 * dpr;
        const s = 6 * dpr;
        for (const r of rs) {
          if (!blownUp(r)) continue;
          const px = u.valToPos(r.lr, 'x', true);
          const y = Number.isFinite(r.trainLoss)
            ? Math.max(u.bbox.top + s, u.valToPos(r.trainLoss, 'y', true))
            : u.bbox.top + 2 * s;
          ctx.beginPath();
          ctx.moveTo(px - s, y - s);
          ctx.lineTo(px + s, y + s);
          ctx.moveTo(px + s, y - s);
          ctx.lineTo(px - s, y + s);
          ctx.stroke();
        }
        ctx.restore();
      },
    };
  }, [rs, critical, color]);
  return (
    <StatChart
      title="Final train loss vs learning rate (red ✕: diverged)"
      tooltip="Full-batch gradient descent for a fixed number of steps at each learning rate; the dashed line is the stability bound η = 2/λ_max, beyond which the steepest direction blows up."
      spec={spec}
      height={360}
      testId="stability-chart"
    />
  );
}
