/** `batchscape surface`: full-split loss (or gap) on a grid; N-D presets on a 2-D slice. */
import { buildObjective } from '../../engine/presets';
import { createRun } from '../../engine/run';
import {
  randomSliceDirections,
  surfaceGrid,
  type Slice,
  type SurfaceSplit,
} from '../../engine/sweep';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, type Command } from '../command';
import { parseListValue, usageError, type Flags } from '../flags';
import { emit, toCsv, toJson } from '../output';
import { createProgress } from '../progress';

/** Same default as the explorer's worker, so CLI and browser show the same slice. */
const DEFAULT_SLICE_SEED = 7;

export const surfaceCommand: Command = {
  name: 'surface',
  summary: 'loss of a split on a grid (2-D presets directly, N-D presets on a random 2-D slice)',
  details: [
    'train and test are full-split mean losses; gap is test − train. For dim > 2 the grid point (x, y)',
    'is w = center + x·d1 + y·d2, with center the run start (--start, or drawn with --seed) and d1, d2',
    'orthonormal random directions from --slice-seed; JSON then also carries "slice".',
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
    FORMAT_OPTION,
  ],
  config: { defaultPreset: 'sharp-flat', omit: [] },
  examples: [
    'batchscape surface --split test --res 121',
    'batchscape surface --split gap --box -0.5,-0.5,1.2,0.5 --format csv > gap.csv',
    'batchscape surface --preset quadratic-nd --dim 50 --slice-seed 3',
  ],
  run(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const split = flags.choice<SurfaceSplit>('split', 'train', ['train', 'test', 'gap']);
    const res = flags.whole('res', 81, 2);
    if (res > 2001) throw usageError(`--res must be ≤ 2001, got "${res}"`);
    const config = resolveOrExplain(buildConfigInput(flags, 'sharp-flat'));
    const objective = buildObjective(config);
    if (objective.dim < 2) throw usageError('surface needs a landscape of dimension ≥ 2 (--dim)');
    const rawBox = flags.raw('box');
    const box = rawBox
      ? parseListValue('box', rawBox, { length: 4 })
      : [
          objective.viewBox.lo[0]!,
          objective.viewBox.lo[1]!,
          objective.viewBox.hi[0]!,
          objective.viewBox.hi[1]!,
        ];
    const [x0, y0, x1, y1] = box as [number, number, number, number];
    if (!(x0 < x1 && y0 < y1))
      throw usageError(`--box must have X0 < X1 and Y0 < Y1, got "${box.join(',')}"`);
    let slice: (Slice & { seed: number }) | undefined;
    if (objective.dim > 2) {
      const seed = flags.whole('slice-seed', DEFAULT_SLICE_SEED, 0);
      slice = {
        seed,
        center: createRun(config, objective).w0,
        ...randomSliceDirections(objective.dim, seed),
      };
    } else if (flags.has('slice-seed')) {
      throw usageError('--slice-seed applies only to landscapes with dim > 2');
    }
    // Row by row, so a slow N-D surface can show progress; rows are the same grid either way.
    const progress = createProgress('surface');
    const rows: number[][] = [];
    let x: number[] = [];
    const y = Array.from({ length: res }, (_, i) => y0 + ((y1 - y0) * i) / (res - 1));
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
    emit(toJson({ config, split, x, y, loss: rows, slice: slice ?? null }));
  },
};
