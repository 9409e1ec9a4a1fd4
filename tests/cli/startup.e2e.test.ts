// What an offline run loads and starts: the command comes from the oclif manifest, and neither the
// org-mode modules (@salesforce/sf-plugins-core, jsforce, @salesforce/core's org code) nor the
// log-file worker of @salesforce/core are loaded; org mode still resolves its org as sf does.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, csv, deal, tempDir, write } from './support/cli';

const TRACE = join(__dirname, 'support', 'trace-modules.mjs');

function run(
  args: readonly string[],
  dir: string,
): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const trace = join(dir, 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', TRACE, BIN, 'walkaway', 'score', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      HOME: dir,
      TRACE_MODULES_FILE: trace,
      SF_DISABLE_LOG_FILE: '',
      SF_DISABLE_TELEMETRY: 'true',
      SF_DISABLE_AUTOUPDATE: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
    },
  });
  const loaded = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean) : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const under = (loaded: string[], part: string): string[] => loaded.filter((f) => f.includes(part));

it('scores a file without loading the org modules or starting the log-file worker', () => {
  const dir = tempDir();
  const file = write(dir, 'one.csv', csv([deal('006000000000000001')]));
  const r = run(['--file', file, '--output', join(dir, 'out.csv'), '--json'], dir);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ status: 0, result: { rows: 1, scored: 1 }, warnings: [] });

  expect(under(r.loaded, '/lib/commands/walkaway/score.js')).toHaveLength(1);
  // The manifest names the command: no other command module is imported to find it.
  expect(under(r.loaded, '/lib/commands/walkaway/').map((f) => f.split('/').pop())).toEqual(['score.js']);
  expect(under(r.loaded, 'node_modules/@salesforce/sf-plugins-core/lib/sfCommand.js')).toEqual([]);
  expect(under(r.loaded, 'node_modules/@jsforce/')).toEqual([]);
  expect(under(r.loaded, 'node_modules/@salesforce/core/lib/org/')).toEqual([]);
  expect(under(r.loaded, 'node_modules/thread-stream/lib/worker.js')).toEqual([]);
  expect(under(r.loaded, '/lib/org/')).toEqual([]);
  // Message bundles are read by src/messageBundle.ts: not @salesforce/core's Messages, whose logger
  // (pino, a virtual file system) is a fifth of the start-up.
  expect(under(r.loaded, 'node_modules/@salesforce/core/lib/messages.js')).toEqual([]);
  expect(under(r.loaded, 'node_modules/pino/')).toEqual([]);
  // SfError (and @salesforce/ts-types under it) is loaded when an error is made, not before.
  expect(under(r.loaded, 'node_modules/@salesforce/ts-types/')).toEqual([]);
  // iconv-lite is loaded for an encoding other than UTF-8 only, papaparse for text that is not plain.
  expect(under(r.loaded, 'node_modules/iconv-lite/')).toEqual([]);
  expect(under(r.loaded, 'node_modules/papaparse/')).toEqual([]);
  // @salesforce/core writes its log file under ~/.sf when its logger starts.
  const sf = join(dir, '.sf');
  expect(existsSync(sf) ? readdirSync(sf).filter((f) => f.endsWith('.log')) : []).toEqual([]);
}, 60_000);

it('hands a run without --file to org mode, which resolves --target-org as sf does', () => {
  const dir = tempDir();
  const r = run(['--target-org', 'nobody@example.com', '--json'], dir);
  expect(r.status).not.toBe(0);
  const error = JSON.parse(r.stdout);
  expect(error).toMatchObject({ name: 'NamedOrgNotFoundError', commandName: 'Score', status: 1 });
  expect(error.message).toContain('nobody@example.com');
  expect(under(r.loaded, '/lib/org/orgScoreCommand.js')).toHaveLength(1);
}, 60_000);

it('ships an oclif manifest that matches the built commands (npm run build rewrites it)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8'));
  const fresh = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { Plugin } from '@oclif/core';
       const p = new Plugin({ root: process.cwd(), type: 'core', isRoot: true, ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true });
       await p.load();
       process.stdout.write(JSON.stringify(p.manifest));`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(fresh.stderr).toBe('');
  expect(manifest).toEqual(JSON.parse(fresh.stdout));
  expect(Object.keys(manifest.commands).sort()).toEqual(
    readdirSync(join(ROOT, 'src', 'commands', 'walkaway'))
      .map((f) => `walkaway:${f.replace(/\.ts$/, '')}`)
      .sort(),
  );
  expect(Object.keys(manifest.commands['walkaway:score'].flags)).toEqual(
    expect.arrayContaining(['file', 'policy-dir', 'output', 'as-of', 'target-org', 'json', 'flags-dir']),
  );
}, 60_000);
