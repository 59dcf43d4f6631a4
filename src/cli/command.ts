/**
 * What a CLI command is (its own flags, whether it takes the config flags, its action)
 * and how its `--help` is rendered: from the same declarations the parser uses.
 */
import type { PresetId } from '../engine/config';
import { configFlagDecls, configFlagList, defaultText } from './configFlags';
import type { Planner } from './ensembleCommand';
import type { FlagDecl, Flags } from './flags';

export interface OptionSpec {
  name: string;
  /** Placeholder for the value; '' for a switch. */
  arg: string;
  default: string;
  help: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Extra help lines (what the output means). */
  details?: string[];
  options: OptionSpec[];
  /** Takes the shared config flags, minus those the command redefines. */
  config?: { defaultPreset: PresetId; omit: string[] };
  examples: string[];
  /** Ensemble commands are asynchronous (they wait for the worker pool). */
  run(flags: Flags): void | Promise<void>;
  /** Ensemble commands: the job list and how results become output (`merge` replays it). */
  plan?: Planner;
  /** Takes file names as arguments (merge); every other command takes only flags. */
  files?: boolean;
}

export const FORMAT_OPTION: OptionSpec = {
  name: 'format',
  arg: 'json|csv',
  default: 'json',
  help: 'output format on stdout',
};

/** Ensemble commands run their jobs on worker threads (src/cli/pool.ts). */
export const WORKERS_OPTION: OptionSpec = {
  name: 'workers',
  arg: 'N',
  default: 'the number of cores',
  help: 'worker threads (the output is identical for any N)',
};

export function commandDecls(cmd: Command): FlagDecl[] {
  const own = cmd.options.map((o) => ({ name: o.name, boolean: o.arg === '' }));
  const config = cmd.config ? configFlagDecls(cmd.config.omit) : [];
  const decls = [...own, ...config, { name: 'help', boolean: true }];
  // A command flag that shadows a config flag must omit it, or one of them is unreachable.
  const names = decls.map((d) => d.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`${cmd.name}: --${twice} is declared twice (omit the config flag)`);
  return decls;
}

const COL = 30;

function line(name: string, arg: string, help: string, def: string): string {
  const head = `  --${name}${arg ? ` ${arg}` : ''}`;
  const pad = head.length < COL ? ' '.repeat(COL - head.length) : '\n' + ' '.repeat(COL);
  return `${head}${pad}${help}${def ? ` (default: ${def})` : ''}`;
}

export function renderHelp(cmd: Command): string {
  const out = [
    `batchscape ${cmd.name} — ${cmd.summary}`,
    '',
    `Usage: batchscape ${cmd.name} [flags]`,
  ];
  if (cmd.details?.length) out.push('', ...cmd.details);
  out.push('', 'Flags:');
  for (const o of cmd.options) out.push(line(o.name, o.arg, o.help, o.default));
  out.push(line('help', '', 'print this help and exit (also -h)', ''));
  if (cmd.config) {
    const preset = cmd.config.defaultPreset;
    out.push(
      '',
      `Config flags (defaults shown are the ${preset} preset's; \`batchscape presets\` lists every preset's):`,
    );
    let group = '';
    for (const c of configFlagList(cmd.config.omit)) {
      if (c.group !== group) {
        group = c.group;
        out.push(` ${group}:`);
      }
      out.push(line(c.name, c.arg, c.help, defaultText(c, preset)));
    }
  }
  if (cmd.examples.length) out.push('', 'Examples:', ...cmd.examples.map((e) => `  ${e}`));
  return out.join('\n') + '\n';
}

/** The flags of the matched small-vs-large comparisons (`remedies`, `network`). */
export const MATCHED_OPTIONS: OptionSpec[] = [
  { name: 'small', arg: 'B', default: '16', help: 'the small (baseline) batch size' },
  { name: 'large', arg: 'B', default: 'n, the full batch', help: 'the large batch size' },
  { name: 'seeds', arg: 'K', default: '16', help: 'runs per recipe' },
  { name: 'seed-start', arg: 'S', default: '1', help: 'first seed (seeds S … S+K−1)' },
];
