// Finds a Chromium and launches it headless the way this machine allows (no background networking,
// no self-update, fresh profile). Shared by the browser tests, the panel benchmark and
// scripts/ensure-chromium.mjs (which `npm test` runs first).
const { accessSync, constants } = require('node:fs');

/** Where Chromium is looked for, after $CHROME_PATH: Debian's package first. */
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The one command that installs what the browser tests need, on Debian or Ubuntu. */
const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: $CHROME_PATH when set (an error when it does not run), else the first
 * candidate installed, else null.
 */
function findChromium(env = process.env, candidates = CHROMIUM_CANDIDATES) {
  const chosen = env.CHROME_PATH;
  if (chosen) {
    if (!isExecutable(chosen)) throw new Error(`CHROME_PATH is ${chosen}, which is not an executable file.`);
    return chosen;
  }
  return candidates.find(isExecutable) ?? null;
}

function missingChromium(candidates) {
  return new Error(
    [
      'The browser tests (tests/browser) need Chromium, and none was found',
      `(looked at $CHROME_PATH, ${candidates.join(', ')}). Install it with:`,
      '',
      `  ${INSTALL_COMMAND}`,
      '',
      'or point CHROME_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
}

/**
 * The Chromium to drive, installed first by `install` (when given: Debian's package, as root) if
 * none is found. Throws an error that names the one command to run when there is still none.
 */
function ensureChromium({ env = process.env, candidates = CHROMIUM_CANDIDATES, install = null } = {}) {
  let found = findChromium(env, candidates);
  if (found === null && install !== null) {
    install();
    found = findChromium(env, candidates);
  }
  if (found === null) throw missingChromium(candidates);
  return found;
}

/** A persistent playwright-core context in `profileDir`, 900 px wide. */
function launchChromium(profileDir) {
  const executablePath = ensureChromium();
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath,
    args: CHROMIUM_ARGS,
    viewport: { width: 900, height: 1000 },
  });
}

module.exports = { CHROMIUM_ARGS, CHROMIUM_CANDIDATES, INSTALL_COMMAND, ensureChromium, findChromium, launchChromium };
