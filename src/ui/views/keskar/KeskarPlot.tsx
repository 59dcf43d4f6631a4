/**
 * Keskar et al.'s 1-D plot: train and test loss along α·x_LB + (1 − α)·x_SB for
 * α ∈ [−1, 2], with α = 0 (the small-batch solution) and α = 1 (the large-batch one)
 * marked. A bump between them is a barrier; a steep wall beside one is sharpness. For a
 * classifier the same line can show accuracy instead (`metric`), and a loss that spans
 * decades (a network's, extrapolated) reads on a log axis (`yLog`).
 */
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { KeskarResult } from '../../../engine/ensemble';
import { StatChart } from '../charts/StatChart';
import type { StatChartSpec } from '../charts/statOptions';
import { formatNumber } from '../../format';

export function KeskarPlot({
  r,
  small,
  large,
  colors,
  metric = 'loss',
  yLog = false,
  testId = 'keskar-plot',
}: {
  r: KeskarResult;
  small: number;
  large: number;
  colors: { train: string; test: string };
  metric?: 'loss' | 'accuracy';
  yLog?: boolean;
  testId?: string;
}) {
  const spec = useMemo<StatChartSpec>(
    () => ({
      x: r.alpha,
      xLabel: 'α',
      yLabel: metric,
      yLog,
      ...(metric === 'accuracy' ? { yRange: [0, 1] as [number, number] } : {}),
      xFormat: (v) => formatNumber(v, 2),
      xTicks: [-1, -0.5, 0, 0.5, 1, 1.5, 2],
      series: [
        {
          label: 'train',
          color: colors.train,
          y: (metric === 'accuracy' ? r.trainAccuracy : r.train) ?? [],
          width: 2,
          points: false,
        },
        {
          label: 'test',
          color: colors.test,
          y: (metric === 'accuracy' ? r.testAccuracy : r.test) ?? [],
          width: 2,
          dash: [6, 4],
          points: false,
        },
      ],
      overlay: (u: uPlot, theme) => {
        const ctx = u.ctx;
        const dpr = devicePixelRatio || 1;
        ctx.save();
        ctx.strokeStyle = theme.text;
        ctx.fillStyle = theme.text;
        ctx.font = theme.font.replace(/^(\d+)px/, (_m, px) => `${Math.round(Number(px) * dpr)}px`);
        ctx.lineWidth = dpr;
        ctx.setLineDash([4 * dpr, 4 * dpr]);
        const marks = [
          [0, `x_SB (B = ${small})`],
          [1, `x_LB (B = ${large})`],
        ] as const;
        // On a narrow plot the two labels would overprint: the second goes a line lower.
        const [x0, x1] = marks.map(([a]) => u.valToPos(a, 'x', true));
        const halfWidths = marks.map(([, l]) => ctx.measureText(l).width / 2);
        const clash = x1! - x0! < halfWidths[0]! + halfWidths[1]! + 8 * dpr;
        for (const [k, [a, label]] of marks.entries()) {
          const x = u.valToPos(a, 'x', true);
          const lineY = u.bbox.top + 4 * dpr + (clash && k === 1 ? theme.fontSize * 1.3 * dpr : 0);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.textAlign = 'center';
          ctx.textBaseline = 'top';
          ctx.fillText(label, x, lineY);
        }
        ctx.restore();
      },
    }),
    [r, small, large, colors, metric, yLog],
  );
  const what = metric === 'accuracy' ? 'Accuracy' : 'Loss';
  return (
    <StatChart
      title={`${what} along the line from the small- to the large-batch solution${yLog ? ' (log scale)' : ''}`}
      tooltip={`${metric === 'accuracy' ? 'Accuracy of the network' : 'f'}(α·x_LB + (1 − α)·x_SB) on train (solid) and test (dashed): α = 0 is where the small batch ended, α = 1 where the large batch ended, both from the same start.`}
      spec={spec}
      height={300}
      testId={testId}
    />
  );
}
