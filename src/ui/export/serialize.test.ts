import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import { METRIC_KEYS, RunBuffer } from '../../state/buffers';
import type { FrameData } from '../../worker/protocol';
import {
  csvField,
  exportDocument,
  exportJson,
  float32String,
  METRICS_HEADER,
  metricsCsv,
  TRAJECTORY_HEADER,
  trajectoryCsv,
  type ExportRun,
} from './serialize';

function fakeFrame(steps: number[], xy: number[]): FrameData {
  const n = steps.length;
  return {
    count: n,
    step: Float64Array.from(steps),
    epoch: new Float32Array(n),
    lr: new Float32Array(n).fill(0.01),
    batch: new Float32Array(n).fill(8),
    batchLoss: new Float32Array(n),
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
    epoch: 0,
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
    trainAccuracy: null,
    testAccuracy: null,
  };
}

function fixture(): ExportRun[] {
  const a = new RunBuffer(4);
  a.append(fakeFrame([0, 1, 2], [0.1, -0.2, 0.3, -0.4, 0.5, -0.6]), [metric(0, 2, null, 3.5)]);
  a.append(fakeFrame([3], [0.7, -0.8]), [metric(3, 1.125, 'sharp', null)]);
  const b = new RunBuffer(4);
  b.append(fakeFrame([0, 10], [1, 2, 3, 4]), [
    metric(0, 2, null, 3.5),
    metric(10, 0.5, 'flat', 0.75),
  ]);
  return [
    { id: 'run0', label: 'B = 8', config: { batch: 8 }, buffer: a },
    { id: 'run1', label: 'B, "full"', config: { batch: 1024 }, buffer: b },
    { id: 'run2', label: 'not started', config: {}, buffer: null },
  ];
}

const parseCsv = (text: string) => text.trimEnd().split('\n');

describe('trajectoryCsv', () => {
  it('has the header and one row per recorded point per run', () => {
    const lines = parseCsv(trajectoryCsv(fixture()));
    expect(lines[0]).toBe(TRAJECTORY_HEADER.join(','));
    expect(lines).toHaveLength(1 + 4 + 2);
  });

  it('round-trips steps and float32 positions', () => {
    const runs = fixture();
    const rows = parseCsv(trajectoryCsv(runs)).slice(1);
    expect(rows[0]).toBe('run0,B = 8,0,0.1,-0.2');
    expect(rows[3]).toBe('run0,B = 8,3,0.7,-0.8');
    const buf = runs[0]!.buffer!;
    rows.slice(0, 4).forEach((row, i) => {
      const [, , step, x, y] = row.split(',');
      expect(Number(step)).toBe(buf.steps[i]);
      expect(Math.fround(Number(x))).toBe(buf.positions[2 * i]);
      expect(Math.fround(Number(y))).toBe(buf.positions[2 * i + 1]);
    });
    // A label with a comma and quotes is quoted, RFC 4180 style.
    expect(rows[4]).toBe('run1,"B, ""full""",0,1,2');
  });
});

describe('metricsCsv', () => {
  it('has every metric column, empty cells for missing values, and the basin', () => {
    const lines = parseCsv(metricsCsv(fixture()));
    expect(lines[0]).toBe(METRICS_HEADER.join(','));
    expect(lines[0]).toBe(
      'run,label,step,trainLoss,testLoss,gap,distance,gradNorm,lambdaMax,lambdaMin,noiseScale,bSimple,basin',
    );
    expect(lines).toHaveLength(1 + 2 + 2);
    const cols = lines[2]!.split(',');
    const at = (name: string) =>
      cols[METRICS_HEADER.indexOf(name as (typeof METRICS_HEADER)[number])];
    expect(at('step')).toBe('3');
    expect(Number(at('trainLoss'))).toBe(1.125);
    expect(Number(at('testLoss'))).toBe(1.375);
    expect(at('lambdaMax')).toBe('');
    expect(at('bSimple')).toBe('');
    expect(at('basin')).toBe('sharp');
    expect(lines[1]!.endsWith(',')).toBe(true); // between basins: empty basin cell
  });
});

describe('exportJson', () => {
  it('parses back with config, trajectory and metrics per run', () => {
    const runs = fixture();
    const doc = JSON.parse(exportJson(runs, 'http://localhost/?b=8'));
    expect(doc).toEqual(exportDocument(runs, 'http://localhost/?b=8'));
    expect(doc.version).toBe(1);
    expect(doc.url).toBe('http://localhost/?b=8');
    expect(doc.runs.map((r: { id: string }) => r.id)).toEqual(['run0', 'run1', 'run2']);
    const r0 = doc.runs[0];
    expect(r0.config).toEqual({ batch: 8 });
    expect(r0.trajectory).toEqual({
      step: [0, 1, 2, 3],
      x: [0.1, 0.3, 0.5, 0.7],
      y: [-0.2, -0.4, -0.6, -0.8],
    });
    expect(r0.metrics).toHaveLength(2);
    expect(Object.keys(r0.metrics[0]).sort()).toEqual(['basin', 'step', ...METRIC_KEYS].sort());
    expect(r0.metrics[1]).toMatchObject({
      step: 3,
      trainLoss: 1.125,
      lambdaMax: null,
      basin: 'sharp',
    });
    expect(doc.runs[2].trajectory.step).toEqual([]);
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
