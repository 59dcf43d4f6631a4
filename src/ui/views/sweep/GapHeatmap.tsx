/**
 * The mean gap over batch size × learning rate as a table of coloured cells with their
 * values: a heatmap that stays readable (and selectable, and testable) at any size.
 * Viridis over the gap range, with the text switched to white on the dark half.
 */
import type { SweepRow } from '../../../engine/experiments';
import { cssGradient, VIRIDIS } from '../../../scene/colormap';
import { formatNumber } from '../../format';
import { viridisAt } from '../viewColors';

export function GapHeatmap({
  rows,
  batches,
  lrs,
}: {
  rows: readonly SweepRow[];
  batches: readonly number[];
  lrs: readonly number[];
}) {
  const gaps = rows.map((r) => r.gap.mean).filter(Number.isFinite);
  const lo = Math.min(...gaps);
  const hi = Math.max(...gaps);
  const t = (g: number) => (hi > lo ? (g - lo) / (hi - lo) : 0.5);
  return (
    <figure className="view-figure gap-heatmap" data-testid="sweep-heatmap">
      <figcaption title="Mean generalization gap (test − train) for each batch size and learning rate">
        Mean gap over batch size × learning rate
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">η \ B</th>
            {batches.map((b) => (
              <th key={b} scope="col">
                {b}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lrs.map((lr, k) => (
            <tr key={lr}>
              <th scope="row">{lr}</th>
              {batches.map((b, i) => {
                const r = rows[k * batches.length + i];
                const g = r?.gap.mean ?? NaN;
                const v = t(g);
                return (
                  <td
                    key={b}
                    data-testid={`sweep-heat-${b}-lr${lr}`}
                    data-value={g}
                    style={{
                      background: Number.isFinite(g) ? viridisAt(v) : undefined,
                      color: v < 0.55 ? '#fff' : '#111',
                    }}
                    title={`B = ${b}, η = ${lr}: mean gap ${formatNumber(g)}${r?.diverged ? `, ${r.diverged} diverged` : ''}`}
                  >
                    {formatNumber(g)}
                    {r?.diverged ? '*' : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="colorbar" aria-hidden="true">
        <span>{formatNumber(lo)}</span>
        <span className="colorbar-ramp" style={{ background: cssGradient(VIRIDIS, 'to right') }} />
        <span>{formatNumber(hi)}</span>
      </div>
      {rows.some((r) => r.diverged) && (
        <p className="view-note">* some runs in this cell diverged</p>
      )}
    </figure>
  );
}
