/**
 * Shared by the CLI end-to-end tests: spawn the real command line (compiled once per run
 * by tests/cli/globalSetup.ts; through tsx when run without it) and collect its output.
 * Async, so independent tests overlap their process start-up.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const main = join(root, 'src/cli/main.ts');
/** A spawn costs ~0.1–0.5 s of start-up, more on a loaded CI machine. */
export const SLOW = { timeout: 60_000 };

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns Node with these arguments and collects stdout, stderr and the exit status. */
export function exec(args: string[], cwd = root): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const bundle = inject('cliBundle');
export const cli = (...args: string[]) =>
  exec(bundle ? [bundle, ...args] : ['--import', 'tsx', main, ...args]);

/** Runs a command that must succeed silently on stderr, and parses its JSON. */
export async function json(...args: string[]): Promise<Record<string, unknown>> {
  const r = await cli(...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
