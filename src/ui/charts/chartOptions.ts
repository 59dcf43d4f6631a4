/**
 * uPlot options and data for one chart definition: one series per run and line,
 * in the run's palette colour, with theme-coloured axes and a live hover legend.
 */
import uPlot from './uplot';
import type { RunBuffer } from '../../state/buffers';
import { RUN_DASHES } from '../../state/palette';
import { formatCount, formatNumber } from '../format';
import { alignSeries, type SeriesSource } from './alignSeries';
import type { ChartDef } from './chartDefs';
import { logAxisTicks } from './logTicks';
import type { ChartTheme } from './themeColors';

export const CHART_HEIGHT = 140;

/** What a chart needs to know about a run (its place in the palette included). */
export interface RunInfo {
  id: string;
  label: string;
  color: string;
  index: number;
}

/** Sync key: hovering one chart shows the same step on the others. */
const CURSOR_SYNC = 'batchscape-steps';

export function buildOptions(
  def: ChartDef,
  runs: readonly RunInfo[],
  logX: boolean,
  theme: ChartTheme,
  width: number,
  /** Legend entries named by the run alone (presenter): one line each at large type. */
  shortLegend = false,
): uPlot.Options {
  const series: uPlot.Series[] = [
    { label: 'step', value: (u, _v, _s, idx) => formatCount(latest(u.data[0], idx)) },
  ];
  // Charts with several lines per run (train/test) give each run one legend entry
  // holding all its values ("-0.63 / -0.61"): half as many rows in a narrow panel.
  const merged = def.lines.length > 1;
  for (const run of runs) {
    def.lines.forEach((line, k) => {
      const primary = k === 0;
      series.push({
        label:
          merged && !shortLegend
            ? `${run.label} ${def.lines.map((l) => l.suffix).join(' / ')}`
            : run.label,
        class: merged && !primary ? 'legend-merged' : undefined,
        stroke: run.color,
        width: line.width * theme.lineScale,
        dash: line.dash === 'run' ? [...RUN_DASHES[run.index % RUN_DASHES.length]!] : line.dash,
        // Runs are on a union step grid (see alignSeries): a run's own records are joined across the others' steps.
        spanGaps: true,
        points: { show: sparsePoints },
        // Off the plot the legend shows each run's latest value; on it, the last value at or before the hovered step.
        value: (u, _v, sidx, idx) =>
          primary && merged
            ? def.lines.map((_l, j) => formatNumber(latest(u.data[sidx + j], idx))).join(' / ')
            : formatNumber(latest(u.data[sidx], idx)),
      });
    });
  }
  const axis = (values: uPlot.Axis['values']): uPlot.Axis => ({
    stroke: theme.muted,
    font: theme.font,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
    values,
  });
  const px = theme.axisFontSize;
  return {
    width,
    height: CHART_HEIGHT,
    series,
    scales: {
      // Tight to the data: log scales would otherwise snap out to whole decades.
      x: {
        time: false,
        distr: logX ? 3 : 1,
        log: 10,
        range: (_u, min, max) => stepRange(min, max, logX),
      },
      y: { distr: def.yLog ? 3 : 1, log: 10 },
    },
    axes: [
      {
        ...axis((_u, splits) => splits.map((s) => (s === null ? '' : formatCount(s)))),
        size: Math.round(px * 2.5),
        // Digits are ~0.6 em wide; labels keep half an em between them.
        ...(logX ? logSplits('width', (v) => formatCount(v).length * px * 0.6, px / 2) : {}),
      },
      {
        ...axis((_u, splits) => splits.map((s) => (s === null ? '' : formatNumber(s, 2)))),
        size: Math.round(px * 4),
        ...(def.yLog ? logSplits('height', () => px, px * 0.6) : {}),
      },
    ],
    cursor: { sync: { key: CURSOR_SYNC }, drag: { x: true, y: false } },
    legend: { show: true, live: true },
    hooks: merged
      ? { setSeries: [(u, sidx, o) => mirrorToggle(u, sidx, o, def.lines.length)] }
      : {},
  };
}

/** Series sources in the same run-major order as buildOptions' series. */
export function chartSources(
  def: ChartDef,
  buffers: readonly (RunBuffer | null)[],
): SeriesSource[] {
  const empty: SeriesSource = { steps: [], values: [] };
  return buffers.flatMap((buf) =>
    def.lines.map((line) =>
      buf ? { steps: buf.metricSteps, values: buf.series[line.key] } : empty,
    ),
  );
}

export function chartData(
  def: ChartDef,
  buffers: readonly (RunBuffer | null)[],
  logX: boolean,
): uPlot.AlignedData {
  // Log x cannot show step 0 (the start point): it begins at step 1.
  return alignSeries(chartSources(def, buffers), {
    minX: logX ? 1 : undefined,
    positiveOnly: def.yLog,
  });
}

/**
 * Marks on the records of sparse series. uPlot's default decides by the density of
 * the shared x grid, so a large-batch run with a handful of records among a small
 * batch's hundreds (or a lone first record) would otherwise be invisible.
 */
function sparsePoints(u: uPlot, sidx: number, idx0: number, idx1: number): boolean {
  const ys = u.data[sidx];
  if (!ys) return false;
  let n = 0;
  for (let i = idx0; i <= idx1; i++)
    if (ys[i] !== null && ys[i] !== undefined && ++n > 40) return false;
  return true;
}

/** Toggling a run's merged legend entry shows or hides all of that run's lines. */
function mirrorToggle(u: uPlot, sidx: number | null, opts: uPlot.Series, perRun: number): void {
  if (sidx === null || sidx < 1 || opts.show === undefined) return;
  const first = 1 + Math.floor((sidx - 1) / perRun) * perRun;
  for (let i = first; i < first + perRun; i++) {
    // Only when different: setSeries fires this hook again for each sibling.
    if (i !== sidx && u.series[i]!.show !== opts.show) u.setSeries(i, { show: opts.show });
  }
}

/**
 * Round log ticks (logTicks.ts) for an axis along the plot's width or height, with room
 * for each label (`labelPx`). uPlot's own label filter for log axes would drop some of
 * them again, so every tick keeps its label.
 */
function logSplits(
  along: 'width' | 'height',
  labelPx: (v: number) => number,
  padPx: number,
): Partial<uPlot.Axis> {
  return {
    splits: (u, _axis, min, max) => {
      // uPlot's bbox is in canvas pixels.
      const length = (along === 'width' ? u.bbox.width : u.bbox.height) / uPlot.pxRatio;
      return logAxisTicks(min, max, length, labelPx, padPx);
    },
    filter: (_u, splits) => splits,
  };
}

function stepRange(min: number | null, max: number | null, log: boolean): uPlot.Range.MinMax {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max))
    return log ? [1, 10] : [0, 1];
  if (min === max) return log ? [min / 2, max * 2] : [min - 1, max + 1];
  return [min, max];
}

/** The value at idx, or the nearest earlier non-null one; idx null means "latest". */
function latest(data: uPlot.AlignedData[number] | undefined, idx: number | null): number | null {
  if (!data) return null;
  for (let i = Math.min(idx ?? data.length - 1, data.length - 1); i >= 0; i--) {
    const v = data[i];
    if (typeof v === 'number') return v;
  }
  return null;
}
