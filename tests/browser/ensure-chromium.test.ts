// `npm test` first runs scripts/ensure-chromium.mjs: it finds a Chromium, installs Debian's package
// when it may (root with apt-get), or stops with the one command to run.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTALL_COMMAND, ensureChromium, findChromium } from '../../scripts/preview/chromium.cjs';

let dir: string;
let fakeChromium: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'walkaway-ensure-chromium-'));
  fakeChromium = join(dir, 'chromium');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const installFake = (): void => {
  writeFileSync(fakeChromium, '#!/bin/sh\n');
  chmodSync(fakeChromium, 0o755);
};

it('takes CHROME_PATH first, and says so when it is not a program', () => {
  installFake();
  expect(findChromium({ CHROME_PATH: fakeChromium }, ['/usr/bin/chromium'])).toBe(fakeChromium);
  expect(() => findChromium({ CHROME_PATH: join(dir, 'nothing') })).toThrow(
    `CHROME_PATH is ${join(dir, 'nothing')}, which is not an executable file.`,
  );
});

it('takes the first installed candidate and ignores a file that is not executable', () => {
  writeFileSync(join(dir, 'not-a-program'), '');
  installFake();
  expect(findChromium({}, [join(dir, 'missing'), join(dir, 'not-a-program'), fakeChromium])).toBe(fakeChromium);
  expect(findChromium({}, [join(dir, 'missing')])).toBeNull();
});

it('installs when it may and none is found, then uses what was installed', () => {
  const install = jest.fn(installFake);
  expect(ensureChromium({ env: {}, candidates: [fakeChromium], install })).toBe(fakeChromium);
  expect(install).toHaveBeenCalledTimes(1);
});

it('does not install when one is found', () => {
  installFake();
  const install = jest.fn();
  expect(ensureChromium({ env: {}, candidates: [fakeChromium], install })).toBe(fakeChromium);
  expect(install).not.toHaveBeenCalled();
});

it('stops with the one command to run when none is found and it may not install', () => {
  expect(() => ensureChromium({ env: {}, candidates: [fakeChromium], install: null })).toThrow(
    `none was found\n(looked at $CHROME_PATH, ${fakeChromium}). Install it with:\n\n  ${INSTALL_COMMAND}\n`,
  );
  expect(INSTALL_COMMAND).toBe('sudo apt-get update && sudo apt-get install -y chromium');
});
