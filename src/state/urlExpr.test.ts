import { describe, expect, it } from 'vitest';
import { decodeUrl, encodeUrl } from './url';
import { initialViewState } from './viewStore';
import { presetDefaults } from '../engine/presets';
import { EXPR_EXAMPLES } from '../engine/expr/examples';

describe('URL codec: custom landscapes', () => {
  it('round-trips every example expression, percent-encoded, with p=custom', () => {
    for (const ex of EXPR_EXAMPLES.slice(1)) {
      const d = decodeUrl(`p=custom&expr=${encodeURIComponent(ex.expr)}`);
      expect(d.notices).toEqual([]);
      expect(d.config.base.landscape.expr).toBe(ex.expr);
      const q = encodeUrl(d.config, initialViewState);
      expect(q).toMatch(/^p=custom&.*expr=/);
      expect(decodeUrl(q).config.base).toEqual(d.config.base);
    }
  });

  it('expr alone implies the custom preset; the default expression is not written', () => {
    const d = decodeUrl(`expr=${encodeURIComponent('(x^2 - 1)^2 + y^2')}`);
    expect(d.config.base.preset).toBe('custom');
    expect(encodeUrl(decodeUrl('p=custom').config, initialViewState)).toBe('p=custom');
  });

  it('a bad or overlong expression falls back to the default with a one-line notice', () => {
    const fallback = presetDefaults('custom').landscape.expr;
    const bad = decodeUrl(`p=custom&expr=${encodeURIComponent('x^2 + (y')}`);
    expect(bad.config.base.landscape.expr).toBe(fallback);
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toMatch(/^Ignored expr=x\^2 \+ \(y: missing '\)' at column 9/);
    expect(bad.notices[0]).not.toMatch(/\n/);
    const flat = decodeUrl('p=custom&expr=x%2By');
    expect(flat.notices[0]).toMatch(/no minimum in view/);
    const long = decodeUrl(`p=custom&expr=${'x%2B'.repeat(200)}x`);
    expect(long.config.base.landscape.expr).toBe(fallback);
    expect(long.notices[0]).toMatch(/longer than 300 characters/);
    expect(long.notices[0]!.length).toBeLessThan(160);
    const wrong = decodeUrl('p=bowl&expr=x%5E2%2By%5E2');
    expect(wrong.config.base.preset).toBe('bowl');
    expect(wrong.notices[0]).toMatch(/only the custom preset/);
  });
});
