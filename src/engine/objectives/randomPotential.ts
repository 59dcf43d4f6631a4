import type { Objective, Split } from './types';
import { gaussianOffsets, identityIndex } from '../data';
import type { Rng } from '../rng';
import * as dm from '../detmath';

export interface RandomPotentialOptions {
  dim: number;
  n: number;
  nTest: number;
  spread: number;
  shift: number[];
  /** Scale of the shared landscape modes (k ≤ kMax); 0 gives a flat mean potential. */
  amplitude: number;
  /** Scale of the per-sample roughness modes (kMax < k ≤ kNoise), the source of SGD noise. */
  roughness: number;
  /** Hurst exponent H: structure function E[(V(x)−V(y))²] ∝ |x−y|^{2H}. */
  hurst: number;
  kMin: number;
  kMax: number;
  kNoise: number;
  modes: number;
  dataRng: Rng;
}

/**
 * A fractional-Brownian-like random field V(x) = Σ_m a_m cos(k_m·x + φ_m) from random
 * Fourier modes with power spectrum ∝ k^−(d+2H). Wavenumbers are log-spaced over
 * [kMin, kMax], so the field's fluctuations keep growing with distance across that
 * whole range of scales — the "random potential" whose barriers grow with distance
 * and make SGD's walk ultra-slow, ‖w_t − w_0‖ ~ log t (Hoffer et al., 2017).
 * Each log-shell of width Δ carries variance ∝ k^−2H·Δ, hence a_m ∝ k_m^−H·√Δ.
 * Per-sample loss ℓ_i(w) = V(w − d_i) for the landscape modes; the roughness modes below
 * are paired antithetically (see `antithetic`).
 *
 * Modes above kMax (up to kNoise) have wavelengths shorter than the sample spread,
 * so the offsets d_i scramble their phases: they nearly cancel in the dataset mean
 * but make each sample's gradient differ. They are the minibatch noise. Scaling them
 * separately (`roughness`) lets amplitude = 0 leave a flat mean potential with the
 * same SGD noise: the free-diffusion baseline, where ‖w_t − w_0‖ ∝ √t.
 */
export class RandomPotentialObjective implements Objective {
  readonly id = 'random-potential';
  readonly dim: number;
  readonly nTrain: number;
  readonly nTest: number;
  readonly basins = [];
  readonly initBox: { lo: number[]; hi: number[] };
  readonly viewBox: { lo: number[]; hi: number[] };
  /** Wave vectors, modes × dim. */
  private readonly k: Float64Array;
  private readonly amp: Float64Array;
  private readonly phase: Float64Array;
  /**
   * cos and sin of each sample's phase p_im (n × modes, per split). With
   * cos(k·w − p) = cos(k·w)·cos p + sin(k·w)·sin p, a minibatch costs one cos/sin pair per
   * mode plus B multiply-adds, instead of B pairs: large batches cost about what B = 1 does.
   */
  private readonly trainCos: Float64Array;
  private readonly trainSin: Float64Array;
  private readonly testCos: Float64Array;
  private readonly testSin: Float64Array;
  /** sin and cos of k·w for one mode (scratch for dm.sincos). */
  private readonly sinCos = new Float64Array(2);
  private readonly trainIdx: Uint32Array;
  private readonly testIdx: Uint32Array;
  /** k_m · w for the current point, computed once per batch. */
  private readonly kw: Float64Array;
  /**
   * Per split and mode, the dataset mean of e^{−i p_im} (real, imaginary parts). Since
   * mean_i cos(k·w − p_i) = Re(e^{ik·w} · mean_i e^{−i p_i}), full-split losses, gradients
   * and HVPs cost O(modes·dim) instead of O(N·modes·dim) — what makes surface grids cheap.
   */
  private readonly trainMean: Float64Array;
  private readonly testMean: Float64Array;

