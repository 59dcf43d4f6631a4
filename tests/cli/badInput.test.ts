/**
 * Hostile and mistaken invocations, in process: each must exit 2 with nothing on stdout and
 * one short `batchscape:` line (never a stack trace, never more than a screenful), echo at
 * most 40 characters of what was typed, and never print a file's content. The cases are
 * the ones that once died with a RangeError, ran away to gigabytes or read /dev/zero
 * forever, plus the non-decimal numbers that used to be taken silently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './inProcess';

const dir = mkdtempSync(join(tmpdir(), 'bs-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const LONG = 'x'.repeat(100_000);
const MILLION = Array.from({ length: 1_000_001 }, () => '1').join(',');

const ENSEMBLES = ['sweep', 'remedies', 'diffusion'];
/** [argv, expected message]; the message is matched against the single stderr line. */
const CASES: [string[], RegExp][] = [
  ...ENSEMBLES.flatMap((cmd): [string[], RegExp][] => [
    [
      [cmd, '--seeds', '4294967296'],
      /--seeds must be a whole number from \d+ to 100000, got "4294967296"/,
    ],
    [[cmd, '--seeds', '1e20'], /--seeds must be a whole number from \d+ to 100000, got "1e20"/],
    [[cmd, '--seeds', '100000000'], /--seeds must be a whole number from \d+ to 100000/],
    [[cmd, '--seeds', '0x10'], /--seeds must be written in decimal/],
    [[cmd, '--seeds', ''], /--seeds is empty/],
    [[cmd, '--seeds', ' 8 '], /--seeds must not contain spaces/],
    [[cmd, '--seeds', '5.'], /--seeds must be a whole number/],
    [[cmd, '--seeds', '-Infinity'], /--seeds must be a finite integer, got "-Infinity"/],
    [[cmd, '--seed-start', '4294967295', '--seeds', '2'], /runs past the last seed 4294967295/],
    [[cmd, '--seeds', LONG], /--seeds must be a whole number .*, got "x{40}…"$/],
    [[cmd, '--shard', '2/2'], /--shard must be I\/N/],
  ]),
  [
    ['keskar', '--alphas', '0,1,4294967296'],
    /--alphas must be LO,HI,N with LO < HI and a whole N from 2 to 10001/,
  ],
  [['keskar', '--alphas', '0,1,1e9'], /--alphas must be LO,HI,N/],
  [['keskar', '--alphas', MILLION], /--alphas takes at most 10000 comma-separated values/],
  [['keskar', '--small', '100', '--large', '50'], /--small must be less than --large \(50\)/],
  [['keskar', '--eps', '1e-400'], /--eps is too small to represent/],
  [
    ['stability', '--lrs', '0.1,1,4294967296'],
    /--lrs must be LO,HI,N with 0 < LO < HI and a whole N from 2 to 1000/,
  ],
  [['stability', '--lrs', '0.1,1,1e9'], /--lrs must be LO,HI,N/],
  [['stability', '--steps', '1e12'], /--steps must be a whole number from 1 to 1000000/],
  [['diffusion', '--per-decade', '1e9'], /--per-decade must be a whole number from 1 to 100/],
  [
    ['sweep', '--batch', Array.from({ length: 65 }, (_, i) => i + 1).join(',')],
    /--batch takes at most 64/,
  ],
  [
    ['sweep', '--seeds', '100000', '--batch', '1,2,4,8,16,32,64,128,256,512,1024'],
    /would queue 1100000 runs; the limit is 1000000/,
  ],
  [['run', '--batch', '0x10'], /--batch must be written in decimal \(no 0x\/0b\/0o\), got "0x10"/],
  [['run', '--batch', '0b11'], /--batch must be written in decimal/],
  [['run', '--batch', ' 8 '], /--batch must not contain spaces, got " 8 "/],
  [['run', '--batch', '5.'], /--batch must be a whole number ≥ 1, got "5\."/],
  [['run', '--batch', ''], /--batch is empty \(leave the flag out for its default\)/],
  [['run', '--batch='], /--batch is empty/],
  [
    ['run', '--seed', '1e-400'],
    /--seed is too small to represent \(it would become 0\), got "1e-400"/,
  ],
  [['run', '--batch', '-Infinity'], /--batch must be a finite integer, got "-Infinity"/],
  [['run', '--batch', 'NaN'], /--batch must be a finite integer/],
  [['run', '--lr', '1e400'], /--lr is too large \(it overflows to infinity\)/],
  [['run', '--lr', '.'], /--lr must be a decimal number/],
  [['run', '--lr', '0.1.2'], /--lr must be a decimal number/],
  [['run', '--lr', '1_000'], /--lr must be a decimal number/],
  [['run', '--lr', '١'], /--lr must be a decimal number/],
  [['run', '--shift', '0.1,,0.2'], /--shift: "" is empty \(value 2 of "0\.1,,0\.2"\)/],
  [['run', '--start', MILLION], /--start takes at most 10000 comma-separated values/],
  [['run', '--start', '1,2,3'], /^batchscape: start: must have 2 entries, got 3 \(--start\)$/],
  [['run', '--seed', '4294967296'], /seed: must be ≤ 4294967295, got 4294967296 \(--seed\)/],
  [['run', '--steps', '1e9'], /the trajectory would hold/],
  [['run', `--${LONG}`], /unknown flag --x{40}…/],
  [['run', LONG], /unexpected argument "x{40}…"/],
  [[LONG], /unknown command "x{40}…"/],
  [
    ['run', '--config', '/dev/zero'],
    /--config file "\/dev\/zero" is larger than the limit of 1048576 bytes/,
  ],
  [
    ['run', '--config', '/etc/passwd'],
    /--config file "\/etc\/passwd" is not valid JSON \(line 1, column \d+\)$/,
  ],
  [['run', '--config', dir], /cannot read --config file .*: it is a directory/],
  [['run', '--config', join(dir, 'missing.json')], /no such file/],
];

describe('bad input: one short line, exit 2, nothing on stdout', { timeout: 120_000 }, () => {
  it(`${CASES.length + 4} hostile invocations`, async () => {
    const big = file('big.json', `{"lr": 0.1, "pad": "${'y'.repeat(2 << 20)}"}`);
    const secret = file('secret.json', 'SECRET-TOKEN-123 is not json');
    const million = file('million.json', JSON.stringify({ start: Array(100_000).fill(1) }));
    const junk = file(
      'junk.json',
      JSON.stringify({
        preset: LONG,
        optimizer: { kind: LONG },
        lrScaling: LONG,
        landscape: { n: LONG },
      }),
    );
    const cases: [string[], RegExp][] = [
      ...CASES,
      [['run', '--config', big], /larger than the limit/],
      [['run', '--config', secret], /is not valid JSON \(line 1, column 1\)$/],
      [
        ['run', '--config', million],
        /^batchscape: start: must have 2 entries, got 100000 \(--start\)$/,
      ],
      [['run', '--config', junk], /preset: must be one of .*; got "x{40}…"/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(...argv);
      const label = argv.map((a) => (a.length > 30 ? `${a.slice(0, 30)}…` : a)).join(' ');
      expect(r.code, label).toBe(2);
      expect(r.stdout, label).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, label).toHaveLength(1);
      expect(lines[0]!.length, label).toBeLessThanOrEqual(210);
      expect(lines[0], label).toMatch(/^batchscape: /);
      expect(lines[0], label).toMatch(message);
      expect(r.stderr, label).not.toMatch(/SECRET|root:|\n\s+at |RangeError/);
    }
  });
});
