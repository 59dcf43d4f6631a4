/**
 * One uPlot statistic chart in a titled figure (the PNG export composes `.view-figure`s).
 * Rebuilt when its spec or the theme changes — the science views' data arrive once per
 * run, so there is no streaming to optimise for here; resizes only call setSize.
 *
 * uPlot itself loads with the first chart (requested as soon as the view mounts, while its
 * ensemble computes): a view — embedded in an article above all — paints its controls and
 * progress without it, and a chart has nothing to draw before the ensemble ends anyway.
 */
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { readChartTheme, useDocumentTheme } from '../../charts/themeColors';
import { statData, statOptions, type StatChartSpec } from './statOptions';

let uplot: Promise<typeof uPlot> | null = null;
/** The uPlot module, loaded once. */
export const loadUplot = (): Promise<typeof uPlot> =>
  (uplot ??= import('../../charts/uplot').then((m) => m.default));

export function StatChart({
  title,
  tooltip,
  spec,
  height = 170,
  legend = true,
  testId,
}: {
  title: string;
  tooltip: string;
  spec: StatChartSpec;
  height?: number;
  legend?: boolean;
  testId?: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const theme = useDocumentTheme();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const t = readChartTheme();
    // Presenter mode's border colour is white; as a grid it would drown the data.
    t.grid = getComputedStyle(host).getPropertyValue('--chart-grid').trim() || t.grid;
    // Presenter mode's larger type needs taller plots to keep the same data area.
    const h = Math.round(height * Math.max(1, t.fontSize / 14) ** 0.5);
    let u: uPlot | null = null;
    let gone = false;
    const ro = new ResizeObserver(() => {
      const w = host.clientWidth;
      if (u && w > 0 && Math.abs(w - u.width) > 1) u.setSize({ width: w, height: h });
    });
    void loadUplot().then((UPlot) => {
      if (gone) return;
      u = new UPlot(
        statOptions(spec, t, Math.max(160, host.clientWidth), h, legend),
        statData(spec),
        host,
      );
      ro.observe(host);
    });
    return () => {
      gone = true;
      ro.disconnect();
      u?.destroy();
    };
  }, [spec, theme, height, legend]);

  return (
    <figure className="view-figure stat-chart" data-testid={testId}>
      <figcaption title={tooltip}>{title}</figcaption>
      <div ref={hostRef} className="stat-chart-plot" />
    </figure>
  );
}
