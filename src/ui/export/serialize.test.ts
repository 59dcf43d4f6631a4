import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import { METRIC_KEYS, RunBuffer } from '../../state/buffers';
import type { FrameData } from '../../worker/protocol';
import {
  csvField,
  exportDocument,
  exportJson,
  EXPORT_VERSION,
  float32String,
  RUNS_CSV_HEADER,
  runsCsv,
  type ExportRun,
} from './serialize';

function fakeFrame(steps: number[], xy: number[]): FrameData {
  const n = steps.length;
  return {
    count: n,
    step: Float64Array.from(steps),
    epoch: Float32Array.from(steps, (s) => s / 128),
    lr: new Float32Array(n).fill(0.01),
    batch: new Float32Array(n).fill(8),
    batchLoss: Float32Array.from(steps, (s) => 1 - s / 100),
    positions: Float32Array.from(xy),
  };
}

function metric(
  step: number,
  trainLoss: number,
  basin: string | null,
  lambdaMax: number | null,
): MetricRecord {
  return {
    step,
    epoch: step / 128,
    trainLoss,
    testLoss: trainLoss + 0.25,
    gap: 0.25,
    distance: step / 10,
    gradNorm: 1.5,
    lambdaMax,
    lambdaMin: lambdaMax === null ? null : -0.5,
    noiseScale: 1.27,
    bSimple: null,
    basin,
    saddleSteps: null,
    trainAccuracy: null,
    testAccuracy: null,
  };
}

/**
 * run0: trajectory at 0, 1, 2, 3 and measurements at 0 and 3 (all on trajectory steps);
 * run1: a thinned trajectory (0, 10) with a measurement at 5 between its points.
 */
function fixture(): ExportRun[] {
  const a = new RunBuffer(4);
  a.append(fakeFrame([0, 1, 2], [0.1, -0.2, 0.3, -0.4, 0.5, -0.6]), [metric(0, 2, null, 3.5)]);
  a.append(fakeFrame([3], [0.7, -0.8]), [metric(3, 1.125, 'sharp', null)]);
  const b = new RunBuffer(4);
  b.append(fakeFrame([0, 10], [1, 2, 3, 4]), [
    metric(0, 2, null, 3.5),
    metric(5, 1, 'flat', 0.75),
    metric(10, 0.5, 'flat', 0.75),
  ]);
  return [
    { id: 'run0', label: 'B = 8', config: { batch: 8 }, buffer: a },
    { id: 'run1', label: 'B, "full"', config: { batch: 1024 }, buffer: b },
    { id: 'run2', label: 'not started', config: {}, buffer: null },
  ];
}

const lines = (text: string) => text.trimEnd().split('\n');
/** RFC 4180 fields of one row (quoted fields may hold commas and doubled quotes). */
const fields = (row: string) =>
  [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!));
const cell = (row: string, name: (typeof RUNS_CSV_HEADER)[number]) =>
  fields(row)[RUNS_CSV_HEADER.indexOf(name)];

