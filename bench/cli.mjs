#!/usr/bin/env node
// Offline CLI on a generated export: wall time and peak memory of
// `walkaway score --file ... --output ... --json`, against DuckDB computing floor, threshold and the
// price verdict in SQL over the same CSV and writing a CSV — alternated in the same run, medians.
// Peak memory is the child's own getrusage maxRSS (bench/support/rss-hook.mjs).
// The two outputs are then compared: every floor and threshold must agree.
//
//   node bench/cli.mjs [--smoke] [--rows N] [--repeats N] [--keep]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeExport } from '../scripts/generate-opportunities.mjs';
import { benchArgs, emit, figure, loadEngine, median, readPolicyRecords, ROOT, TMP } from './common.mjs';

const AS_OF = '2026-11-26';
const HOOK = pathToFileURL(path.join(ROOT, 'bench', 'support', 'rss-hook.mjs')).href;
const GENERATOR = path.join(ROOT, 'scripts', 'generate-opportunities.mjs');

/** Runs `node --import hook ...args`; resolves with wall seconds, peak RSS (MB), exit code, output. */
function measure(args, label, env = {}) {
  const rssFile = path.join(TMP, `rss-${process.pid}-${label}.txt`);
  rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', HOOK, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        BENCH_RSS_FILE: rssFile,
        SF_DISABLE_TELEMETRY: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
      rmSync(rssFile, { force: true });
      resolve({ seconds, peakMb, code, stdout, stderr });
    });
  });
}

/** The export, generated once per size and reused while the generator is unchanged. */
async function ensureExport(rows) {
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `opportunities-${rows}.csv`);
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(GENERATOR).mtimeMs) {
    await writeExport({ rows, out: file, seed: 42, anchor: AS_OF });
  }
  return file;
}

/**
 * A digest of a CLI output file with each line's run timestamp (Walk_Away_Scored_At__c, the scored
 * file's last cell) taken out: two runs of the same input differ only there.
 */
async function digestWithoutTimestamp(file) {
  const hash = createHash('sha256');
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) hash.update(`${line.replace(/,\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, '')}\n`);
  return hash.digest('hex');
}

/** The --json summary without what names the run itself (its output paths and timestamp). */
const summaryOf = (stdout) =>
  JSON.stringify(JSON.parse(stdout).result, (key, value) =>
    key === 'output' || key === 'failedOutput' || key === 'scoredAt' ? undefined : value,
  );

/** DuckDB compares the two outputs: rows, and floors and thresholds that differ. */
async function compareOutputs(cliOut, duckOut) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const lit = (s) => `'${s.replace(/'/g, "''")}'`;
  const opts = `header = true, types = {'Id': 'VARCHAR', 'Walk_Away_Floor__c': 'DECIMAL(18,2)', 'Walk_Away_Threshold__c': 'DECIMAL(18,2)'}`;
  const reader = await connection.runAndReadAll(`
    SELECT count(*) AS rows,
           count(*) FILTER (WHERE d.Id IS NULL OR c.Id IS NULL) AS unmatched,
           count(*) FILTER (WHERE c.Walk_Away_Floor__c IS DISTINCT FROM d.Walk_Away_Floor__c
                               OR c.Walk_Away_Threshold__c IS DISTINCT FROM d.Walk_Away_Threshold__c) AS differ
    FROM read_csv(${lit(cliOut)}, ${opts}) c
    FULL OUTER JOIN read_csv(${lit(duckOut)}, ${opts}) d ON c.Id = d.Id`);
  const [row] = reader.getRowObjectsJS();
  connection.closeSync?.();
  return { rows: Number(row.rows), unmatched: Number(row.unmatched), differ: Number(row.differ) };
}

