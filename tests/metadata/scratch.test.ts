// scripts/install-scratch.sh against a real Dev Hub: runs only when one is named in the
// environment (SF_DEVHUB or TESTKIT_HUB_USERNAME) and the sf CLI is on PATH; skipped otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './support/forceApp';

const hub = process.env.SF_DEVHUB ?? process.env.TESTKIT_HUB_USERNAME;
const sf = spawnSync('sf', ['--version'], { encoding: 'utf8' }).status === 0;
const why = !hub
  ? 'no Dev Hub given: set SF_DEVHUB (or TESTKIT_HUB_USERNAME) to a Dev Hub username to run it'
  : !sf
    ? 'the Salesforce CLI (sf) is not on PATH'
    : null;

if (why) {
  console.log(`scratch.test.ts skipped: ${why}.`);
}

const env = {
  ...process.env,
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_DISABLE_TELEMETRY: 'true',
};
const run = why ? test.skip : test;
const alias = `walkaway-test-${Date.now()}`;

afterAll(() => {
  if (!why)
    spawnSync('sf', ['org', 'delete', 'scratch', '--target-org', alias, '--no-prompt'], { env, stdio: 'inherit' });
});

run(
  'install-scratch.sh creates, deploys, assigns, loads and passes the Apex tests',
  () => {
    execFileSync('bash', [join(ROOT, 'scripts', 'install-scratch.sh'), alias, '1'], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
      timeout: 50 * 60_000,
    });
    const query = execFileSync(
      'sf',
      ['data', 'query', '--query', 'SELECT COUNT() FROM Opportunity', '--target-org', alias, '--json'],
      { cwd: ROOT, env, encoding: 'utf8' },
    );
    expect(JSON.parse(query).result.totalSize).toBeGreaterThan(0);
  },
  60 * 60_000,
);
