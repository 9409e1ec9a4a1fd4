// Debian's Chromium, launched headless the way this machine allows (no background networking,
// no self-update, fresh profile). Shared by the browser tests and the panel benchmark.
const CHROMIUM = '/usr/bin/chromium';

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

/** A persistent playwright-core context in `profileDir`, 900 px wide. */
function launchChromium(profileDir) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 900, height: 1000 },
  });
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, launchChromium };