async function main() {
  const args = benchArgs();
  const rows = Number(args.value('--rows') ?? (args.smoke ? 50_000 : 1_000_000));
  const repeats = Number(args.value('--repeats') ?? (args.smoke ? 1 : 3));
  if (!existsSync(path.join(ROOT, 'lib', 'commands', 'walkaway', 'score.js'))) {
    throw new Error('lib/commands/walkaway/score.js is missing: the CLI is not built (npm run build)');
  }

  const engine = await loadEngine();
  const ranked = engine.rankPolicies(engine.readPolicies(await readPolicyRecords()));
  const policiesFile = path.join(TMP, 'bench-policies.json');
  mkdirSync(TMP, { recursive: true });
  writeFileSync(
    policiesFile,
    JSON.stringify(
      ranked.map(({ name, minAmountCents, maxAmountCents, basis, minMarginBp, targetMarginBp }) => ({
        name,
        minAmountCents,
        maxAmountCents,
        basis,
        minMarginBp,
        targetMarginBp,
      })),
    ),
  );

  const input = await ensureExport(rows);
  const inputMb = statSync(input).size / 1048576;
  const cliOut = path.join(TMP, `cli-${rows}.scored.csv`);
  const duckOut = path.join(TMP, `duckdb-${rows}.csv`);
  const cliArgs = ['bin/run.js', 'walkaway', 'score', '--file', input, '--output', cliOut, '--as-of', AS_OF, '--json'];
  const duckArgs = [path.join('bench', 'support', 'duckdb-score.mjs'), input, duckOut, policiesFile];

  // The smoke size (50,000 rows, ~12 MB) is under the split threshold: the split is forced there, so
  // that CI checks it against a one-process run too.
  const splitEnv = args.smoke ? { WALKAWAY_SPLIT_MIN_BYTES: '1' } : {};
  const cli = [];
  const duck = [];
  for (let k = 0; k < repeats; k++) {
    const c = await measure(cliArgs, 'cli', splitEnv);
    if (c.code !== 0) throw new Error(`walkaway score exited ${c.code}: ${c.stderr.slice(0, 2000)}`);
    const result = JSON.parse(c.stdout).result;
    if (result.scored !== rows) throw new Error(`walkaway score scored ${result.scored} of ${rows} rows`);
    cli.push(c);
    const d = await measure(duckArgs, 'duckdb');
    if (d.code !== 0) throw new Error(`DuckDB reference exited ${d.code}: ${d.stderr.slice(0, 2000)}`);
    duck.push(d);
    process.stderr.write(
      `[cli] run ${k + 1}/${repeats}: CLI ${c.seconds.toFixed(2)} s ${c.peakMb.toFixed(0)} MB; ` +
        `DuckDB ${d.seconds.toFixed(2)} s ${d.peakMb.toFixed(0)} MB\n`,
    );
  }
  // The same command in one process (WALKAWAY_SPLIT=0): its files and summary must be the split run's.
  const singleOut = path.join(TMP, `cli-${rows}.one-process.csv`);
  const single = await measure(
    ['bin/run.js', 'walkaway', 'score', '--file', input, '--output', singleOut, '--as-of', AS_OF, '--json'],
    'one-process',
    { WALKAWAY_SPLIT: '0' },
  );
  if (single.code !== 0)
    throw new Error(`walkaway score (one process) exited ${single.code}: ${single.stderr.slice(0, 2000)}`);
  const failedOf = (out) => `${out.slice(0, -4)}.failed.csv`;
  const sameAsOneProcess =
    (await digestWithoutTimestamp(cliOut)) === (await digestWithoutTimestamp(singleOut)) &&
    (await digestWithoutTimestamp(failedOf(cliOut))) === (await digestWithoutTimestamp(failedOf(singleOut))) &&
    summaryOf(cli[cli.length - 1].stdout) === summaryOf(single.stdout);
  for (const f of [singleOut, failedOf(singleOut)]) rmSync(f, { force: true });
  // What the command holds before reading a row: its modules (oclif, @salesforce/core, jsforce ...).
  const small = await ensureExport(1000);
  const smallOut = path.join(TMP, 'cli-1000.scored.csv');
  const base = await measure(
    ['bin/run.js', 'walkaway', 'score', '--file', small, '--output', smallOut, '--as-of', AS_OF, '--json'],
    'base',
  );
  for (const f of [smallOut, `${smallOut.slice(0, -4)}.failed.csv`]) rmSync(f, { force: true });
  // Start-up: the command on a 1-row export against node importing the engine alone, alternated.
  const one = await ensureExport(1);
  const oneOut = path.join(TMP, 'cli-1.scored.csv');
  const engineEntry = pathToFileURL(path.join(ROOT, 'lib', 'engine', 'index.js')).href;
  const startCli = [];
  const startEngine = [];
  for (let k = 0; k < (args.smoke ? 3 : 9); k++) {
    const c = await measure(
      ['bin/run.js', 'walkaway', 'score', '--file', one, '--output', oneOut, '--as-of', AS_OF, '--json'],
      'start',
    );
    if (c.code !== 0) throw new Error(`walkaway score (1 row) exited ${c.code}: ${c.stderr.slice(0, 2000)}`);
    startCli.push(c.seconds);
    const e = await measure(['--input-type=module', '-e', `await import(${JSON.stringify(engineEntry)});`], 'engine');
    if (e.code !== 0) throw new Error(`engine import exited ${e.code}: ${e.stderr.slice(0, 2000)}`);
    startEngine.push(e.seconds);
  }
  for (const f of [oneOut, `${oneOut.slice(0, -4)}.failed.csv`]) rmSync(f, { force: true });
  const startRatio = median(startCli) / median(startEngine);
  const agreement = await compareOutputs(cliOut, duckOut);
  if (!args.has('--keep'))
    for (const f of [cliOut, duckOut, `${cliOut.slice(0, -4)}.failed.csv`]) rmSync(f, { force: true });

  const cliSeconds = median(cli.map((r) => r.seconds));
  const duckSeconds = median(duck.map((r) => r.seconds));
  const cliPeak = Math.max(...cli.map((r) => r.peakMb));
  const duckPeak = Math.max(...duck.map((r) => r.peakMb));
  const ratio = cliSeconds / duckSeconds;
  const r2 = (x) => Number(x.toFixed(2));
  emit(
    'cli',
    [
      figure('CLI wall time', r2(cliSeconds), 's', {
        reference: `DuckDB ${duckSeconds.toFixed(2)} s`,
        target: `<= 1.5x DuckDB`,
        pass: ratio <= 1.5,
      }),
      figure('CLI / DuckDB time', r2(ratio), 'x', {
        reference: 'DuckDB, same CSV, same run',
        target: '<= 1.5x',
        pass: ratio <= 1.5,
      }),
      figure('CLI peak memory', Math.round(cliPeak), 'MB', {
        reference: `DuckDB ${Math.round(duckPeak)} MB`,
        target: '< 256 MB',
        pass: cliPeak < 256,
      }),
      figure('CLI throughput', Math.round(rows / cliSeconds), 'rows/s', {
        reference: `DuckDB ${Math.round(rows / duckSeconds).toLocaleString('en-US')} rows/s`,
      }),
      figure('CLI peak memory, 1,000 rows', Math.round(base.peakMb), 'MB', {
        reference: `${Math.round(cliPeak)} MB at ${rows.toLocaleString('en-US')} rows`,
        note: 'modules loaded before the first row',
      }),
      figure('CLI start-up, 1-row export', r2(median(startCli)), 's', {
        reference: `node importing lib/engine alone ${median(startEngine).toFixed(2)} s`,
        target: '<= 2x the engine import',
        pass: startRatio <= 2,
      }),
      figure('start-up / engine import', r2(startRatio), 'x', {
        reference: 'same run, alternated, medians',
        target: '<= 2x',
        pass: startRatio <= 2,
      }),
      figure('one process / two processes', r2(single.seconds / cliSeconds), 'x', {
        reference: `WALKAWAY_SPLIT=0 ${single.seconds.toFixed(2)} s, ${Math.round(single.peakMb)} MB`,
        note: 'the same command in one process, once, after the repeats',
      }),
      figure('output against a one-process run', sameAsOneProcess ? 0 : 1, 'files differing', {
        reference: 'scored file, failed-rows file and --json summary (run timestamp and paths aside)',
        target: '0',
        pass: sameAsOneProcess,
        check: true,
      }),
      figure('floor/threshold mismatches', agreement.differ + agreement.unmatched, 'rows', {
        reference: `${agreement.rows.toLocaleString('en-US')} rows joined on Id`,
        target: '0',
        pass: agreement.differ + agreement.unmatched === 0 && agreement.rows === rows,
        check: true,
      }),
    ],
    {
      rows,
      repeats,
      inputMb: r2(inputMb),
      cliSeconds: cli.map((r) => r2(r.seconds)),
      cliPeakMb: cli.map((r) => Math.round(r.peakMb)),
      duckdbSeconds: duck.map((r) => r2(r.seconds)),
      duckdbPeakMb: duck.map((r) => Math.round(r.peakMb)),
      duckdbThreads: 'default (one per core)',
      startCliSeconds: startCli.map((x) => r2(x)),
      startEngineSeconds: startEngine.map((x) => r2(x)),
      oneProcessSeconds: r2(single.seconds),
      oneProcessPeakMb: Math.round(single.peakMb),
    },
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
