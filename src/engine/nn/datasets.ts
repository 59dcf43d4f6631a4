/**
 * Seeded 2-D classification data sets for the network lab: moons, circles, spiral, XOR and
 * Gaussian blobs. Classes alternate by index (balanced sets); the clean point is drawn on
 * its class's shape, then Gaussian input noise is added. Label noise flips a fraction of the
 * TRAIN labels to another class (test labels stay clean, so test accuracy measures the true
 * task); a test shift δ translates every test input (covariate shift; δ = 0 is the same
 * distribution). One rng stream draws the train set, then the test set, so a data seed
 * fixes both.
 */
import * as dm from '../detmath';
import type { Rng } from '../rng';

export type DatasetId = 'moons' | 'circles' | 'spiral' | 'xor' | 'blobs';
export const DATASET_IDS: readonly DatasetId[] = ['moons', 'circles', 'spiral', 'xor', 'blobs'];

/** Number of classes of each data set (the network's output width). */
export function classCount(id: DatasetId): number {
  return id === 'blobs' ? 3 : 2;
}

/** One split: inputs row-major (n × 2) and integer labels. */
export interface LabelledSet {
  n: number;
  x: Float64Array;
  y: Uint8Array;
}

export interface ClassificationData {
  id: DatasetId;
  classes: number;
  train: LabelledSet;
  test: LabelledSet;
  /** Train samples whose label was flipped by label noise (their indices, ascending). */
  flipped: Uint32Array;
}

export interface DatasetSpec {
  id: DatasetId;
  n: number;
  nTest: number;
  /** Standard deviation of the Gaussian noise added to every input. */
  noise: number;
  /** Fraction of train labels replaced by another class, in [0, 0.5]. */
  labelNoise: number;
  /** Translation of every test input (0, 0 = same distribution as train). */
  shift: readonly [number, number];
}

const TWO_PI = 2 * Math.PI;

/** The clean point of class c on the data set's shape, written to out[0..1]. */
function cleanPoint(id: DatasetId, c: number, rng: Rng, out: Float64Array): void {
  switch (id) {
    case 'moons': {
      // Two interleaved half circles (as in scikit-learn), centred on the origin.
      const t = Math.PI * rng.next();
      out[0] = c === 0 ? dm.cos(t) - 0.5 : 0.5 - dm.cos(t);
      out[1] = c === 0 ? dm.sin(t) - 0.25 : 0.25 - dm.sin(t);
      return;
    }
    case 'circles': {
      const t = TWO_PI * rng.next();
      const r = c === 0 ? 1 : 0.5;
      out[0] = r * dm.cos(t);
      out[1] = r * dm.sin(t);
      return;
    }
    case 'spiral': {
      // Two arms, each turning 1.5 times, radius growing from 0.1 to 1.
      const t = rng.next();
      const r = 0.1 + 0.9 * t;
      const a = 3 * Math.PI * t + c * Math.PI;
      out[0] = r * dm.cos(a);
      out[1] = r * dm.sin(a);
      return;
    }
    case 'xor': {
      // Uniform in [−1, 1]², labelled by the quadrant: the class decides the sign pattern.
      const u = 0.05 + 0.95 * rng.next();
      const v = 0.05 + 0.95 * rng.next();
      const su = rng.next() < 0.5 ? -1 : 1;
      out[0] = su * u;
      out[1] = (c === 0 ? su : -su) * v;
      return;
    }
    case 'blobs': {
      // Three round Gaussian blobs (σ = 0.3) on a circle of radius 1.
      const a = Math.PI / 2 + (c * TWO_PI) / 3;
      out[0] = dm.cos(a) + 0.3 * rng.normal();
      out[1] = dm.sin(a) + 0.3 * rng.normal();
      return;
    }
  }
}

function drawSet(spec: DatasetSpec, n: number, shift: readonly [number, number], rng: Rng) {
  const classes = classCount(spec.id);
  const x = new Float64Array(n * 2);
  const y = new Uint8Array(n);
  const p = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    cleanPoint(spec.id, c, rng, p);
    x[2 * i] = p[0]! + spec.noise * rng.normal() + shift[0];
    x[2 * i + 1] = p[1]! + spec.noise * rng.normal() + shift[1];
    y[i] = c;
  }
  return { n, x, y };
}

export function makeDataset(spec: DatasetSpec, rng: Rng): ClassificationData {
  const classes = classCount(spec.id);
  const train = drawSet(spec, spec.n, [0, 0], rng);
  const test = drawSet(spec, spec.nTest, spec.shift, rng);
  // Label noise after both sets are drawn, from its own draws: changing the rate never
  // moves a single input point.
  const flipped: number[] = [];
  for (let i = 0; i < train.n; i++) {
    const u = rng.next();
    const other = rng.nextInt(classes - 1);
    if (u < spec.labelNoise) {
      const c = train.y[i]!;
      train.y[i] = other >= c ? other + 1 : other;
      flipped.push(i);
    }
  }
  return { id: spec.id, classes, train, test, flipped: Uint32Array.from(flipped) };
}
