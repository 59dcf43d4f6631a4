/** `batchscape presets`: every landscape preset with its blurb and full default config. */
import { PRESET_IDS } from '../../engine/config';
import { PRESETS, presetDefaults } from '../../engine/presets';
import type { Command } from '../command';
import type { Flags } from '../flags';
import { emit, toJson } from '../output';

export const presetsCommand: Command = {
  name: 'presets',
  summary: 'list the landscape presets with one-line blurbs and their default configs',
  details: [
    'JSON: {"presets": [{"id", "title", "blurb", "variableDim", "defaults": <RunConfig>}]}.',
    'text: one line per preset, "id — blurb".',
  ],
  options: [{ name: 'format', arg: 'json|text', default: 'json', help: 'output format on stdout' }],
  examples: ['batchscape presets', 'batchscape presets --format text'],
  run(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'text'] as const);
    const presets = PRESET_IDS.map((id) => ({ ...PRESETS[id], defaults: presetDefaults(id) }));
    if (format === 'text') emit(presets.map((p) => `${p.id} — ${p.blurb}`).join('\n'));
    else emit(toJson({ presets }));
  },
};
