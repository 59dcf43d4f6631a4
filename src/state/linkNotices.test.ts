/**
 * Hostile links: every notice echoes at most 40 characters of what was typed (cut with …),
 * never a control or bidi-override character, never splits an emoji, and stays short;
 * the presenter flag takes exactly its documented values.
 */
import { describe, expect, it } from 'vitest';
import { decodeUrl } from './url';
import { VIEW_FIELDS } from './viewFields';
import { decodeViewParams, SCIENCE_VIEWS } from './viewParams';
import { clipNotice, clipValue } from './urlNotice';

const HUGE = 'x'.repeat(1e5);
const VIEW_KEYS = SCIENCE_VIEWS.flatMap((v) => VIEW_FIELDS[v].map((f) => f.key));
/** Controls (C0, DEL, C1) and bidi overrides/isolates: never echoed. */
const isHidden = (ch: string) =>
  /\p{Cc}/u.test(ch) ||
  [
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
  ].includes(ch);
/** A lone UTF-16 surrogate: half an emoji. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const q = (key: string, value: string) => `?${key}=${encodeURIComponent(value)}`;

function expectSafe(notices: readonly string[]): void {
  for (const n of notices) {
    expect([...n].length, n.slice(0, 80)).toBeLessThanOrEqual(201);
    expect([...n].filter(isHidden)).toEqual([]);
    expect(n).not.toMatch(LONE_SURROGATE);
    // No run of 41 echoed characters: the 10⁵-character value was cut.
    expect(n).not.toMatch(/x{41}/);
  }
}

describe('clipValue', () => {
  it('keeps short values as they are and cuts long ones at 40 characters with …', () => {
    expect(clipValue('abc')).toBe('abc');
    expect(clipValue('y'.repeat(40))).toBe('y'.repeat(40));
    expect(clipValue(HUGE)).toBe(`${'x'.repeat(40)}…`);
  });

  it('counts and cuts whole code points, never half an emoji', () => {
    const v = `a${'😀'.repeat(100)}`;
    const c = clipValue(v);
    expect([...c]).toHaveLength(41);
    expect(c).not.toMatch(LONE_SURROGATE);
    expect(c.endsWith('😀…')).toBe(true);
  });

  it('shows control, C1 and bidi-override characters as ?', () => {
    expect(clipValue('a\nb\u0000c\u007f\u0085\u202ed\u2066')).toBe('a?b?c???d?');
    // Ordinary non-Latin text is echoed as typed.
    expect(clipValue('λ=δ·日本')).toBe('λ=δ·日本');
  });

  it('clipNotice cuts at 200 code points', () => {
    expect(clipNotice('n'.repeat(200))).toBe('n'.repeat(200));
    expect([...clipNotice('😀'.repeat(1000))]).toHaveLength(201);
  });
});

describe('view parameters in hostile links', () => {
  for (const [name, value] of [
    ['a 10⁵-character value', HUGE],
    ['control characters', `1\n2\u0000${HUGE}`],
    ['emoji and a bidi override', `\u202e${'😀'.repeat(5e4)}`],
  ] as const) {
    it(`every view key and tab: ${name} → a short, safe notice and the default`, () => {
      for (const key of [...VIEW_KEYS, 'tab']) {
        const d = decodeViewParams(q(key, value));
        expect(d.notices, key).toHaveLength(1);
        expectSafe(d.notices);
        expect(d.tab).toBe('explorer');
      }
    });
  }

  it('reads a repeated key once, the first (as the explorer codec does)', () => {
    expect(decodeViewParams('?sk=5&sk=abc').params.sweep.seeds).toBe(5);
    expect(decodeViewParams('?sk=5&sk=abc').notices).toEqual([]);
  });

  it('treats keys named like Object members as plain keys', () => {
    const d = decodeViewParams('?__proto__=1&constructor=2&sk=7');
    expect(d.params.sweep.seeds).toBe(7);
    expect(d.notices).toEqual([]);
  });
});

describe('the presenter flag pm', () => {
  it('pm=1 turns presenter mode on and pm=0 leaves it off, both silently', () => {
    expect(decodeUrl('?pm=1').view.presenter).toBe(true);
    const off = decodeUrl('?pm=0');
    expect(off.view.presenter ?? false).toBe(false);
    expect(off.notices).toEqual([]);
  });

  for (const bad of [
    '',
    '2',
    '-1',
    'true',
    'on',
    ' 1',
    '1 ',
    '01',
    '0x1',
    '1e0',
    '１',
    '1\n',
    HUGE,
  ]) {
    it(`pm=${JSON.stringify(bad.slice(0, 8))}${bad.length > 8 ? '…' : ''} is refused with a short notice`, () => {
      const d = decodeUrl(q('pm', bad));
      expect(d.view.presenter ?? false).toBe(false);
      expect(d.notices).toHaveLength(1);
      expect(d.notices[0]).toMatch(/^Ignored pm=.*: expected 0 or 1\.$/s);
      expectSafe(d.notices);
    });
  }

  it('a 10⁵-character value on any explorer key gives short, safe notices', () => {
    for (const key of [
      'p',
      'cmp',
      'b',
      'lr',
      'lrs',
      'bs',
      'x0',
      'cam',
      'th',
      'ex',
      'view',
      'expr',
    ]) {
      const d = decodeUrl(q(key, `\u202e${HUGE}\n`));
      expect(d.notices.length, key).toBeGreaterThan(0);
      expectSafe(d.notices);
    }
  });
});