  constructor(o: RandomPotentialOptions) {
    const d = o.dim;
    const m = o.modes;
    this.dim = d;
    this.nTrain = o.n;
    this.nTest = o.nTest;
    this.initBox = { lo: new Array<number>(d).fill(0), hi: new Array<number>(d).fill(0) };
    this.viewBox = { lo: new Array<number>(d).fill(-20), hi: new Array<number>(d).fill(20) };
    const k = new Float64Array(m * d);
    const amp = new Float64Array(m);
    const phase = new Float64Array(m);
    const logLo = dm.log(o.kMin);
    const logHi = dm.log(Math.max(o.kMax, o.kNoise));
    const delta = m > 1 ? (logHi - logLo) / (m - 1) : 1;
    for (let i = 0; i < m; i++) {
      // Jitter within each log-shell so the field has no exact periodicities.
      const logK = logLo + delta * (i + o.dataRng.uniform(-0.5, 0.5));
      const kMag = dm.exp(Math.min(logHi, Math.max(logLo, logK)));
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const g = o.dataRng.normal();
        k[i * d + j] = g;
        norm += g * g;
      }
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) k[i * d + j]! *= kMag / norm;
      // Variance a²/2 per mode; √2 makes Σ a²/2 match the shell variance.
      const scale = kMag <= o.kMax ? o.amplitude : o.roughness;
      amp[i] = scale * dm.pow(kMag, -o.hurst) * Math.sqrt(2 * delta);
      phase[i] = o.dataRng.uniform(0, 2 * Math.PI);
    }
    // Switched-off modes (amplitude 0: the flat baseline) would add exactly 0 to every sum,
    // so they are dropped after all draws: the same landscape seed, a fraction of the cost.
    const kept = [...amp.keys()].filter((i) => amp[i] !== 0);
    this.amp = Float64Array.from(kept, (i) => amp[i]!);
    this.phase = Float64Array.from(kept, (i) => phase[i]!);
    this.k = Float64Array.from(kept.flatMap((i) => [...k.subarray(i * d, (i + 1) * d)]));
    const shift = new Array<number>(d);
    for (let j = 0; j < d; j++) shift[j] = o.shift.length === 1 ? o.shift[0]! : (o.shift[j] ?? 0);
    // Pre-project offsets onto each wave vector: k_m·(w − d_i) = k_m·w − (k_m·d_i).
    const train = this.project(gaussianOffsets(o.dataRng, o.n, d, o.spread, null), o.n);
    const test = this.project(gaussianOffsets(o.dataRng, o.nTest, d, o.spread, shift), o.nTest);
    this.antithetic(train, o.n, o.kMax);
    this.antithetic(test, o.nTest, o.kMax);
    [this.trainCos, this.trainSin] = cosSin(train);
    [this.testCos, this.testSin] = cosSin(test);
    this.trainIdx = identityIndex(o.n);
    this.testIdx = identityIndex(o.nTest);
    this.kw = new Float64Array(kept.length);
    this.trainMean = this.phaseMeans(this.trainCos, this.trainSin, o.n);
    this.testMean = this.phaseMeans(this.testCos, this.testSin, o.nTest);
  }

  private phaseMeans(cp: Float64Array, sp: Float64Array, n: number): Float64Array {
    const m = this.amp.length;
    const out = new Float64Array(2 * m);
    for (let q = 0; q < m; q++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < n; i++) {
        re += cp[i * m + q]!;
        im -= sp[i * m + q]!;
      }
      out[2 * q] = re / n;
      out[2 * q + 1] = im / n;
    }
    return out;
  }

  /** mean_i cos(θ_iq) and mean_i sin(θ_iq) for θ_iq = k_q·w − p_iq, from the phase means. */
  private meanCosSin(q: number, means: Float64Array): [number, number] {
    dm.sincos(this.kw[q]!, this.sinCos);
    const s = this.sinCos[0]!;
    const c = this.sinCos[1]!;
    const re = means[2 * q]!;
    const im = means[2 * q + 1]!;
    // e^{iθ} = e^{ik·w}·e^{−ip}: real part = c·re − s·im, imaginary part = s·re + c·im.
    return [c * re - s * im, s * re + c * im];
  }

  /**
   * Roughness modes come in antithetic pairs: sample i + N/2 has sample i's phase plus π,
   * so their dataset mean cancels exactly (for even N) instead of leaving a 1/√N residual
   * potential. Without that residual, amplitude 0 is a truly flat mean potential and the
   * baseline walk is diffusive (∝ √t) for every batch size, not only the noisiest.
   */
  private antithetic(p: Float64Array, n: number, kMax: number): void {
    const m = this.amp.length;
    const d = this.dim;
    const half = n >> 1;
    for (let q = 0; q < m; q++) {
      let k2 = 0;
      for (let j = 0; j < d; j++) k2 += this.k[q * d + j]! ** 2;
      if (Math.sqrt(k2) <= kMax) continue;
      for (let i = 0; i < half; i++) p[(i + half) * m + q] = p[i * m + q]! + Math.PI;
    }
  }

  /** Replaces each offset row by its phases p_im = k_m·d_i − φ_m (n × modes). */
  private project(offsets: Float64Array, n: number): Float64Array {
    const d = this.dim;
    const m = this.amp.length;
    const out = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      for (let q = 0; q < m; q++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += this.k[q * d + j]! * offsets[i * d + j]!;
        out[i * m + q] = s - this.phase[q]!;
      }
    }
    return out;
  }

  private setPoint(w: Float64Array): void {
    const d = this.dim;
    for (let q = 0; q < this.amp.length; q++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += this.k[q * d + j]! * w[j]!;
      this.kw[q] = s;
    }
  }

  batchLossGrad(
    w: Float64Array,
    split: Split,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
  ): number {
    const cp = split === 'train' ? this.trainCos : this.testCos;
    const sp = split === 'train' ? this.trainSin : this.testSin;
    const m = this.amp.length;
    const d = this.dim;
    const sc = this.sinCos;
    this.setPoint(w);
    if (grad) grad.fill(0);
    let loss = 0;
    for (let q = 0; q < m; q++) {
      // Σ_i cos p_iq and Σ_i sin p_iq over the batch.
      let bc = 0;
      let bs = 0;
      for (let t = from; t < to; t++) {
        const at = idx[t]! * m + q;
        bc += cp[at]!;
        bs += sp[at]!;
      }
      const a = this.amp[q]!;
      dm.sincos(this.kw[q]!, sc);
      const s = sc[0]!;
      const c = sc[1]!;
      // Σ cos(k·w − p_i) = c·Σcos p_i + s·Σsin p_i; Σ sin(k·w − p_i) = s·Σcos p_i − c·Σsin p_i.
      loss += a * (c * bc + s * bs);
      if (grad) {
        // ∇ a·cos(k·w − p) = −a·sin(·)·k
        const f = -a * (s * bc - c * bs);
        for (let j = 0; j < d; j++) grad[j]! += f * this.k[q * d + j]!;
      }
    }
    const inv = 1 / (to - from);
    if (grad) for (let j = 0; j < d; j++) grad[j]! *= inv;
    return loss * inv;
  }

  fullLossGrad(w: Float64Array, split: Split, grad: Float64Array | null): number {
    const means = split === 'train' ? this.trainMean : this.testMean;
    const m = this.amp.length;
    const d = this.dim;
    this.setPoint(w);
    if (grad) grad.fill(0);
    let loss = 0;
    for (let q = 0; q < m; q++) {
      const a = this.amp[q]!;
      const [mc, ms] = this.meanCosSin(q, means);
      loss += a * mc;
      if (grad) for (let j = 0; j < d; j++) grad[j]! -= a * ms * this.k[q * d + j]!;
    }
    return loss;
  }

  sampleGrad(w: Float64Array, split: Split, i: number, out: Float64Array): number {
    const idx = split === 'train' ? this.trainIdx : this.testIdx;
    return this.batchLossGrad(w, split, idx, i, i + 1, out);
  }

  /** H v = −Σ_m a_m·mean_i cos(θ_im)·k_m (k_m·v), exact. */
  hvp(w: Float64Array, split: Split, v: Float64Array, out: Float64Array): void {
    const means = split === 'train' ? this.trainMean : this.testMean;
    const m = this.amp.length;
    const d = this.dim;
    this.setPoint(w);
    out.fill(0);
    for (let q = 0; q < m; q++) {
      const [mc] = this.meanCosSin(q, means);
      let kv = 0;
      for (let j = 0; j < d; j++) kv += this.k[q * d + j]! * v[j]!;
      const f = -this.amp[q]! * mc * kv;
      for (let j = 0; j < d; j++) out[j]! += f * this.k[q * d + j]!;
    }
  }

  hessian2(w: Float64Array, split: Split, out: Float64Array): void {
    const e = new Float64Array(2);
    const col = new Float64Array(2);
    e[0] = 1;
    this.hvp(w, split, e, col);
    out[0] = col[0]!;
    out[1] = col[1]!;
    e[0] = 0;
    e[1] = 1;
    this.hvp(w, split, e, col);
    out[2] = col[1]!;
  }
}

/** Element-wise cos and sin of a phase table. */
function cosSin(p: Float64Array): [Float64Array, Float64Array] {
  const c = new Float64Array(p.length);
  const s = new Float64Array(p.length);
  const sc = new Float64Array(2);
  for (let i = 0; i < p.length; i++) {
    dm.sincos(p[i]!, sc);
    s[i] = sc[0]!;
    c[i] = sc[1]!;
  }
  return [c, s];
}
