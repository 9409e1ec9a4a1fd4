// Runs a walkaway command inside the test process, as plugin-template-sf's unit tests do: the same
// oclif Config and command classes as `bin/run.js` (from lib/: build first), with stdout and stderr
// captured and the exit code read back. Much faster than a process per case; tests of what only a
// real process shows (its exit status, stdout piped to another program, a small heap) spawn
// bin/run.js instead (`score` in ./cli, in the *.e2e.test.ts files).
//
// The command modules are ES modules, which jest's CommonJS sandbox cannot load (their `import()`
// needs --experimental-vm-modules). They are loaded by Node's own loader
// (`process.getBuiltinModule('node:module').createRequire`), so they run as they do under
// bin/run.js, once per test file.
import { join } from 'node:path';
import type { Config } from '@oclif/core';

export type Run = { status: number; stdout: string; stderr: string };

const ROOT = join(__dirname, '..', '..', '..');

/** The environment bin/run.js gets in the spawned tests: no update checks, telemetry or colour. */
const ENV: Record<string, string> = {
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_DISABLE_TELEMETRY: 'true',
  SF_CONTENT_TYPE: '',
  FORCE_COLOR: '0',
};

type NodeModule = typeof import('node:module');
const nodeRequire = (process as unknown as { getBuiltinModule(id: 'node:module'): NodeModule })
  .getBuiltinModule('node:module')
  .createRequire(join(ROOT, 'package.json'));
/** The real process (jest gives tests a copy): the one the commands read and write. */
const realProcess = nodeRequire('node:process') as NodeJS.Process;

async function withEnv<T>(work: () => Promise<T>, extra: Record<string, string> = {}): Promise<T> {
  const { env } = realProcess;
  const set = { ...ENV, ...extra };
  const saved = Object.fromEntries(Object.keys(set).map((k) => [k, env[k]]));
  Object.assign(env, set);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
  }
}

let config: Promise<Config> | undefined;
function loadConfig(): Promise<Config> {
  config ??= (async () => {
    const loaded = await (nodeRequire('@oclif/core') as typeof import('@oclif/core')).Config.load({ root: ROOT });
    await Promise.all(loaded.commands.map((c) => c.load())); // the plugin's modules, once per file
    return loaded;
  })();
  return config;
}

// Loading oclif and the plugin takes seconds on a busy machine: once per file, before its tests.
// A single command can also take longer than jest's default 5 s there (a spawned run had no limit).
jest.setTimeout(60_000);
beforeAll(() => withEnv(loadConfig), 120_000);

/** Runs share the process's stdout, exit code and folder: one at a time, even if a test gives up. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * `sf <argv>` (e.g. `['walkaway', 'score', '--file', f]`) in `cwd`: what it printed on stdout and
 * stderr and the exit code `bin/run.js` would have ended with.
 */
export function runInProcess(argv: readonly string[], cwd?: string, env: Record<string, string> = {}): Promise<Run> {
  const run = queue.then(() => withEnv(() => runNow(argv, cwd ?? realProcess.cwd()), env));
  queue = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

function capture(into: string[]): Write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as Write;
}

async function runNow(argv: readonly string[], cwd: string): Promise<Run> {
  const oclif = await loadConfig();
  const { id, args } = commandOf(argv);
  const { stdout, stderr } = realProcess;
  const out: string[] = [];
  const err: string[] = [];
  const saved = {
    cwd: realProcess.cwd(),
    exitCode: realProcess.exitCode,
    out: stdout.write,
    err: stderr.write,
    outTty: stdout.isTTY,
    errTty: stderr.isTTY,
  };
  let status: number;
  try {
    realProcess.chdir(cwd);
    realProcess.exitCode = undefined;
    stdout.write = capture(out);
    stderr.write = capture(err);
    stdout.isTTY = false; // as when piped: no progress bar, no spinner
    stderr.isTTY = false;
    try {
      await oclif.runCommand(id, args);
      status = Number(realProcess.exitCode ?? 0);
    } catch (error) {
      // SfCommand has already printed the error (or its --json document) and set the exit code.
      const code = (error as { exitCode?: unknown }).exitCode;
      status = typeof code === 'number' ? code : Number(realProcess.exitCode ?? 1);
    }
  } finally {
    stdout.write = saved.out;
    stderr.write = saved.err;
    stdout.isTTY = saved.outTty;
    stderr.isTTY = saved.errTty;
    realProcess.chdir(saved.cwd);
    realProcess.exitCode = saved.exitCode;
  }
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** `['walkaway', 'score', ...flags]` -> id `walkaway:score` (oclif's command id) and the flags. */
function commandOf(argv: readonly string[]): { id: string; args: string[] } {
  const [topic, verb, ...args] = argv;
  if (topic === undefined || verb === undefined) throw new Error(`runInProcess: no command in ${argv.join(' ')}`);
  return { id: `${topic}:${verb}`, args };
}

/** `sf walkaway score <args>` in `cwd`, in this process (with `env` set for the run). */
export const scoreInProcess = (args: readonly string[], cwd?: string, env: Record<string, string> = {}): Promise<Run> =>
  runInProcess(['walkaway', 'score', ...args], cwd, env);
