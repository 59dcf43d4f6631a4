/**
 * Seeded randomness as a value: xoshiro128** (Blackman & Vigna) seeded through
 * splitmix32, so every stream is reproducible bit for bit in Node, a Worker and tests.
 * All arithmetic is 32-bit integer (Math.imul, >>> 0), which JavaScript engines
 * evaluate identically everywhere.
 */
import * as dm from './detmath';

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n), unbiased (rejection sampling). */
  nextInt(n: number): number;
  /** Standard normal N(0, 1) (Box–Muller, cached pair). */
  normal(): number;
  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
}

/** splitmix32: a good 32-bit mixer used only to expand seeds into generator state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Mixes a seed with a stream label so named streams are independent of one another. */
export function hashSeed(seed: number, label: string): number {
  // FNV-1a over the label, folded with the seed, then avalanched by splitmix32.
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Also fold in the high part of seeds above 2^32 so large integer seeds still differ.
  h ^= Math.floor(seed / 4294967296) >>> 0;
  return splitmix32({ s: h });
}

class Xoshiro128 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    const st = { s: seed | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // all-zero state is a fixed point
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  nextInt(n: number): number {
    if (!(n >= 1) || n > 4294967296)
      throw new RangeError(`nextInt: n must be in [1, 2^32], got ${n}`);
    // Lemire-free simple rejection: reject the top partial bucket so every value is equally likely.
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * dm.log(u));
    const theta = 2 * Math.PI * v;
    this.spare = r * dm.sin(theta);
    this.hasSpare = true;
    return r * dm.cos(theta);
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A generator for one named stream of one seed. */
export function createRng(seed: number, stream = 'main'): Rng {
  return new Xoshiro128(hashSeed(seed, stream));
}

/** The independent streams every run uses, all split from one seed. */
export interface RunStreams {
  data: Rng;
  init: Rng;
  batches: Rng;
  noise: Rng;
}

export function splitStreams(seed: number): RunStreams {
  return {
    data: createRng(seed, 'data'),
    init: createRng(seed, 'init'),
    batches: createRng(seed, 'batches'),
    noise: createRng(seed, 'noise'),
  };
}

/** In-place Fisher–Yates shuffle of the first n entries. */
export function shuffleInPlace(a: Uint32Array, rng: Rng, n = a.length): void {
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
