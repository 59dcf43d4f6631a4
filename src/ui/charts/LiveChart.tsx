/**
 * One uPlot chart fed from the non-reactive run buffers. React only decides when the
 * chart must be rebuilt (runs, colours, log x, theme); streamed data arrives through a
 * timer that polls each buffer's `version` a few times a second and calls setData only
 * when something changed — no React state per frame.
 */
import { useEffect, useRef } from 'react';
import uPlot from './uplot';
import { runBuffers, type RunBuffer } from '../../state/buffers';
import type { ChartDef } from './chartDefs';
import { buildOptions, chartData, CHART_HEIGHT, type RunInfo } from './chartOptions';
import { readChartTheme, useDocumentTheme } from './themeColors';

/** ~7 refreshes a second: smooth enough to watch, cheap next to the scene's frames. */
const REFRESH_MS = 150;
/** A filling chart never gets a plot shorter than this (the panel scrolls instead). */
const MIN_FILL_HEIGHT = 120;

export function LiveChart({
  def,
  runs,
  logX,
  fill = false,
}: {
  def: ChartDef;
  runs: readonly RunInfo[];
  logX: boolean;
  /** Take the height the layout gives the plot box (presenter mode) instead of CHART_HEIGHT. */
  fill?: boolean;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const theme = useDocumentTheme();
  const xLog = def.xLog === 'always' || logX;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const width = Math.max(120, host.clientWidth);
    const opts = buildOptions(def, runs, xLog, readChartTheme(), width, fill);
    const u = new uPlot(opts, chartData(def, [], xLog), host);

    // A restarted run gets a new buffer object: identity and version together say
    // "changed", so a restart clears the chart on the next tick.
    let seen: { buf: RunBuffer | null; version: number }[] = [];
    const refresh = () => {
      const bufs = runs.map((r) => runBuffers.get(r.id) ?? null);
      const same =
        seen.length === bufs.length &&
        bufs.every((b, i) => seen[i]!.buf === b && seen[i]!.version === (b?.version ?? -1));
      if (same) return;
      seen = bufs.map((b) => ({ buf: b, version: b?.version ?? -1 }));
      u.setData(chartData(def, bufs, xLog));
    };
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);

    // uPlot's height excludes its legend, which sits under the plot inside the host.
    const fit = () => {
      const w = host.clientWidth;
      const legend = u.root.querySelector<HTMLElement>('.u-legend')?.offsetHeight ?? 0;
      const h = fill ? Math.max(MIN_FILL_HEIGHT, host.clientHeight - legend) : CHART_HEIGHT;
      if (w > 0 && (Math.abs(w - u.width) > 1 || Math.abs(h - u.height) > 1))
        u.setSize({ width: w, height: h });
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(host);

    return () => {
      window.clearInterval(timer);
      ro.disconnect();
      u.destroy();
    };
  }, [def, runs, xLog, theme, fill]);

  return (
    <figure className={fill ? 'live-chart is-fill' : 'live-chart'} data-testid={`chart-${def.id}`}>
      <figcaption title={def.tooltip}>{def.title}</figcaption>
      <div ref={hostRef} className="live-chart-plot" />
    </figure>
  );
}
