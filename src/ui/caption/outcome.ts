/**
 * What the explorer's caption needs to know about a run: its status and latest
 * measurements (runs store) plus, read once from its non-reactive buffer, where it ended
 * and how much of the run it spent in each basin.
 */
import type { MetricRecord } from '../../engine/metrics';
import type { RunBuffer } from '../../state/buffers';
import type { RunView } from '../../state/runsStore';
import { instabilityOf, type Instability } from './stability';

export interface RunOutcome {
  label: string;
  state: RunView['state'];
  divergedAt: number | null;
  /** The learning rate of the latest step. */
  lr: number;
  batch: number;
  last: MetricRecord | null;
  /** Last position in scene coordinates (2-D landscapes), null before the first frame. */
  end: [number, number] | null;
  /** Share of the full measurements taken inside each named basin (basin id → share). */
  basinShare: Readonly<Record<string, number>>;
  /** Past the stability bound or blowing up at its latest measurement (see stability.ts). */
  instability: Instability | null;
}

/**
 * `bound` is the stability bound of the run's optimizer (stabilityBound), null when it has
 * none (Adam).
 */
export function runOutcome(
  view: RunView,
  buf: RunBuffer | undefined,
  bound: number | null,
): RunOutcome {
  const share: Record<string, number> = {};
  const n = buf?.basins.length ?? 0;
  for (const b of buf?.basins ?? []) if (b) share[b] = (share[b] ?? 0) + 1 / n;
  let minLoss: number | null = null;
  for (const v of buf?.series.trainLoss ?? [])
    if (v !== null && Number.isFinite(v) && (minLoss === null || v < minLoss)) minLoss = v;
  return {
    label: view.label,
    state: view.state,
    divergedAt: view.divergedAt,
    lr: view.lr,
    batch: view.batch,
    last: view.last,
    end: buf?.head() ?? null,
    basinShare: share,
    instability: instabilityOf(view.lr, view.last, minLoss, bound),
  };
}
