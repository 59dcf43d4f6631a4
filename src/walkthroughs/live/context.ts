/**
 * What a step's live sentence may read: the explorer's runs as the caption sees them, the
 * landscape's named basins and saddle, and the science views' finished ensembles —
 * aggregated exactly as the views aggregate them, and only when they belong to the
 * current settings (a stale ensemble says nothing about this step).
 */
import type { Basin } from '../../engine/objectives/types';
import type { SweepRow } from '../../engine/experiments';
import type { RunOutcome } from '../../ui/caption/outcome';
import type { RemedyOutcome } from '../../ui/views/remedies/remediesPlan';
import type { ViewCurve } from '../../ui/views/diffusion/diffusionPlan';

export interface LiveContext {
  runs: readonly RunOutcome[];
  /** The landscape's name for a basin id ("flat minimum"), or "between basins" for null. */
  basinName: (id: string | null) => string;
  /**
   * The names above belong to the landscape on screen: false while its surface (which
   * carries the basins) is being computed and the previous landscape's is still shown.
   */
  basinsReady: boolean;
  saddles: readonly Basin[];
  /** Train set size N of the explorer's landscape. */
  n: number;
  sweep: readonly SweepRow[] | null;
  remedies: readonly RemedyOutcome[] | null;
  diffusion: { curves: readonly ViewCurve[]; fitRange: readonly [number, number] } | null;
}
