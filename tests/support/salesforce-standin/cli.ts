// Runs the plugin as a user would (node bin/run.js ...) against the stand-in, logged in the way
// `sf org login access-token` logs in: @salesforce/core's AuthInfo.create with an access token and
// instance URL, saved (encrypted) under a temporary HOME, with an alias.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SalesforceStandin } from './server';

export const PROJECT = resolve(__dirname, '..', '..', '..');

export type CliRun = { code: number | null; stdout: string; stderr: string };

export function cliEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_LOG_LEVEL: 'debug',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    WALKAWAY_POLL_INTERVAL_MS: '20',
    WALKAWAY_RETRY_BASE_MS: '5',
    ...extra,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, input?: string): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const LOGIN = `
import { AuthInfo } from '@salesforce/core';
const env = process.env;
const auth = env.WALKAWAY_TEST_REFRESH_TOKEN
  ? await AuthInfo.create({ oauth2Options: { refreshToken: env.WALKAWAY_TEST_REFRESH_TOKEN, loginUrl: env.WALKAWAY_TEST_INSTANCE_URL, clientId: 'PlatformCLI' } })
  : await AuthInfo.create({ accessTokenOptions: { accessToken: env.WALKAWAY_TEST_TOKEN, instanceUrl: env.WALKAWAY_TEST_INSTANCE_URL, loginUrl: env.WALKAWAY_TEST_INSTANCE_URL } });
await auth.save();
await auth.setAlias(env.WALKAWAY_TEST_ALIAS);
console.log(auth.getUsername());
`;

/** A temporary HOME logged in to the stand-in under `alias`; the token goes through the environment, never argv. */
export async function loginHome(
  standin: SalesforceStandin,
  alias = 'standin',
  mode: 'access-token' | 'refresh-token' = 'access-token',
): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'walkaway-home-'));
  const env = cliEnv(home, {
    WALKAWAY_TEST_INSTANCE_URL: standin.url,
    WALKAWAY_TEST_ALIAS: alias,
    ...(mode === 'access-token'
      ? { WALKAWAY_TEST_TOKEN: standin.accessToken }
      : { WALKAWAY_TEST_REFRESH_TOKEN: standin.refreshToken }),
  });
  const out = await run(process.execPath, ['--input-type=module', '-e', LOGIN], env, PROJECT);
  if (out.code !== 0) throw new Error(`login failed: ${out.stderr}`);
  return home;
}

/** `node bin/run.js <args>` in `cwd` with HOME = `home`. */
export function walkaway(
  home: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return run(
    process.execPath,
    [join(PROJECT, 'bin', 'run.js'), ...args],
    cliEnv(home, options.env),
    options.cwd ?? PROJECT,
  );
}
