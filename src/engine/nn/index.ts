/**
 * The network lab's engine API — what the worker and the views use. Everything runs through
 * the same `createRun`/`Run`, ensembles and pool as the landscapes; this module adds only
 * what is network-specific.
 *
 * Running. A config with `preset: 'mlp'` (and an optional `network` section, see
 * `NetworkConfig` in config.ts) goes through `createRun` like any other. The run's state
 * vector `run.w` (length `run.dim`) is the trained parameters, entries [0, run.trainDim),
 * followed by the BatchNorm running statistics; frames' `positions` carry the whole vector.
 * `buildObjective(config)` returns an `MlpObjective` (check `instanceof MlpObjective`);
 * objectives are immutable and may be shared by runs (one per config's landscape+network).
 *
 * Metrics. `MetricRecord.trainAccuracy/testAccuracy` (null for the landscapes); losses,
 * accuracies, gradNorm, λ_max and B_simple are inference-mode numbers (BN with the running
 * statistics in w). λ_max is Lanczos on exact R-operator Hessian-vector products of the
 * inference-mode train loss over the trained parameters (hvp.ts explains why that mode).
 *
 * Views.
 * - Data points: `objective.data.train|test` ({n, x: n × 2, y}); `data.flipped` lists the
 *   train samples whose labels label noise flipped.
 * - Decision boundary: `decisionGrid(objective, run.w, dataBox(objective), nx, ny)` →
 *   per-cell class probabilities.
 * - Slices: directions `filterNormalizedDirections(objective.layout, center, seed)` or
 *   `trajectoryPcaDirections(positions, count, dim, trainDim)` (its `center` is the end
 *   point); then `new ProgressiveSurface(objective, {center, d1, d2}, box, 65)` and, per time
 *   slice, `advance(k)` + `snapshot('train' | 'test')` (whole res² surfaces, coarse first);
 *   or share the grid over pool workers with `take(k)` → an EnsembleJob of kind 'slice' →
 *   `fill(points, values)`. `projectOntoSlice(slice, positions, count, dim, trainDim)` puts
 *   the trajectory on the slice's (α, β) axes.
 * - Keskar's line: `interpolationLine(objective, wSmall, wLarge, alphas)` (interpolate.ts)
 *   interpolates whole state vectors, BN running statistics included.
 * - The comparison: `networkRecipes` / `networkJobs` / `networkRows` (comparison.ts), the
 *   same jobs the CLI's `network` command runs.
 */
export { MlpObjective, type NetworkOptions } from './objective';
export { dataBox, decisionGrid, predictProbabilities, type DecisionGrid } from './boundary';
export { filterNormalizedDirections, trajectoryPcaDirections } from './directions';
export {
  networkJobs,
  networkRecipes,
  networkRows,
  networkTable,
  separation,
  type NetworkRow,
} from './comparison';
export { DATASET_IDS, classCount, type DatasetId } from './datasets';
export { ProgressiveSurface, projectOntoSlice, type SliceSpec, type SliceBox } from '../slice';
