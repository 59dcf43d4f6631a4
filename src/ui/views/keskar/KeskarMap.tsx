/**
 * The interpolation line on the top-down train-loss map: the whole α ∈ [−1, 2] line
 * thin, the stretch between the two solutions bold, the shared start as a ring and the
 * two end points labelled — the same path as the 1-D plot, seen from above.
 */
import { useCallback } from 'react';
import type { KeskarResult } from '../../../engine/ensemble';
import type { RunConfig } from '../../../engine/config';
import { readChartTheme } from '../../charts/themeColors';
import { LossMap, type MapOverlay } from '../map/LossMap';
import { useLossSurface } from '../map/useLossSurface';
import { useThemeColors } from '../useThemeColors';

export function KeskarMap({
  base,
  r,
  colors,
}: {
  base: RunConfig;
  r: KeskarResult;
  colors: { small: string; large: string };
}) {
  const is2d = base.landscape.dim === 2;
  const { surface, error } = useLossSurface(is2d ? base : null);
  const { text, panel } = useThemeColors();

  const overlay = useCallback<MapOverlay>(
    (ctx, p) => {
      const line = (from: number, to: number, width: number) => {
        ctx.beginPath();
        r.path.slice(from, to + 1).forEach(([x, y], i) => {
          const [px, py] = p.toPx(x, y);
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
        ctx.lineWidth = width;
        ctx.stroke();
      };
      const i0 = nearest(r.alpha, 0);
      const i1 = nearest(r.alpha, 1);
      ctx.strokeStyle = text;
      ctx.globalAlpha = 0.55;
      line(0, r.path.length - 1, 1.5);
      ctx.globalAlpha = 1;
      line(Math.min(i0, i1), Math.max(i0, i1), 3);
      const [sx, sy] = p.toPx(r.small.start[0], r.small.start[1]);
      ctx.beginPath();
      ctx.arc(sx, sy, 5, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.font = readChartTheme().font;
      ctx.fillStyle = text;
      ctx.textBaseline = 'middle';
      ctx.fillText('start', sx + 8, sy);
      for (const [res, color, label] of [
        [r.small, colors.small, 'x_SB'],
        [r.large, colors.large, 'x_LB'],
      ] as const) {
        const [x, y] = p.toPx(res.end[0], res.end[1]);
        ctx.beginPath();
        ctx.arc(x, y, 6, 0, 2 * Math.PI);
        ctx.fillStyle = color;
        ctx.fill();
        ctx.strokeStyle = panel;
        ctx.lineWidth = 1.5;
        ctx.stroke();
        ctx.fillStyle = text;
        ctx.fillText(label, x + 9, y - 9);
      }
    },
    [r, colors, text, panel],
  );

  if (!is2d)
    return (
      <p className="view-placeholder">
        The map needs a 2-D landscape; this one has {base.landscape.dim} dimensions.
      </p>
    );
  return (
    <LossMap
      title="The same line on the train-loss map"
      tooltip="The interpolation line seen from above (darker = lower train loss); bold between the two solutions, the ring is their shared start."
      surface={surface}
      status={error ? `No map: ${error}` : undefined}
      overlay={overlay}
      maxHeight={340}
      testId="keskar-map"
    />
  );
}

function nearest(xs: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - v) < Math.abs(xs[best]! - v)) best = i;
  return best;
}
