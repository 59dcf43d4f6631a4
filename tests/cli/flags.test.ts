/** The flag parser, the config-flag table and its documentation, in process (no spawn). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../src/engine/config';
import { presetDefaults } from '../../src/engine/presets';
import { resolveConfig } from '../../src/engine/validate';
import { CONFIG_FLAGS, configFlagDecls, flagForPath } from '../../src/cli/configFlags';
import { buildConfigInput } from '../../src/cli/configInput';
import { Flags, UsageError, parseArgs } from '../../src/cli/flags';
import { diffusionCommand } from '../../src/cli/commands/diffusion';
import { runCommand } from '../../src/cli/commands/run';
import { surfaceCommand } from '../../src/cli/commands/surface';
import { sweepCommand } from '../../src/cli/commands/sweep';

const decls = [{ name: 'batch' }, { name: 'shift' }, { name: 'same', boolean: true }];

describe('parseArgs', () => {
  it('reads --name value, --name=value, switches and negative numbers', () => {
    const a = parseArgs(['--batch', '4', '--shift', '-0.1,0.2', '--same'], decls);
    expect(a.values.get('batch')).toBe('4');
    expect(a.values.get('shift')).toBe('-0.1,0.2');
    expect(a.booleans.get('same')).toBe(true);
    const b = parseArgs(['--batch=8', '--same=false'], decls);
    expect(b.values.get('batch')).toBe('8');
    expect(b.booleans.get('same')).toBe(false);
  });

  it('rejects unknown, repeated and value-less flags', () => {
    expect(() => parseArgs(['--nope'], decls)).toThrow(/unknown flag --nope/);
    expect(() => parseArgs(['--batch', '1', '--batch', '2'], decls)).toThrow(/more than once/);
    expect(() => parseArgs(['--batch', '--same'], decls)).toThrow(/--batch needs a value/);
    expect(() => parseArgs(['-x'], decls)).toThrow(UsageError);
  });
});

/** Every leaf path of a config, with schedule parameters of every kind. */
function leafPaths(): Set<string> {
  const paths = new Set<string>();
  const walk = (v: unknown, path: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    else paths.add(path);
  };
  for (const preset of PRESET_IDS) walk(presetDefaults(preset), '');
  // Optional fields are absent from the defaults: set them to see their paths.
  const optional = resolveConfig({ metricsPerDecade: 0 });
  if (optional.ok) walk(optional.config, '');
  for (const kind of ['warmup', 'step', 'cosine']) {
    const r = resolveConfig({ lrSchedule: { kind } });
    if (r.ok) walk(r.config.lrSchedule, 'lrSchedule');
  }
  const g = resolveConfig({ batchSchedule: { kind: 'grow' } });
  if (g.ok) walk(g.config.batchSchedule, 'batchSchedule');
  return paths;
}

describe('config flag table', () => {
  it('has a flag for every config field, and every flag sets a real field', () => {
    const paths = leafPaths();
    paths.delete('version');
    for (const p of paths) expect(flagForPath(p), p).not.toBeNull();
    for (const c of CONFIG_FLAGS) {
      if (c.path === '' || c.path === 'budget') continue;
      expect(paths.has(c.path), `--${c.name} → ${c.path}`).toBe(true);
    }
  });

  it('maps flags onto a config the engine accepts', () => {
    const argv = [
      '--preset',
      'sharp-flat',
      '--batch',
      '32',
      '--lr-schedule',
      'step',
      '--milestones',
      '0.5,0.75',
      '--lr-factor',
      '0.2',
      '--batch-schedule',
      'grow',
      '--batch-cap',
      '512',
      '--regime-adaptation',
      '--steps',
      '100',
      '--shift',
      '0.1',
      '--start',
      '0.5,-0.5',
      '--optimizer',
      'nesterov',
    ];
    const flags = new Flags(parseArgs(argv, configFlagDecls()));
    const r = resolveConfig(buildConfigInput(flags, 'bowl'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      preset: 'sharp-flat',
      batch: 32,
      lrSchedule: { kind: 'step', milestones: [0.5, 0.75], factor: 0.2 },
      batchSchedule: { kind: 'grow', cap: 512 },
      regimeAdaptation: true,
      budget: { unit: 'steps', amount: 100 },
      start: [0.5, -0.5],
      optimizer: { kind: 'nesterov' },
    });
  });

  it('says which schedule a schedule parameter needs', () => {
    const flags = new Flags(parseArgs(['--warmup', '0.2'], configFlagDecls()));
    expect(() => buildConfigInput(flags, 'sharp-flat')).toThrow(
      /--warmup applies only with --lr-schedule warmup/,
    );
  });
});

describe('docs/cli.md', () => {
  it('documents every flag of every command', () => {
    const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    const names = [
      ...CONFIG_FLAGS.map((c) => c.name),
      ...[runCommand, sweepCommand, diffusionCommand, surfaceCommand].flatMap((c) =>
        c.options.map((o) => o.name),
      ),
    ];
    for (const name of names) expect(doc, `--${name}`).toMatch(new RegExp(`--${name}\\b`));
  });
});
