/**
 * The batchscape command line: `batchscape <command> [flags]` over the same engine as
 * the browser. User mistakes print one short `batchscape: …` line per problem on stderr
 * (at most LIMITS.errorLines, the rest counted) and exit 2 (never a stack trace); results
 * go to stdout only. main.ts is the process entry; tests call main() in process.
 */
import { readFileSync } from 'node:fs';
import { ConfigInvalidError } from '../engine/run';
import { commandDecls, renderHelp, type Command } from './command';
import { diffusionCommand } from './commands/diffusion';
import { keskarCommand } from './commands/keskar';
import { createMergeCommand } from './commands/merge';
import { networkCommand } from './commands/network';
import { presetsCommand } from './commands/presets';
import { remediesCommand } from './commands/remedies';
import { runCommand } from './commands/run';
import { stabilityCommand } from './commands/stability';
import { surfaceCommand } from './commands/surface';
import { sweepCommand } from './commands/sweep';
import { Flags, UsageError, parseArgs, quote, usageError } from './flags';
import { LIMITS } from './limits';

const COMMANDS: readonly Command[] = [
  runCommand,
  sweepCommand,
  remediesCommand,
  networkCommand,
  diffusionCommand,
  keskarCommand,
  stabilityCommand,
  surfaceCommand,
  presetsCommand,
  createMergeCommand((name) => COMMANDS.find((c) => c.name === name)),
];

function generalHelp(): string {
  const names = COMMANDS.map((c) => `  ${c.name.padEnd(11)}${c.summary}`);
  return [
    'batchscape — loss-landscape experiments: why large-batch SGD generalizes worse',
    '',
    'Usage: batchscape <command> [flags]      (or: npm run cli -- <command> [flags])',
    '',
    'Commands:',
    ...names,
    `  ${'help'.padEnd(11)}this text, or \`batchscape help <command>\` for a command's flags`,
    '',
    'Every command takes --help. Output goes to stdout as JSON (default) or CSV; a progress',
    'bar appears on stderr only when it is a terminal. Exit codes: 0 ok, 2 usage or config error.',
    '',
  ].join('\n');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return `batchscape ${(pkg as { version: string }).version}\n`;
}

function find(name: string): Command {
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const known = [...COMMANDS.map((c) => c.name), 'help'].join(', ');
    throw usageError(`unknown command ${quote(name)} (commands: ${known})`);
  }
  return cmd;
}

/** Runs one invocation; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) throw usageError('missing command; try "batchscape help"');
    if (name === 'help' || name === '--help' || name === '-h') {
      if (rest.length > 1) throw usageError('help takes at most one command name');
      process.stdout.write(rest[0] ? renderHelp(find(rest[0])) : generalHelp());
      return 0;
    }
    if (name === '--version') {
      process.stdout.write(version());
      return 0;
    }
    const cmd = find(name);
    // --help wins over every other flag, even malformed ones.
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(renderHelp(cmd));
      return 0;
    }
    const args = parseArgs(rest, commandDecls(cmd));
    if (args.positionals.length && !cmd.files)
      throw usageError(
        `unexpected argument ${quote(args.positionals[0]!)} (${cmd.name} takes only flags)`,
      );
    await cmd.run(new Flags(args));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return report(e.lines, 2);
    if (e instanceof ConfigInvalidError)
      return report(
        e.errors.map((err) => `${err.path}: ${err.message}`),
        2,
      );
    // Not the user's mistake, but still one line: a stack trace helps nobody at a terminal.
    const message = e instanceof Error ? e.message : String(e);
    return report([`internal error: ${oneLine(message)}`], 1);
  }
}

/** Error lines are cut to one screen line each, and only the first few printed. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function report(lines: readonly string[], code: number): number {
  const shown = lines.slice(0, LIMITS.errorLines);
  for (const line of shown) process.stderr.write(`batchscape: ${oneLine(line)}\n`);
  if (lines.length > shown.length)
    process.stderr.write(`batchscape: … and ${lines.length - shown.length} more problems\n`);
  return code;
}
