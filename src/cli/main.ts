/** The process entry of the command line (cli.ts holds the commands and main()). */
import { main } from './cli';

// A closed pipe (`batchscape run | head`) is a normal way to stop reading, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
