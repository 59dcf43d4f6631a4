/**
 * uPlot options and data for the science views' statistic charts: a mean per x with
 * its 95% interval, drawn as a shaded band (dense x, e.g. steps) or as error bars
 * (a few x values, e.g. batch sizes), plus optional overlays drawn in a hook.
 */
import type uPlot from 'uplot';
import { formatCount, formatNumber } from '../../format';
import type { ChartTheme } from '../../charts/themeColors';
import { withAlpha } from '../viewColors';

export interface StatSeries {
  label: string;
  color: string;
  y: readonly (number | null)[];
  lo?: readonly (number | null)[];
  hi?: readonly (number | null)[];
  interval?: 'band' | 'bars';
  dash?: number[];
  width?: number;
  /** Draw markers at the points (default: only when x is sparse). */
  points?: boolean;
  /** false: markers only, no connecting line. */
  line?: boolean;
  /** Kept out of the hover legend (fit lines, baselines explained elsewhere). */
  quiet?: boolean;
}

export interface StatChartSpec {
  x: readonly number[];
  series: readonly StatSeries[];
  xLog?: boolean;
  yLog?: boolean;
  xLabel: string;
  yLabel?: string;
  /** Tick positions on x (e.g. exactly the batch sizes swept). */
  xTicks?: readonly number[];
  /** Fixed y range (e.g. 0…1 for a fraction). */
  yRange?: [number, number];
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
  /** Extra drawing on top (stability line, α markers, ✕ for diverged runs). */
  overlay?: (u: uPlot, theme: ChartTheme) => void;
}

const clean = (v: number | null | undefined, log: boolean): number | null =>
  v === null || v === undefined || !Number.isFinite(v) || (log && v <= 0) ? null : v;

/** [x, y₁, (hi₁, lo₁)?, y₂, …]: each band's edges follow its series. */
export function statData(spec: StatChartSpec): uPlot.AlignedData {
  const log = !!spec.yLog;
  const cols: (number | null)[][] = [spec.x.map((v) => v)];
  for (const s of spec.series) {
    cols.push(spec.x.map((_, i) => clean(s.y[i], log)));
    if (s.interval === 'band' && s.lo && s.hi) {
      cols.push(spec.x.map((_, i) => clean(s.hi![i], log)));
      cols.push(spec.x.map((_, i) => clean(s.lo![i], log)));
    }
  }
  return cols as uPlot.AlignedData;
}

export function statOptions(
  spec: StatChartSpec,
  theme: ChartTheme,
  width: number,
  height: number,
  legend: boolean,
): uPlot.Options {
  const xf = spec.xFormat ?? ((v: number) => formatCount(v));
  const yf = spec.yFormat ?? ((v: number) => formatNumber(v, 3));
  const series: uPlot.Series[] = [
    { label: spec.xLabel, value: (_u, v) => (v === null ? '—' : xf(v)) },
  ];
  const bands: uPlot.Band[] = [];
  const sparse = spec.x.length <= 40;
  for (const s of spec.series) {
    const idx = series.length;
    series.push({
      label: s.label,
      class: s.quiet ? 'legend-hidden' : undefined,
      stroke: s.color,
      width: s.width ?? 2,
      dash: s.dash,
      spanGaps: false,
      ...(s.line === false ? { paths: () => null } : {}),
      points: {
        show: s.points ?? sparse,
        size: s.line === false ? 9 : 7,
        stroke: s.color,
        fill: s.color,
      },
      value: (_u, v) => (v === null ? '—' : yf(v)),
    });
    if (s.interval === 'band' && s.lo && s.hi) {
      const edge: uPlot.Series = {
        label: `${s.label} 95%`,
        class: 'legend-hidden',
        stroke: 'transparent',
        width: 0,
        points: { show: false },
      };
      series.push({ ...edge }, { ...edge });
      bands.push({ series: [idx + 1, idx + 2], fill: withAlpha(s.color, 0.18) });
    }
  }
  const axis = (
    label: string | undefined,
    values: uPlot.Axis['values'],
    size: number,
  ): uPlot.Axis => ({
    stroke: theme.muted,
    font: theme.font,
    labelFont: theme.font,
    label,
    labelSize: label ? Math.round(theme.fontSize * 1.3) : 0,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
    values,
    size,
  });
  const xAxis = axis(
    spec.xLabel,
    (_u, splits) => splits.map((v) => (v === null ? '' : xf(v))),
    Math.round(theme.fontSize * 2),
  );
  if (spec.xTicks) {
    const ticks = [...spec.xTicks];
    xAxis.splits = () => ticks;
    // uPlot thins log-axis labels to 1-2-5 values by default; these ticks are the data.
    xAxis.filter = (_u, splits) => splits;
  }
  const yAxis = axis(
    spec.yLabel,
    (_u, splits) => splits.map((v) => (v === null ? '' : yf(v))),
    Math.round(theme.fontSize * 3.6),
  );
  // Over many decades uPlot's log grid draws every 2…9 line; keep the decades only.
  // Log y: uPlot's own label filter is replaced by ours, so redo it. Up to three decades
  // label 1-2-5 values and grid every split; beyond that, decades only (else a grey mesh).
  if (spec.yLog) {
    yAxis.filter = (u, splits) => logFilter(u, splits, [1, 2, 5]);
    const lines = (u: uPlot, splits: number[]) => logFilter(u, splits, null);
    yAxis.grid = { ...yAxis.grid, filter: lines };
    yAxis.ticks = { ...yAxis.ticks, filter: lines };
  }
  return {
    width,
    height,
    series,
    bands,
    scales: {
      x: {
        time: false,
        distr: spec.xLog ? 3 : 1,
        log: 10,
        range: (_u, min, max) => padRange(min, max, !!spec.xLog),
      },
      y: {
        distr: spec.yLog ? 3 : 1,
        log: 10,
        ...(spec.yRange
          ? { range: () => [spec.yRange![0], spec.yRange![1]] as [number, number] }
          : {}),
      },
    },
    axes: [xAxis, yAxis],
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    legend: { show: legend, live: true },
    hooks: {
      draw: [
        (u) => drawErrorBars(u, spec),
        ...(spec.overlay ? [(u: uPlot) => spec.overlay!(u, theme)] : []),
      ],
    },
  };
}

