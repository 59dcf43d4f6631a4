#!/usr/bin/env node
// Launcher for the `batchscape` bin: runs the TypeScript entry (src/cli/main.ts) through
// tsx, a devDependency, so the CLI needs no build step. tsx is resolved from this file,
// not from the caller's working directory, so the bin works from anywhere.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
let tsx;
try {
  tsx = import.meta.resolve('tsx');
} catch {
  process.stderr.write('batchscape: tsx is missing; run `npm ci` in the batchscape folder first\n');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', tsx, main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches the child through the terminal's process group; forward other senders'
// signals to it, and outlive it so its exit status becomes ours.
const forward = (signal) => child.kill(signal);
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of signals) process.on(signal, forward);
child.on('exit', (code, signal) => {
  for (const s of signals) process.off(s, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