describe('runsCsv', () => {
  it('has the trajectory and metric columns, and one row per step with anything recorded', () => {
    const out = lines(runsCsv(fixture()));
    expect(out[0]).toBe(
      'run,label,step,epoch,lr,batch,batchLoss,x,y,trainLoss,testLoss,gap,distance,gradNorm,lambdaMax,lambdaMin,noiseScale,bSimple,saddleSteps,basin',
    );
    // run0: its 4 points (2 measured); run1: 2 points + 1 measurement between them; run2: nothing.
    expect(out).toHaveLength(1 + 4 + 3);
    expect(out.slice(1).map((r) => cell(r, 'step'))).toEqual(['0', '1', '2', '3', '0', '5', '10']);
  });

  it('joins on the step: metrics where measured, trajectory where recorded, empty elsewhere', () => {
    const runs = fixture();
    const out = lines(runsCsv(runs)).slice(1);
    // run0 step 0: both.
    expect(out[0]).toBe('run0,B = 8,0,0,0.01,8,1,0.1,-0.2,2,2.25,0.25,0,1.5,3.5,-0.5,1.27,,,');
    // run0 step 1: trajectory only.
    expect(cell(out[1]!, 'batchLoss')).toBe('0.99');
    expect(cell(out[1]!, 'trainLoss')).toBe('');
    expect(out[1]!.endsWith(',,,,,,,,,,')).toBe(true);
    // run0 step 3: measured, in the sharp basin, λ not measured there.
    expect(cell(out[3]!, 'basin')).toBe('sharp');
    expect(cell(out[3]!, 'lambdaMax')).toBe('');
    expect(Number(cell(out[3]!, 'x'))).toBe(0.7);
    // run1 step 5: a measurement between kept points: trajectory cells empty but its epoch.
    expect(out[5]).toMatch(/^run1,"B, ""full""",5,0.0390625,,,,,,1,1.25,/);
    expect(fields(out[5]!)).toHaveLength(RUNS_CSV_HEADER.length);
    expect(cell(out[5]!, 'label')).toBe('B, "full"');
    expect(cell(out[5]!, 'basin')).toBe('flat');
    // Values read back as the buffers' float32 numbers.
    const buf = runs[0]!.buffer!;
    out.slice(0, 4).forEach((row, i) => {
      expect(Math.fround(Number(cell(row, 'x')))).toBe(buf.positions[2 * i]);
      expect(Math.fround(Number(cell(row, 'lr')))).toBe(buf.points.lr[i]);
    });
  });

  it('leaves non-finite values empty, as the CLI does', () => {
    const b = new RunBuffer(2);
    const f = fakeFrame([0], [0, 0]);
    f.batchLoss[0] = Infinity;
    b.append(f, []);
    const row = lines(runsCsv([{ id: 'r', label: 'r', config: {}, buffer: b }]))[1]!;
    expect(cell(row, 'batchLoss')).toBe('');
  });
});

describe('exportJson', () => {
  it('parses back with config, trajectory (with epoch, lr, batch, batch loss) and metrics', () => {
    const runs = fixture();
    const doc = JSON.parse(exportJson(runs, 'http://localhost/?b=8'));
    expect(doc).toEqual(exportDocument(runs, 'http://localhost/?b=8'));
    expect(doc.version).toBe(EXPORT_VERSION);
    expect(EXPORT_VERSION).toBe(2);
    expect(doc.url).toBe('http://localhost/?b=8');
    expect(doc.runs.map((r: { id: string }) => r.id)).toEqual(['run0', 'run1', 'run2']);
    const r0 = doc.runs[0];
    expect(r0.config).toEqual({ batch: 8 });
    // Version-1 fields unchanged; version 2 adds the per-point columns.
    expect(r0.trajectory).toEqual({
      step: [0, 1, 2, 3],
      x: [0.1, 0.3, 0.5, 0.7],
      y: [-0.2, -0.4, -0.6, -0.8],
      epoch: [0, 0.0078125, 0.015625, 0.0234375],
      lr: [0.01, 0.01, 0.01, 0.01],
      batch: [8, 8, 8, 8],
      batchLoss: [1, 0.99, 0.98, 0.97],
    });
    expect(r0.metrics).toHaveLength(2);
    expect(Object.keys(r0.metrics[0]).sort()).toEqual(
      ['basin', 'epoch', 'step', ...METRIC_KEYS].sort(),
    );
    expect(r0.metrics[1]).toMatchObject({
      step: 3,
      epoch: 3 / 128,
      trainLoss: 1.125,
      lambdaMax: null,
      basin: 'sharp',
    });
    expect(doc.runs[2].trajectory.step).toEqual([]);
    expect(doc.runs[2].trajectory.batchLoss).toEqual([]);
    expect(doc.runs[2].metrics).toEqual([]);
  });
});

describe('helpers', () => {
  it('prints float32 values by their shortest exact decimal', () => {
    expect(float32String(Math.fround(0.1))).toBe('0.1');
    expect(float32String(Math.fround(-1.2345678))).toBe('-1.2345678');
    expect(float32String(NaN)).toBe('NaN');
    for (const v of [Math.PI, 1e-7, -123456.789, 3e30]) {
      expect(Math.fround(Number(float32String(v)))).toBe(Math.fround(v));
    }
  });

  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
