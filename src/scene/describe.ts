/**
 * The scene in words, for screen readers: which landscape and surface are drawn over
 * which box, where its minima are, where the runs started, and where each run is now or
 * ended with its numbers. Built from the same stores the picture is drawn from.
 */
import type { Basin } from '../engine/objectives/types';
import type { MetricRecord } from '../engine/metrics';
import type { RunView } from '../state/runsStore';
import type { CameraMode, Layout, SurfaceMode } from '../state/viewStore';
import { basinText, formatNumber, stateText } from '../ui/format';

export interface DescribedRun {
  label: string;
  colorName: string;
  state: RunView['state'];
  divergedAt: number | null;
  error: string | null;
  /** Current (or final) position in scene coordinates. */
  head: [number, number] | null;
  last: MetricRecord | null;
}

export interface SceneFacts {
  title: string;
  surface: SurfaceMode;
  camera: CameraMode;
  layout: Layout;
  /** Plotted box, or null while the surface is being computed. */
  box: { lo: number[]; hi: number[] } | null;
  basins: readonly Basin[];
  /** The slice's axes are directions in weight space, not weights (N-D landscapes). */
  slice: boolean;
  start: readonly number[] | null;
  runs: readonly DescribedRun[];
}

const SURFACE_WORDS: Record<SurfaceMode, string> = {
  train: 'the train loss surface',
  test: 'the test loss surface',
  both: 'the train loss surface, with the test surface drawn as a net over it,',
  gap: 'the train loss surface coloured by the gap (test minus train loss),',
};

const n = (v: number) => formatNumber(v);
const point = (p: readonly number[]) => `(${n(p[0]!)}, ${n(p[1]!)})`;

function runSentence(r: DescribedRun, basins: readonly Basin[]): string {
  const who = `${r.label} (${r.colorName})`;
  if (r.error) return `${who} stopped with an error.`;
  const where = r.head ? ` at ${point(r.head)}` : '';
  const labels = Object.fromEntries(basins.map((b) => [b.id, b.label]));
  const basin = r.last ? basinText(r.last.basin, true, basins.length > 0, labels) : '';
  const inBasin =
    basin && basin !== '—' ? `, ${basin === 'between basins' ? basin : `in the ${basin}`}` : '';
  if (r.state === 'diverged') return `${who} ${stateText(r)}; its last finite point is${where}.`;
  if (r.state === 'done') {
    const nums = r.last
      ? `: train loss ${n(r.last.trainLoss)}, test loss ${n(r.last.testLoss)}, gap ${n(r.last.gap)}`
      : '';
    return `${who} ended${where}${inBasin}${nums}.`;
  }
  if (r.state === 'starting' || !r.head) return `${who} is starting.`;
  return `${who} is ${r.state === 'running' ? 'running, now' : `${r.state},`}${where}${inBasin}.`;
}

export function describeScene(f: SceneFacts): string {
  const view = f.camera === 'top' ? 'Top-down map' : '3-D view';
  const parts: string[] = [];
  if (!f.box) parts.push(`${view} of ${f.title}: the surface is still being computed.`);
  else {
    const axes = f.slice ? 'a 2-D slice through the weights with ' : '';
    parts.push(
      `${view} of ${f.title}: ${SURFACE_WORDS[f.surface]} over ${axes}x from ${n(f.box.lo[0]!)} to ${n(f.box.hi[0]!)} and y from ${n(f.box.lo[1]!)} to ${n(f.box.hi[1]!)}.`,
    );
  }
  if (f.basins.length)
    parts.push(`Minima: ${f.basins.map((b) => `${b.label} at ${point(b.center)}`).join('; ')}.`);
  if (f.start && !f.slice) parts.push(`The runs start at ${point(f.start)}.`);
  if (f.runs.length) {
    const shown = f.layout === 'side' && f.runs.length > 1 ? ', each in its own panel' : '';
    parts.push(`${f.runs.length} run${f.runs.length > 1 ? 's' : ''}${shown}:`);
    for (const r of f.runs) parts.push(runSentence(r, f.basins));
  }
  return parts.join(' ');
}
