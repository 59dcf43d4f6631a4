import { describe, expect, it } from 'vitest';
import { MISSING, basinText, formatCount, formatNumber, stateText } from './format';

describe('formatNumber', () => {
  it('keeps three significant digits without trailing zeros', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(123.456)).toBe('123');
    expect(formatNumber(-11.94)).toBe('-11.9');
    expect(formatNumber(1234.5)).toBe('1235');
  });

  it('switches to exponent form for tiny and huge magnitudes', () => {
    expect(formatNumber(1.2345e-5)).toBe('1.23e-5');
    expect(formatNumber(0.000999)).toBe('9.99e-4');
    expect(formatNumber(12345)).toBe('1.23e4');
    expect(formatNumber(1e8)).toBe('1e8');
    expect(formatNumber(-2.5e-7)).toBe('-2.5e-7');
  });

  it('parses back to (nearly) the same value', () => {
    for (const v of [3.14159, -0.00042, 98765, 0.01, 7]) {
      expect(parseFloat(formatNumber(v))).toBeCloseTo(v, -Math.floor(Math.log10(Math.abs(v))) + 1);
    }
  });

  it('says what is missing or infinite', () => {
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(undefined)).toBe(MISSING);
    expect(formatNumber(NaN)).toBe(MISSING);
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('-∞');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatCount', () => {
  it('is exact below ten thousand, compact above', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9999)).toBe('9999');
    expect(formatCount(25600)).toBe('25.6k');
    expect(formatCount(100000)).toBe('100k');
    expect(formatCount(1_230_000)).toBe('1.23M');
    expect(formatCount(null)).toBe(MISSING);
  });
});

describe('basinText', () => {
  it('names basins, prefers landscape labels, and knows "between"', () => {
    expect(basinText('sharp', true, true)).toBe('sharp minimum');
    expect(basinText('flat', true, true, { flat: 'wide basin' })).toBe('wide basin');
    expect(basinText(null, true, true)).toBe('between basins');
    expect(basinText(null, true, false)).toBe(MISSING);
    expect(basinText('sharp', false, true)).toBe(MISSING);
    expect(basinText('odd', true, true)).toBe('odd');
  });
});

describe('stateText', () => {
  it('reports where a run diverged', () => {
    expect(stateText({ state: 'diverged', divergedAt: 412, error: null })).toBe(
      'diverged at step 412',
    );
    expect(stateText({ state: 'running', divergedAt: null, error: null })).toBe('running');
    expect(stateText({ state: 'done', divergedAt: null, error: 'boom' })).toBe('error');
  });
});
