/**
 * Runs the command line in this process (main() from src/cli/cli.ts) with stdout and
 * stderr captured: the bad-input, fuzz and shard tests make hundreds of invocations, and a
 * process start each (~0.3 s of tsx, far more on a loaded machine) would dominate them.
 * Invocations are serialised: the capture swaps the process's own write functions.
 */
import { main } from '../../src/cli/cli';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

let queue: Promise<unknown> = Promise.resolve();

export function runCli(...argv: string[]): Promise<Captured> {
  const run = async (): Promise<Captured> => {
    let stdout = '';
    let stderr = '';
    const out = process.stdout.write;
    const err = process.stderr.write;
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    }) as typeof process.stderr.write;
    try {
      const code = await main(argv);
      return { code, stdout, stderr };
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
