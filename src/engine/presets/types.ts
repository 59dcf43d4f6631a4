import type { Budget, LandscapeConfig, PresetId, RunConfig } from '../config';
import type { Objective } from '../objectives/types';
import type { Rng } from '../rng';

export interface PresetInfo {
  id: PresetId;
  title: string;
  /** One plain-language sentence: what this landscape shows. */
  blurb: string;
  /** Whether the dimension can be changed (N-D presets). */
  variableDim: boolean;
  /**
   * The start the explorer opens with (2-D presets), so its first screen tells the
   * preset's story at the default seed. Ensembles ignore it: their seeds draw starts.
   */
  explorerStart?: [number, number];
  /**
   * The budget the explorer opens with, when the preset's own (the CLI's and the
   * ensembles') is too long to watch at 1× in a browser.
   */
  explorerBudget?: Budget;
  /**
   * Full-split measurements per explorer run, when measuring is costly (each one takes a
   * per-sample gradient over the whole train set); the explorer's default otherwise.
   */
  explorerMetricPoints?: number;
  /**
   * The explorer frames its view around the runs' paths, found by running them ahead
   * (they travel unpredictably far); otherwise it shows the preset's view box.
   */
  fitViewToRuns?: boolean;
}

/** The run settings every preset starts from (see base.ts). */
export type BaseRun = Omit<RunConfig, 'preset' | 'landscape'>;

/** One landscape preset: what the UI says about it, its defaults, and its objective. */
export interface PresetDef {
  info: PresetInfo;
  /** The full default config, from fresh copies of the shared base run and landscape. */
  defaults(run: BaseRun, land: LandscapeConfig): RunConfig;
  /** The objective a validated config of this preset describes (data drawn from dataRng). */
  build(config: RunConfig, dataRng: Rng): Objective;
}
