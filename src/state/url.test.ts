import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUrl, encodeUrl } from './url';
import { initialConfigState } from './configStore';
import { initialViewState } from './viewStore';
import { presetDefaults, PRESETS } from '../engine/presets';

describe('URL codec', () => {
  it('writes nothing for the defaults and reads the defaults back', () => {
    const s = initialConfigState();
    expect(encodeUrl(s, initialViewState)).toBe('');
    const d = decodeUrl('');
    expect(d.config.base).toEqual(s.base);
    expect(d.config.compare).toEqual(s.compare);
    expect(d.notices).toEqual([]);
  });

  it("opens sharp-flat at the preset's explorer start; x0=random gives the seed's start", () => {
    expect(decodeUrl('').config.base.start).toEqual(PRESETS['sharp-flat'].explorerStart);
    const random = initialConfigState();
    random.base.start = null;
    const q = encodeUrl(random, initialViewState);
    expect(q).toBe('x0=random');
    expect(decodeUrl(q).config.base.start).toBeNull();
    // Presets without an explorer start keep the engine's per-seed start, and write no x0.
    const bowl = decodeUrl('p=bowl').config;
    expect(bowl.base.start).toBeNull();
    expect(encodeUrl(bowl, initialViewState)).toBe('p=bowl');
    expect(decodeUrl('x0=0.25,-0.5').config.base.start).toEqual([0.25, -0.5]);
  });

  it("opens random-potential with the explorer's budget, writes none for it, and round-trips the CLI's", () => {
    const rp = decodeUrl('p=random-potential').config;
    expect(rp.base.budget).toEqual(PRESETS['random-potential'].explorerBudget);
    expect(encodeUrl(rp, initialViewState)).toBe('p=random-potential');
    const full = decodeUrl('p=random-potential&st=10000').config;
    expect(full.base.budget).toEqual(presetDefaults('random-potential').budget);
    expect(encodeUrl(full, initialViewState)).toBe('p=random-potential&st=10000');
  });

  it('round-trips a warm-up peak (written only when not 1) and rejects a bad one with a notice', () => {
    const s = initialConfigState();
    s.base.lrSchedule = { kind: 'warmup', fraction: 0.1, peak: 5 };
    const q = encodeUrl(s, initialViewState);
    expect(q).toBe('lrs=warmup%3A0.1%3A5');
    expect(decodeUrl(q).config.base.lrSchedule).toEqual({ kind: 'warmup', fraction: 0.1, peak: 5 });
    const old = decodeUrl('lrs=warmup:0.2');
    expect(old.config.base.lrSchedule).toEqual({ kind: 'warmup', fraction: 0.2, peak: 1 });
    expect(encodeUrl(old.config, initialViewState)).toBe('lrs=warmup%3A0.2');
    const bad = decodeUrl('lrs=warmup:0.1:-2');
    expect(bad.config.base.lrSchedule).toEqual({ kind: 'constant' });
    expect(bad.notices.join(' ')).toMatch(/lrs=warmup:0.1:-2/);
  });

  it('round-trips a changed experiment', () => {
    const s = initialConfigState('saddle');
    s.base.lr = 0.037;
    s.base.seed = 42;
    s.base.lrSchedule = { kind: 'step', milestones: [0.25, 0.5], factor: 0.3 };
    s.base.batchSchedule = { kind: 'grow', milestones: [0.1, 0.2], factor: 4, cap: 256 };
    s.base.regimeAdaptation = true;
    s.base.start = [0.25, -0.5];
    s.base.landscape.shift = [0.1, -0.02];
    s.compare = { field: 'lr', values: [0.01, 0.1] };
    const view = {
      ...initialViewState,
      theme: 'dark' as const,
      camera: 'top' as const,
      presenter: true,
    };
    const q = encodeUrl(s, view);
    const d = decodeUrl(q);
    expect(d.notices).toEqual([]);
    expect(d.config.base).toEqual(s.base);
    expect(d.config.compare).toEqual(s.compare);
    expect(d.view).toMatchObject({ theme: 'dark', camera: 'top', presenter: true });
  });

  it('round-trips any seed, lr and batch comparison (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 1024 }), { minLength: 1, maxLength: 4 }),
        (seed, lr, batches) => {
          const s = initialConfigState();
          s.base.seed = seed;
          s.base.lr = lr;
          s.compare = { field: 'batch', values: batches };
          const d = decodeUrl(encodeUrl(s, initialViewState));
          expect(d.config.base.seed).toBe(seed);
          expect(d.config.base.lr).toBe(lr);
          expect(d.config.compare.values).toEqual(batches);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('round-trips any warm-up fraction and peak (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (fraction, peak) => {
          const s = initialConfigState();
          s.base.lrSchedule = { kind: 'warmup', fraction, peak };
          const d = decodeUrl(encodeUrl(s, initialViewState));
          expect(d.notices).toEqual([]);
          expect(d.config.base.lrSchedule).toEqual({ kind: 'warmup', fraction, peak });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps a forced drawing quality in the link and refuses an unknown one with a notice', () => {
    for (const quality of ['high', 'low'] as const) {
      const q = encodeUrl(initialConfigState(), { ...initialViewState, quality });
      expect(q).toBe(`quality=${quality}`);
      expect(decodeUrl(q).view.quality).toBe(quality);
    }
    const d = decodeUrl('quality=ultra');
    expect(d.view.quality).toBeUndefined();
    expect(d.notices).toEqual(['Ignored quality=ultra: expected auto or high or low.']);
  });

  it('never throws on malformed input; falls back with notices', () => {
    const d = decodeUrl(
      'p=volcano&lr=abc&b=99999&s=-4&cmp=colour:1,2&sf=sideways&lrs=zigzag:1&ex=big&sh=1,2,3',
    );
    expect(d.config.base.preset).toBe('sharp-flat');
    expect(d.config.base.lr).toBe(presetDefaults('sharp-flat').lr);
    expect(d.config.base.batch).toBe(1024); // clamped to N
    expect(d.notices.length).toBeGreaterThanOrEqual(8);
    expect(d.notices.join(' ')).toMatch(/volcano/);
    expect(d.notices.join(' ')).toMatch(/out of range; using 1024/);
  });

  it('survives arbitrary query strings (property)', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        const d = decodeUrl(q);
        expect(d.config.base.version).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
