/** `batchscape surface`: full-split loss (or gap) on a grid; N-D presets on a 2-D slice. */
import { buildObjective } from '../../engine/presets';
import { createRun, type RunChunk } from '../../engine/run';
import { filterNormalizedDirections, trajectoryPcaDirections } from '../../engine/nn/directions';
import { MlpObjective } from '../../engine/nn/objective';
import { projectOntoSlice } from '../../engine/slice';
import {
  gridAxis,
  randomSliceDirections,
  surfaceGrid,
  type Slice,
  type SurfaceSplit,
} from '../../engine/sweep';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, WORKERS_OPTION, type Command } from '../command';
import { workersFlag } from '../jobs';
import { parseListValue, usageError, type Flags } from '../flags';
import { LIMITS } from '../limits';
import { emit, toCsv, toJson } from '../output';
import { createProgress } from '../progress';
import { pooledSurface } from '../surfaceJobs';

/** Same default as the explorer's worker, so CLI and browser show the same slice. */
const DEFAULT_SLICE_SEED = 7;

export const surfaceCommand: Command = {
  name: 'surface',
  summary: 'loss of a split on a grid (2-D presets directly, N-D presets on a random 2-D slice)',
  details: [
    'train and test are full-split mean losses; gap is test − train. For dim > 2 the grid point (x, y)',
    'is w = center + x·d1 + y·d2, with center the run start (--start, or drawn with --seed) and d1, d2',
    'orthonormal random directions from --slice-seed; JSON then also carries "slice". For mlp the',
    'run is trained first and the slice is centred on its end, along filter-normalised directions',
    '(--directions, --at); "slice" then also holds "directions", "at", "explained" (PCA variance',
    'fractions) and "trajectory" (the run projected onto the plane, [[x, y], …]). Each grid value',
    "is a full-split loss in inference mode (BN running statistics of the centre); a network's grid",
    'is shared over --workers threads (the values are identical for any number).',
    'JSON: {"config", "split", "x": [nx], "y": [ny], "loss": [ny rows of nx], "slice": null | {"seed",',
    '  "center", "d1", "d2"}}; loss[i][j] is at (x[j], y[i]). CSV: long format x,y,loss.',
  ],
  options: [
    { name: 'split', arg: 'train|test|gap', default: 'train', help: 'which surface' },
    { name: 'res', arg: 'N', default: '81', help: 'grid points per axis (2 … 2001)' },
    { name: 'box', arg: 'X0,Y0,X1,Y1', default: "the preset's view box", help: 'grid extent' },
    {
      name: 'slice-seed',
      arg: 'S',
      default: String(DEFAULT_SLICE_SEED),
      help: 'seed of the slice directions (dim > 2)',
    },
    {
      name: 'directions',
      arg: 'random|filter|pca',
      default: 'filter for mlp, else random',
      help: 'dim > 2: orthonormal random, filter-normalised random (mlp), or top-2 PCA of the run',
    },
    {
      name: 'at',
      arg: 'start|end',
      default: 'end for mlp, else start',
      help: 'dim > 2: centre the slice on the start point, or train the run and centre on its end',
    },
    FORMAT_OPTION,
    { ...WORKERS_OPTION, help: "worker threads for a network's grid (identical output for any N)" },
  ],
  config: { defaultPreset: 'sharp-flat', omit: [] },
  examples: [
    'batchscape surface --split test --res 121',
    'batchscape surface --split gap --box -0.5,-0.5,1.2,0.5 --format csv > gap.csv',
    'batchscape surface --preset quadratic-nd --dim 50 --slice-seed 3',
    'batchscape surface --preset mlp --bn --res 33 --box -1,-1,1,1 --directions pca',
  ],
  async run(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const split = flags.choice<SurfaceSplit>('split', 'train', ['train', 'test', 'gap']);
    const res = flags.whole('res', 81, 2, LIMITS.surfaceRes);
    const workers = workersFlag(flags);
    const config = resolveOrExplain(buildConfigInput(flags, 'sharp-flat'));
    const objective = buildObjective(config);
    if (objective.dim < 2) throw usageError('surface needs a landscape of dimension ≥ 2 (--dim)');
    const rawBox = flags.raw('box');
    const given = rawBox ? parseListValue('box', rawBox, { length: 4 }) : null;
    if (given && !(given[0]! < given[2]! && given[1]! < given[3]!))
      throw usageError(`--box must have X0 < X1 and Y0 < Y1, got "${given.join(',')}"`);
    let slice: (Slice & { seed: number }) | undefined;
    let extra: Record<string, unknown> = {};
    if (objective.dim > 2) {
      const seed = flags.whole('slice-seed', DEFAULT_SLICE_SEED, 0, LIMITS.seed);
      const mlp = objective instanceof MlpObjective ? objective : null;
      const kind = flags.choice('directions', mlp ? 'filter' : 'random', [
        'random',
        'filter',
        'pca',
      ] as const);
      const at = flags.choice('at', mlp ? 'end' : 'start', ['start', 'end'] as const);
      if (kind === 'filter' && !mlp)
        throw usageError('--directions filter needs a network (--preset mlp)');
      if (kind === 'pca' && at === 'start')
        throw usageError('--directions pca follows the trained run: use it with --at end');
      if (kind === 'random' && at === 'start' && !mlp) {
        // The landscapes' slice, exactly as before the network lab.
        slice = {
          seed,
          center: createRun(config, objective).w0,
          ...randomSliceDirections(objective.dim, seed),
        };
      } else {
        const run = createRun(config, objective);
        const chunks: RunChunk[] = [];
        if (at === 'end') while (run.status === 'running') chunks.push(run.advance(8192));
        const center = Float64Array.from(run.w);
        const td = run.trainDim;
        let dirs: { d1: Float64Array; d2: Float64Array };
        let explained: [number, number] | null = null;
        const positions = new Float32Array(chunks.reduce((n, c) => n + c.count * run.dim, 0));
        let k = 0;
        for (const c of chunks) {
          positions.set(c.positions, k);
          k += c.count * run.dim;
        }
        const count = positions.length / run.dim;
        if (kind === 'filter') dirs = filterNormalizedDirections(mlp!.layout, center, seed);
        else if (kind === 'pca') {
          const pc = trajectoryPcaDirections(positions, count, run.dim, td);
          dirs = pc;
          explained = pc.explained;
          center.set(pc.center);
        } else {
          const r = randomSliceDirections(td, seed);
          dirs = { d1: new Float64Array(run.dim), d2: new Float64Array(run.dim) };
          dirs.d1.set(r.d1);
          dirs.d2.set(r.d2);
        }
        slice = { seed, center, ...dirs };
        const xy = at === 'end' ? projectOntoSlice(slice, positions, count, run.dim, td) : null;
        extra = {
          directions: kind,
          at,
          explained,
          trajectory: xy
            ? Array.from({ length: count }, (_, i) => [xy[2 * i]!, xy[2 * i + 1]!])
            : null,
        };
      }
    } else if (flags.has('slice-seed') || flags.has('directions') || flags.has('at')) {
      throw usageError('--slice-seed, --directions and --at apply only to landscapes with dim > 2');
    }
    const path = extra.trajectory as [number, number][] | null | undefined;
    const box =
      given ??
      (extra.directions === 'pca' && path
        ? pcaBox(path)
        : [...objective.viewBox.lo, ...objective.viewBox.hi]);
    const [x0, y0, x1, y1] = box as [number, number, number, number];
    const progress = createProgress('surface');
    let rows: number[][] = [];
    let x: number[] = [];
    const y = gridAxis(y0, y1, res);
    if (slice && objective instanceof MlpObjective) {
      // A network's point is a full pass over the split: share the grid over the pool.
      x = gridAxis(x0, x1, res);
      rows = await pooledSurface({
        config,
        slice,
        split,
        box: [x0, y0, x1, y1],
        res,
        workers,
        onProgress: (f) => progress.update(f),
      });
    } else {
      // Row by row, so a slow N-D surface can show progress; rows are the same grid either way.
      for (let i = 0; i < res; i++) {
        const row = surfaceGrid(
          objective,
          split,
          { lo: [x0, y[i]!], hi: [x1, y[i]!] },
          res,
          1,
          slice,
        );
        x = row.x;
        rows.push(Array.from(row.loss));
        progress.update((i + 1) / res);
      }
    }
    progress.done();
    if (format === 'csv') {
      emit(
        toCsv(
          ['x', 'y', 'loss'],
          rows.flatMap((r, i) => r.map((v, j) => [x[j], y[i], v])),
        ),
      );
      return;
    }
    emit(toJson({ config, split, x, y, loss: rows, slice: slice ? { ...slice, ...extra } : null }));
  },
};

/** PCA coordinates are in weight units: frame the projected trajectory, with a 25% margin. */
function pcaBox(path: [number, number][]): number[] {
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  const pad = (lo: number, hi: number) => {
    const m = Math.max(0.25 * (hi - lo), 0.05);
    return [lo - m, hi + m];
  };
  const [ax, bx] = pad(Math.min(...xs), Math.max(...xs));
  const [ay, by] = pad(Math.min(...ys), Math.max(...ys));
  return [ax!, ay!, bx!, by!];
}
