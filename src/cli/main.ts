/**
 * The batchscape command line: `batchscape <command> [flags]` over the same engine as
 * the browser. User mistakes print one `batchscape: …` line per problem on stderr and
 * exit 2 (never a stack trace); results go to stdout only.
 */
import { readFileSync } from 'node:fs';
import { ConfigInvalidError } from '../engine/run';
import { commandDecls, renderHelp, type Command } from './command';
import { diffusionCommand } from './commands/diffusion';
import { keskarCommand } from './commands/keskar';
import { networkCommand } from './commands/network';
import { presetsCommand } from './commands/presets';
import { remediesCommand } from './commands/remedies';
import { runCommand } from './commands/run';
import { stabilityCommand } from './commands/stability';
import { surfaceCommand } from './commands/surface';
import { sweepCommand } from './commands/sweep';
import { Flags, UsageError, parseArgs, quote, usageError } from './flags';

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
    if (args.positionals.length)
      throw usageError(
        `unexpected argument ${quote(args.positionals[0]!)} (${cmd.name} takes only flags)`,
      );
    await cmd.run(new Flags(args));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      for (const line of e.lines) process.stderr.write(`batchscape: ${line}\n`);
      return 2;
    }
    if (e instanceof ConfigInvalidError) {
      for (const err of e.errors) process.stderr.write(`batchscape: ${err.path}: ${err.message}\n`);
      return 2;
    }
    throw e;
  }
}

// A closed pipe (`batchscape run | head`) is a normal way to stop reading, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
