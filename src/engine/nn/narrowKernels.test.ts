/**
 * The thin-layer kernels (2 inputs or 2 outputs) against the blocked kernels they stand in
 * for: bit-identical outputs (Object.is per element, so even the sign of a zero) on every
 * shape, batch size (odd, below a block, across block tails), accumulate mode and epilogue,
 * with exact zeros in the inputs as ReLU makes them. Same bits is the claim that lets the
 * dispatch change no trajectory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedGradW, blockedGradX, linearGradW, linearGradX } from './gradKernels';
import { blockedForward, packedForward, packWeights, type Epilogue } from './kernels';

/** Values with many exact zeros (±0) among ordinary magnitudes. */
const entry = fc.oneof(
  fc.constantFrom(0, -0),
  fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }),
);
const vec = (n: number) =>
  fc.array(entry, { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

const shape = fc
  .record({ B: fc.integer({ min: 1, max: 13 }), wide: fc.integer({ min: 1, max: 11 }) })
  .chain(({ B, wide }) =>
    fc.record({
      B: fc.constant(B),
      /** true: 2 inputs → `wide` outputs; false: `wide` inputs → 2 outputs. */
      thinIn: fc.boolean(),
      wide: fc.constant(wide),
      acc: fc.boolean(),
      bias: fc.boolean(),
      relu: fc.boolean(),
      affine: fc.boolean(),
      seedData: vec(B * Math.max(wide, 2) * 3 + 4 * wide + 8),
    }),
  );

function take(src: Float64Array, at: { k: number }, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = src[at.k++ % src.length]!;
  return out;
}

const same = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('thin-layer kernels', () => {
  it('forward, weight gradient and input gradient equal the blocked kernels bit for bit', () => {
    fc.assert(
      fc.property(shape, (c) => {
        const I = c.thinIn ? 2 : c.wide;
        const O = c.thinIn ? c.wide : 2;
        const at = { k: 0 };
        const x = take(c.seedData, at, c.B * I);
        const p = take(c.seedData, at, O * I + O);
        const dz = take(c.seedData, at, c.B * O);
        const bOff = c.bias ? O * I : -1;
        const pk = new Float64Array(Math.ceil(O / 4) * 4 * I);
        packWeights(p, 0, I, O, pk);
        const epi: Epilogue = {
          scale: c.affine ? take(c.seedData, at, O) : null,
          shift: c.affine ? take(c.seedData, at, O) : null,
          relu: c.relu,
        };
        const start = take(c.seedData, at, c.B * Math.max(I, O));
        // Forward.
        const z1 = start.slice(0, c.B * O);
        const z2 = z1.slice();
        packedForward(x, c.B, I, pk, O, p, bOff, z1, c.acc, epi);
        blockedForward(x, c.B, I, pk, O, p, bOff, z2, c.acc, epi);
        if (!same(z1, z2)) return false;
        // Weight (and bias) gradient.
        const g1 = take(c.seedData, at, O * I + O);
        const g2 = g1.slice();
        linearGradW(dz, x, c.B, I, O, g1, 0, bOff, c.acc);
        blockedGradW(dz, x, c.B, I, O, g2, 0, c.acc);
        if (bOff >= 0) {
          for (let o = 0; o < O; o++) {
            let s = 0;
            for (let b = 0; b < c.B; b++) s += dz[b * O + o]!;
            g2[bOff + o] = c.acc ? g2[bOff + o]! + s : s;
          }
        }
        if (!same(g1, g2)) return false;
        // Input gradient.
        const d1 = start.slice(0, c.B * I);
        const d2 = d1.slice();
        linearGradX(dz, c.B, O, p, 0, I, d1, c.acc);
        blockedGradX(dz, c.B, O, p, 0, I, d2, c.acc);
        return same(d1, d2);
      }),
      { numRuns: 3000 },
    );
  });

  it('the 2-output kernel reads only the two real rows of the packed panel', () => {
    // The panel pads 2 rows to 4; poison the padding: a wrong lane index would leak NaN.
    const B = 3;
    const x = Float64Array.from({ length: B * 5 }, (_, i) => i + 1);
    const p = Float64Array.from({ length: 2 * 5 + 2 }, (_, i) => 0.5 - i / 7);
    const pk = new Float64Array(4 * 5);
    packWeights(p, 0, 5, 2, pk);
    for (let i = 0; i < 5; i++) pk[4 * i + 2] = pk[4 * i + 3] = Number.NaN;
    const z = new Float64Array(B * 2);
    packedForward(x, B, 5, pk, 2, p, 10, z, false);
    expect(z.every(Number.isFinite)).toBe(true);
    const expected = new Float64Array(B * 2);
    blockedForward(x, B, 5, pk, 2, p, 10, expected, false);
    // The blocked kernel multiplies the padding too but drops it: same finite outputs.
    expect(Array.from(z)).toEqual(Array.from(expected));
  });
});
