// Run by `npm test` before anything else: the browser tests need a Chromium. Finds one
// ($CHROME_PATH, then Debian's /usr/bin/chromium and the usual places); when there is none and we
// run as root on a machine with apt-get (CI, containers), installs Debian's package; otherwise
// stops at once with the one command to run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureChromium } = require('./preview/chromium.cjs');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

function aptGet(...args) {
  console.log(`ensure-chromium: apt-get ${args.join(' ')}`);
  const run = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${String(run.status)}).`);
}

try {
  ensureChromium({
    install:
      isRoot && hasAptGet
        ? () => {
            console.log('ensure-chromium: no Chromium found; installing Debian package chromium (as root).');
            aptGet('update', '-qq');
            aptGet('install', '-y', '-qq', 'chromium');
          }
        : null,
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
