// `npm test`: every gate in order, stopping at the first failure.
// Stages shell out to local binaries (never a global or a download) with inherited stdio.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const skipE2E = process.env.SKIP_E2E === '1';
const resultsDir = resolve(root, 'test-results');

// Each Vitest stage also writes a JSON report, so the run ends with one plain
// "N passed, N failed" line that any CI can read.
function counted(name) {
  mkdirSync(resultsDir, { recursive: true });
  rmSync(resolve(resultsDir, `${name}.json`), { force: true }); // never count a stale report
  return [
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resolve(resultsDir, `${name}.json`)}`,
  ];
}

function tally(names) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const name of names) {
    try {
      const r = JSON.parse(readFileSync(resolve(resultsDir, `${name}.json`), 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    } catch {
      // A stage that did not run (skipped or stopped early) has no report.
    }
  }
  return `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

// typecheck and lint are single-threaded: on a 2-core machine they run side by side.
const checks = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.'] },
];

const stages = [
  { name: 'unit', cmd: bin('vitest'), args: ['run', ...counted('unit')] },
  {
    name: 'e2e',
    skip: skipE2E && 'SKIP_E2E=1',
    // Resolve (or install) Chromium before Vitest starts, so a missing browser is one clear line.
    before: () => console.log(`[test] chromium: ${findChromium()}`),
    cmd: bin('vitest'),
    args: ['run', '-c', 'vitest.e2e.config.ts', ...counted('e2e')],
  },
];

const timings = [];
const summary = () =>
  timings
    .map(
      ({ name, status, ms }) =>
        `${name} ${status}${ms === undefined ? '' : ` ${(ms / 1000).toFixed(1)}s`}`,
    )
    .join(' | ');

const runAsync = ({ cmd, args }) =>
  new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`[test] ${cmd}: ${error.message}`);
      done(1);
    });
    child.on('close', (status) => done(status ?? 1));
  });

console.log(`\n[test] ==> ${checks.map((c) => c.name).join(' + ')} (side by side)`);
const checkStatus = await Promise.all(
  checks.map(async (check) => {
    const start = performance.now();
    const status = await runAsync(check);
    timings.push({
      name: check.name,
      status: status === 0 ? 'ok' : 'FAILED',
      ms: performance.now() - start,
    });
    return status;
  }),
);
const failedCheck = checkStatus.find((status) => status !== 0);
if (failedCheck !== undefined) {
  console.error(
    `\n[test] FAILED at ${timings
      .filter((t) => t.status !== 'ok')
      .map((t) => t.name)
      .join(' + ')} — ${summary()}`,
  );
  process.exit(failedCheck);
}

for (const stage of stages) {
  if (stage.skip) {
    console.log(`\n[test] ==> ${stage.name}: SKIPPED (${stage.skip})`);
    timings.push({ name: stage.name, status: 'skipped' });
    continue;
  }
  console.log(
    `\n[test] ==> ${stage.name}: ${[stage.cmd.replace(`${root}/`, ''), ...stage.args].join(' ')}`,
  );
  const start = performance.now();
  let status = 1;
  try {
    stage.before?.();
    status = spawnSync(stage.cmd, stage.args, { cwd: root, stdio: 'inherit' }).status ?? 1;
  } catch (error) {
    console.error(`[test] ${stage.name}: ${error instanceof Error ? error.message : error}`);
  }
  const ms = performance.now() - start;
  timings.push({ name: stage.name, status: status === 0 ? 'ok' : 'FAILED', ms });
  if (status !== 0) {
    console.error(`\n[test] FAILED at ${stage.name} — ${summary()}`);
    console.log(tally(['unit', 'e2e']));
    process.exit(status);
  }
}
console.log(`\n[test] all passed — ${summary()}`);
console.log(tally(['unit', 'e2e']));
