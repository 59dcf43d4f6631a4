import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl } from './url';
import { initialViewState } from './viewStore';

describe('network lab URL keys', () => {
  it('round-trips every network key and the slice view', () => {
    const search =
      'p=mlp&dat=circles&nz=0.1&ln=0.1&n=256&nt=512&hid=16,16,8&act=tanh&gb=8&wd=0.001&sd=pca&sr=1';
    const d = decodeUrl(search);
    expect(d.notices).toEqual([]);
    const net = d.config.base.network!;
    expect(net).toMatchObject({ dataset: 'circles', noise: 0.1, labelNoise: 0.1 });
    expect(net).toMatchObject({ hidden: [16, 16, 8], activation: 'tanh', ghostBatch: 8 });
    expect(d.config.base.landscape).toMatchObject({ n: 256, nTest: 512 });
    expect(d.view).toMatchObject({ netDirections: 'pca', netFocus: 1 });
    const again = encodeUrl(d.config, { ...initialViewState, ...d.view });
    const sorted = (q: string) => [...new URLSearchParams(q)].sort();
    expect(sorted(again)).toEqual(sorted(search));
  });

  it('writes nothing for the defaults, and opens B = 16 against the full batch', () => {
    const d = decodeUrl('p=mlp');
    expect(encodeUrl(d.config, initialViewState)).toBe('p=mlp');
    expect(d.config.compare).toEqual({ field: 'batch', values: [16, 128] });
  });

  it('refuses a ghost batch that does not divide B, with the validation message', () => {
    const d = decodeUrl('p=mlp&gb=5');
    expect(d.config.base.network!.ghostBatch).toBe(0);
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]).toMatch(/^Ignored gb=5: v = 5 must divide the batch size 16/);
  });

  it('falls back to plain BN when v divides the base batch but not a compared one', () => {
    const d = decodeUrl('p=mlp&gb=16&cmp=batch:8,128');
    expect(d.config.compare.values).toEqual([8, 128]);
    expect(d.config.base.network!.ghostBatch).toBe(0);
    expect(d.notices[0]).toMatch(/^Ignored gb=16: B = 8: v = 16 must divide the batch size 8/);
  });

  it('ignores bad values with one notice each', () => {
    const d = decodeUrl('p=mlp&dat=mnist&hid=99&act=sigmoid&sd=up&sr=9');
    expect(d.notices).toHaveLength(5);
    expect(d.config.base.network!.dataset).toBe('moons');
    expect(d.config.base.network!.hidden).toEqual([32, 32]);
  });
});
