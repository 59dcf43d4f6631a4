/**
 * Pure builders from run buffers to export text (CSV, JSON). No DOM here, so the
 * formats are unit-tested; download.ts does the saving.
 */
import { METRIC_KEYS, type MetricKey, type RunBuffer } from '../../state/buffers';

/** Bump when the JSON layout changes incompatibly. */
export const EXPORT_VERSION = 1;

export interface ExportRun {
  id: string;
  label: string;
  /** The config the engine ran (plain JSON). */
  config: unknown;
  buffer: RunBuffer | null;
}

export type ExportMetric = { step: number; basin: string | null } & Record<
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
    trajectory: { step: number[]; x: (number | null)[]; y: (number | null)[] };
    metrics: ExportMetric[];
  }[];
}

export const TRAJECTORY_HEADER = ['run', 'label', 'step', 'x', 'y'] as const;
export const METRICS_HEADER = ['run', 'label', 'step', ...METRIC_KEYS, 'basin'] as const;

/** One row per recorded trajectory point per run. */
export function trajectoryCsv(runs: readonly ExportRun[]): string {
  const lines = [TRAJECTORY_HEADER.join(',')];
  for (const run of runs) {
    const b = run.buffer;
    if (!b) continue;
    const head = `${csvField(run.id)},${csvField(run.label)}`;
    for (let i = 0; i < b.count; i++) {
      lines.push(
        `${head},${b.steps[i]},${float32String(b.positions[2 * i]!)},${float32String(b.positions[2 * i + 1]!)}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** One row per full-split measurement per run; missing values are empty cells. */
export function metricsCsv(runs: readonly ExportRun[]): string {
  const lines = [METRICS_HEADER.join(',')];
  for (const run of runs) {
    for (const m of metricRecords(run.buffer)) {
      const cells = [csvField(run.id), csvField(run.label), String(m.step)];
      for (const k of METRIC_KEYS) cells.push(m[k] === null ? '' : String(m[k]));
      cells.push(m.basin === null ? '' : csvField(m.basin));
      lines.push(cells.join(','));
    }
  }
  return lines.join('\n') + '\n';
}

export function metricRecords(b: RunBuffer | null): ExportMetric[] {
  if (!b) return [];
  return b.metricSteps.map((step, i) => {
    const rec = { step, basin: b.basins[i] ?? null } as ExportMetric;
    for (const k of METRIC_KEYS) rec[k] = b.series[k][i] ?? null;
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
      const step: number[] = [];
      const x: (number | null)[] = [];
      const y: (number | null)[] = [];
      for (let i = 0; i < n; i++) {
        step.push(b!.steps[i]!);
        x.push(float32Number(b!.positions[2 * i]!));
        y.push(float32Number(b!.positions[2 * i + 1]!));
      }
      return {
        id: run.id,
        label: run.label,
        config: run.config,
        trajectory: { step, x, y },
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
