import { describe, expect, it } from 'vitest';
import { shortBasin, shortRunLabel } from './narrowLabels';

describe('shortRunLabel', () => {
  it('abbreviates only the long words of run labels, never numbers', () => {
    expect(shortRunLabel('momentum')).toBe('mom.');
    expect(shortRunLabel('Nesterov')).toBe('Nest.');
    expect(shortRunLabel('regime adapted')).toBe('adapt.');
    expect(shortRunLabel('same epochs')).toBe('same ep.');
    for (const same of ['SGD', 'Adam', 'B = 1024', 'η = 0.00316', 'seed 12'])
      expect(shortRunLabel(same)).toBe(same);
  });
});

describe('shortBasin', () => {
  it('keeps the basin name, drops the word the row label already says', () => {
    expect(shortBasin('flat minimum')).toBe('flat');
    expect(shortBasin('sharp minimum')).toBe('sharp');
    expect(shortBasin('left basin')).toBe('left');
    expect(shortBasin('between basins')).toBe('between basins');
    expect(shortBasin('—')).toBe('—');
  });
});
