/**
 * Every end point of the sweep on the top-down train-loss map, coloured by batch size
 * (viridis samples: ordered like the batch sizes), with the basins outlined. Larger
 * batches are drawn last and a little larger: full-batch runs from nearby starts land
 * on the very same point, which would otherwise hide under the small-batch cloud.
 */
import { useCallback, useMemo } from 'react';
import type { EndpointResult, JobResult } from '../../../engine/ensemble';
import { LossMap, type MapOverlay } from '../map/LossMap';
import { useLossSurface } from '../map/useLossSurface';
import { orderedColors } from '../viewColors';
import { useThemeColors } from '../useThemeColors';
import type { SweepViewSpec } from './sweepPlan';

export function SweepMap({
  spec,
  results,
}: {
  spec: SweepViewSpec;
  results: readonly JobResult[];
}) {
  const is2d = spec.base.landscape.dim === 2;
  const { surface, error } = useLossSurface(is2d ? spec.base : null);
  const { theme, panel } = useThemeColors();
  const colors = useMemo(
    () => orderedColors(spec.batches.length, theme),
    [spec.batches.length, theme],
  );
  const index = useMemo(() => new Map(spec.batches.map((b, i) => [b, i])), [spec.batches]);

  const overlay = useCallback<MapOverlay>(
    (ctx, p) => {
      const pts = (results as EndpointResult[])
        .filter((r) => r.status !== 'diverged')
        .map((r) => ({ r, k: index.get(r.batch) ?? 0 }))
        .sort((a, b) => a.k - b.k);
      for (const { r, k } of pts) {
        const [x, y] = p.toPx(r.end[0], r.end[1]);
        ctx.beginPath();
        ctx.arc(x, y, 3 + (1.5 * k) / Math.max(1, spec.batches.length - 1), 0, 2 * Math.PI);
        ctx.fillStyle = colors[k]!;
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = panel;
        ctx.stroke();
      }
    },
    [results, colors, index, spec.batches.length, panel],
  );

  if (!is2d)
    return (
      <p className="view-placeholder">
        The end-point map needs a 2-D landscape; this one has {spec.base.landscape.dim} dimensions.
      </p>
    );
  return (
    <LossMap
      title="End points on the train-loss map"
      tooltip="Where every run ended, coloured by batch size, over the train loss (darker = lower). Dashed circles are the basins."
      surface={surface}
      status={error ? `No map: ${error}` : undefined}
      overlay={overlay}
      maxHeight={360}
      testId="sweep-map"
      legend={
        <ul className="swatch-legend" aria-label="Batch size colours">
          {spec.batches.map((b, i) => (
            <li key={b}>
              <span className="swatch" style={{ background: colors[i] }} />B = {b}
            </li>
          ))}
        </ul>
      }
    />
  );
}
