// Locate a system Chromium for the browser tests. playwright-core ships no browser, and we
// use the distro build rather than `playwright install` so CI needs no extra download host.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

const HOW_TO_FIX =
  'Chromium not found. Install Chromium (e.g. `sudo apt-get install chromium`) or set CHROMIUM_PATH=/path/to/chrome';

/** Flags for a raw Chromium spawn. Software GL (SwiftShader) so WebGL works without a GPU. */
export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-gl=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The same flags for playwright-core's `chromium.launch({ headless: true, args })`:
 * Playwright adds its own headless flag (and --no-sandbox unless `chromiumSandbox: true`),
 * so passing ours too would only duplicate or fight them. */
export const playwrightArgs = launchArgs.filter((a) => a !== '--headless' && a !== '--no-sandbox');

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function lookOnce() {
  for (const name of ['CHROMIUM_PATH', 'CHROME_PATH']) {
    const fromEnv = process.env[name];
    if (fromEnv) {
      // An explicit path that is wrong is a mistake to report, not to paper over.
      if (!isExecutable(fromEnv)) throw new Error(`${name}=${fromEnv} is not an executable file.`);
      return fromEnv;
    }
  }
  return CANDIDATES.find(isExecutable);
}

function canAutoInstall() {
  return process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`\`${cmd} ${args.join(' ')}\` failed. ${HOW_TO_FIX}`);
}

/** Path to a Chromium executable; installs the distro package when running as root on Debian. */
export function findChromium() {
  const found = lookOnce();
  if (found) return found;
  if (!canAutoInstall()) throw new Error(HOW_TO_FIX);
  console.log('[find-chromium] No Chromium found; installing it with apt-get (running as root).');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  const installed = lookOnce();
  if (!installed) throw new Error(HOW_TO_FIX);
  return installed;
}

// `node scripts/find-chromium.mjs` prints the path (handy for debugging CI).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
