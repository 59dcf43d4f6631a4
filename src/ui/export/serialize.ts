/**
 * Pure builders from run buffers to export text (CSV, JSON). No DOM here, so the
 * formats are unit-tested; download.ts does the saving.
 */
import {
  ACCURACY_KEYS,
  METRIC_KEYS,
  POINT_KEYS,
  type MetricKey,
  type PointKey,
  type RunBuffer,
} from '../../state/buffers';

/**
 * The JSON layout's version. 2 added `epoch`, `lr`, `batch` and `batchLoss` to each
 * trajectory and `epoch` to each metric record; every version-1 field is unchanged.
 */
export const EXPORT_VERSION = 2;

export interface ExportRun {
  id: string;
  label: string;
  /** The config the engine ran (plain JSON). */
  config: unknown;
  buffer: RunBuffer | null;
}

export type ExportMetric = { step: number; epoch: number; basin: string | null } & Record<
  MetricKey,
  number | null
>;

export interface ExportDocument {
  format: 'batchscape-export';
  version: number;
  url: string;
  runs: {
    id: string;
    label: string;
    config: unknown;
    trajectory: { step: number[]; x: (number | null)[]; y: (number | null)[] } & Record<
      PointKey,
      (number | null)[]
    >;
    metrics: ExportMetric[];
  }[];
}

/** Trajectory columns, then the full-split metric columns (empty where not measured). */
export const RUNS_CSV_HEADER = [
  'run',
  'label',
  'step',
  'epoch',
  'lr',
  'batch',
  'batchLoss',
  'x',
  'y',
  ...METRIC_KEYS,
  'basin',
] as const;

/**
 * One CSV for every run: one row per run and step at which anything was recorded — an
 * outer join of the trajectory (every recordEvery-th step, the start and the end: epoch,
 * lr, batch, batchLoss, x, y) and the sparser full-split measurements (the metric schedule:
 * trainLoss … basin) on the step. A row's metric cells are empty where no measurement was
 * taken at that step, and its trajectory cells where that step's point was not kept (long
 * runs thin the trajectory); nothing is interpolated or carried forward. A measured row's
 * epoch is the measurement's (float64); other values are the frames' float32.
 */
export function runsCsv(runs: readonly ExportRun[]): string {
  // Networks' accuracies go last (after basin), so every landscape column keeps its place.
  const acc = runs.some((r) => hasAccuracy(r.buffer));
  const lines = [[...RUNS_CSV_HEADER, ...(acc ? ACCURACY_KEYS : [])].join(',')];
  for (const run of runs) {
    const b = run.buffer;
    if (!b) continue;
    const head = `${csvField(run.id)},${csvField(run.label)}`;
    const metrics = metricRecords(b);
    let i = 0;
    let j = 0;
    while (i < b.count || j < metrics.length) {
      const ts = i < b.count ? b.steps[i]! : Infinity;
      const ms = j < metrics.length ? metrics[j]!.step : Infinity;
      const point = ts <= ms ? i++ : -1;
      const m = ms <= ts ? metrics[j++]! : null;
      const extra = acc ? ACCURACY_KEYS.map((k) => `,${m && m[k] != null ? m[k] : ''}`) : [];
      lines.push(`${head},${csvRow(b, point, m)}${extra.join('')}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Step … basin of one joined row: a trajectory point (index, or -1) and/or a measurement. */
function csvRow(b: RunBuffer, point: number, m: ExportMetric | null): string {
  const has = point >= 0;
  // As in the CLI's CSV: a non-finite value (a diverged step's loss) is an empty cell.
  const f32 = (v: number) => (has && Number.isFinite(v) ? float32String(v) : '');
  const cells = [
    String(has ? b.steps[point]! : m!.step),
    m ? String(m.epoch) : f32(b.points.epoch[point]!),
    f32(b.points.lr[point]!),
    f32(b.points.batch[point]!),
    f32(b.points.batchLoss[point]!),
    f32(b.positions[2 * point]!),
    f32(b.positions[2 * point + 1]!),
  ];
  for (const k of METRIC_KEYS) cells.push(m && m[k] !== null ? String(m[k]) : '');
  cells.push(m && m.basin !== null ? csvField(m.basin) : '');
  return cells.join(',');
}

/** A network's run: its measurements carry train/test accuracy. */
export function hasAccuracy(b: RunBuffer | null): boolean {
  return !!b && b.series.testAccuracy.some((v) => v !== null);
}

export function metricRecords(b: RunBuffer | null): ExportMetric[] {
  if (!b) return [];
  const keys = hasAccuracy(b) ? [...METRIC_KEYS, ...ACCURACY_KEYS] : METRIC_KEYS;
  return b.metricSteps.map((step, i) => {
    const rec = { step, epoch: b.metricEpochs[i]!, basin: b.basins[i] ?? null } as ExportMetric;
    for (const k of keys) rec[k] = b.series[k][i] ?? null;
    return rec;
  });
}

export function exportDocument(runs: readonly ExportRun[], url: string): ExportDocument {
  return {
    format: 'batchscape-export',
    version: EXPORT_VERSION,
    url,
    runs: runs.map((run) => {
      const b = run.buffer;
      const n = b?.count ?? 0;
      const column = (a: Float32Array | undefined, stride = 1, offset = 0) =>
        Array.from({ length: n }, (_, i) => float32Number(a![i * stride + offset]!));
      const points = Object.fromEntries(POINT_KEYS.map((k) => [k, column(b?.points[k])])) as Record<
        PointKey,
        (number | null)[]
      >;
      return {
        id: run.id,
        label: run.label,
        config: run.config,
        trajectory: {
          step: Array.from(b?.steps.subarray(0, n) ?? []),
          x: column(b?.positions, 2, 0),
          y: column(b?.positions, 2, 1),
          ...points,
        },
        metrics: metricRecords(b),
      };
    }),
  };
}

export function exportJson(runs: readonly ExportRun[], url: string): string {
  return JSON.stringify(exportDocument(runs, url));
}

/**
 * Shortest decimal that reads back as the same float32: positions are stored as
 * Float32Array, and printing them as doubles would add noise digits
 * (0.1f → 0.10000000149011612) without adding information.
 */
export function float32String(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const f = Math.fround(v);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(f);
}

function float32Number(v: number): number | null {
  return Number.isFinite(v) ? Number(float32String(v)) : null;
}

/** RFC 4180 quoting for fields that need it. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