function logFilter(u: uPlot, splits: number[], mantissas: number[] | null): (number | null)[] {
  const { min, max } = u.scales.y!;
  const wide = min !== undefined && max !== undefined && max / min >= 1e3;
  return splits.map((v) => {
    const m = Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
    if (wide) return m === 1 ? v : null;
    return mantissas === null || mantissas.includes(m) ? v : null;
  });
}

/** A little room either side of the data, so end points and their bars are not clipped. */
function padRange(min: number | null, max: number | null, log: boolean): uPlot.Range.MinMax {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max))
    return log ? [1, 10] : [0, 1];
  if (log) {
    const f = min === max ? 2 : Math.pow(max / min, 0.04);
    return [min / f, max * f];
  }
  const pad = min === max ? Math.abs(min) || 1 : (max - min) * 0.04;
  return [min - pad, max + pad];
}

/** Vertical 95% whiskers with caps, in the series colour. */
function drawErrorBars(u: uPlot, spec: StatChartSpec): void {
  const ctx = u.ctx;
  const dpr = devicePixelRatio || 1;
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  // Several series at the same x (e.g. learning rates per batch size): their whiskers
  // are nudged apart by a few pixels so they do not hide one another.
  const barred = spec.series.filter((s) => s.interval === 'bars' && s.lo && s.hi);
  for (const [k, s] of spec.series.entries()) {
    if (s.interval !== 'bars' || !s.lo || !s.hi || !u.series[seriesIndex(spec, k)]?.show) continue;
    const dodge = (barred.indexOf(s) - (barred.length - 1) / 2) * 5 * dpr;
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 1.5 * dpr;
    for (let i = 0; i < spec.x.length; i++) {
      const lo = clean(s.lo[i], !!spec.yLog);
      const hi = clean(s.hi[i], !!spec.yLog);
      if (lo === null && hi === null) continue;
      const x = u.valToPos(spec.x[i]!, 'x', true) + dodge;
      const y0 = lo === null ? u.bbox.top + u.bbox.height : u.valToPos(lo, 'y', true);
      const y1 = hi === null ? u.bbox.top : u.valToPos(hi, 'y', true);
      const cap = 4 * dpr;
      ctx.beginPath();
      ctx.moveTo(x, y0);
      ctx.lineTo(x, y1);
      ctx.moveTo(x - cap, y0);
      ctx.lineTo(x + cap, y0);
      ctx.moveTo(x - cap, y1);
      ctx.lineTo(x + cap, y1);
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** uPlot series index of spec.series[k] (bands add two hidden series after theirs). */
export function seriesIndex(spec: StatChartSpec, k: number): number {
  let idx = 1;
  for (let j = 0; j < k; j++) {
    const s = spec.series[j]!;
    idx += s.interval === 'band' && s.lo && s.hi ? 3 : 1;
  }
  return idx;
}
