/**
 * What the explorer's caption needs to know about a run: its status and latest
 * measurements (runs store) plus, read once from its non-reactive buffer, where it ended
 * and how much of the run it spent in each basin.
 */
import type { MetricRecord } from '../../engine/metrics';
import type { RunBuffer } from '../../state/buffers';
import type { RunView } from '../../state/runsStore';

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
}

export function runOutcome(view: RunView, buf: RunBuffer | undefined): RunOutcome {
  const share: Record<string, number> = {};
  const n = buf?.basins.length ?? 0;
  for (const b of buf?.basins ?? []) if (b) share[b] = (share[b] ?? 0) + 1 / n;
  return {
    label: view.label,
    state: view.state,
    divergedAt: view.divergedAt,
    lr: view.lr,
    batch: view.batch,
    last: view.last,
    end: buf?.head() ?? null,
    basinShare: share,
  };
}
