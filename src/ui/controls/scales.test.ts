import { describe, expect, it } from 'vitest';
import { batchIndex, batchSteps, formatNumber, lrBounds, roundSig, stepBatch } from './scales';
import { defaultValues, nextValue } from './comparison';
import { presetDefaults } from '../../engine/presets';

describe('batch scale', () => {
  it('is the powers of two up to N, plus N itself', () => {
    expect(batchSteps(16)).toEqual([1, 2, 4, 8, 16]);
    expect(batchSteps(20)).toEqual([1, 2, 4, 8, 16, 20]);
    expect(batchSteps(1)).toEqual([1]);
  });
  it('maps a batch to its nearest slider position and steps along it, clamped', () => {
    expect(batchIndex(8, 1024)).toBe(3);
    expect(batchIndex(1000, 1000)).toBe(10);
    expect(stepBatch(8, 1024, 1)).toBe(16);
    expect(stepBatch(1024, 1024, 1)).toBe(1024);
    expect(stepBatch(1000, 1000, -1)).toBe(512);
    expect(stepBatch(512, 1000, 1)).toBe(1000);
    expect(stepBatch(1, 1000, -1)).toBe(1);
    expect(stepBatch(12, 1000, 1)).toBe(16);
  });
});

describe('learning-rate scale', () => {
  it('covers 1e-4…1, up to 10 on the random potential, and always the current value', () => {
    expect(lrBounds('sharp-flat', 0.01)).toEqual([1e-4, 1]);
    expect(lrBounds('random-potential', 2)).toEqual([1e-3, 10]);
    expect(lrBounds('bowl', 3)).toEqual([1e-4, 3]);
  });
  it('rounds and prints numbers briefly', () => {
    expect(roundSig(0.031622776)).toBe(0.0316);
    expect(formatNumber(0.0316)).toBe('0.0316');
    expect(formatNumber(2e-5)).toBe('2.0e-5');
  });
});

describe('comparison values', () => {
  const base = presetDefaults('sharp-flat');
  it('defaults to a visible contrast and keeps the run count', () => {
    expect(defaultValues('batch', base, 2)).toEqual([8, 1024]);
    expect(defaultValues('lr', base, 2)).toEqual([0.01, 0.1]);
    expect(defaultValues('optimizer', base, 3)).toEqual(['sgd', 'momentum', 'nesterov']);
    expect(defaultValues('seed', base, 2)).toEqual([1, 2]);
  });
  it('adds a batch between the extremes that is not shown yet', () => {
    expect(nextValue('batch', [8, 512], base)).toBe(64);
    expect(nextValue('batch', [1, 2, 4, 8], presetDefaults('bowl'))).toBe(16);
    expect(nextValue('lr', [0.01, 0.1], base)).toBe(0.2);
    expect(nextValue('lr', [0.01, 1], base)).toBe(0.005);
  });
});
