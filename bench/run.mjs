#!/usr/bin/env node
// npm run bench — every benchmark, each in its own process, each figure against a reference
// measured in the same process or the same run.
//
//   node bench/run.mjs                     full run: bench/results/<date>-<name>.json + docs/bench.md + README table
//   node bench/run.mjs --smoke             small sizes (CI: checks that everything still runs, < ~60 s)
//   node bench/run.mjs --only engine,cli   some benches (results file only, docs untouched)
//   options: --name NAME (results file suffix; default full|smoke|partial), --no-build,
//            --docs-from bench/results/FILE.json (rewrite docs/bench.md from a results file, run nothing)
//
// Exit code: 0 when every bench ran and every correctness check held (missed speed targets are
// reported, not failed: a noisy machine must not fail a build); 1 otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchArgs, fmt, machine, ROOT, TMP } from './common.mjs';

const BENCHES = {
  engine: { file: 'engine.mjs', title: 'Engine', pin: true, minutes: 15 },
  cli: { file: 'cli.mjs', title: 'Offline CLI', minutes: 30 },
  org: { file: 'org.mjs', title: 'Org mode', minutes: 20 },
  panel: { file: 'panel.mjs', title: 'Panel', minutes: 10 },
};

const args = benchArgs();
const smoke = args.smoke;
const onlyArg = args.value('--only');
const only = onlyArg ? onlyArg.split(',').map((s) => s.trim()) : Object.keys(BENCHES);
for (const name of only)
  if (!BENCHES[name]) throw new Error(`unknown bench ${name} (${Object.keys(BENCHES).join(', ')})`);
const partial = only.length !== Object.keys(BENCHES).length;
const runName = args.value('--name') ?? (smoke ? 'smoke' : partial ? 'partial' : 'full');

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

function runBench(name) {
  const bench = BENCHES[name];
  const script = path.join(ROOT, 'bench', bench.file);
  if (!existsSync(script)) return Promise.resolve({ bench: name, error: `${bench.file} is missing` });
  const nodeArgs = [script, ...(smoke ? ['--smoke'] : [])];
  // "One core": the engine bench runs pinned, its GC helpers included.
  const [command, argv] =
    bench.pin && hasTaskset ? ['taskset', ['-c', '1', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const limit = (smoke ? 2 : bench.minutes) * 60_000;
    const timer = setTimeout(() => child.kill('SIGTERM'), limit);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      if (code === 0 && line) resolve({ ...JSON.parse(line.slice('BENCH_RESULT '.length)), seconds });
      else
        resolve({
          bench: name,
          seconds,
          error: signal ? `stopped after ${limit / 1000} s (${signal})` : `exit ${code}`,
        });
    });
  });
}

const verdictOf = (f) => (f.pass === null ? 'info' : f.pass ? 'PASS' : 'MISS');

function table(results) {
  const rows = [['bench', 'figure', 'value', 'reference', 'target', '']];
  for (const r of results) {
    if (r.error) {
      rows.push([r.bench, '(did not run)', r.error, '', '', 'ERROR']);
      continue;
    }
    for (const f of r.figures) {
      rows.push([r.bench, f.name, `${fmt(f.value)} ${f.unit}`, f.reference ?? '', f.target ?? '', verdictOf(f)]);
    }
  }
  return rows;
}

function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
  for (const [i, r] of rows.entries()) {
    process.stdout.write(
      `${r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd()}\n`,
    );
    if (i === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  }
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout.trim()}${dirty.stdout.trim() ? '+dirty' : ''}` : null;
}

const mdCell = (s) => String(s).replace(/\|/g, '\\|');

const figureOf = (results, bench, name) =>
  results.find((r) => r.bench === bench)?.figures?.find((f) => f.name === name) ?? null;

/** Why each missed target is missed, from this run's own figures. */
function analysis(results) {
  const missed = results.flatMap((r) =>
    (r.figures ?? []).filter((f) => f.pass === false).map((f) => `${r.bench}: ${f.name}`),
  );
  if (missed.length === 0) return ['Every target is met in this run.', ''];
  const out = ['## Targets missed, and why', ''];
  const cli = results.find((r) => r.bench === 'cli' && !r.error);
  if (cli && cli.figures.some((f) => f.pass === false)) {
    const d = cli.details;
    const secs = (xs) => (xs ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : NaN);
    const cliS = secs(d.cliSeconds);
    const duckS = secs(d.duckdbSeconds);
    const base = figureOf(results, 'cli', 'CLI peak memory, 1,000 rows');
    const peak = figureOf(results, 'cli', 'CLI peak memory');
    const single = d.oneProcessSeconds;
    if (cliS / duckS > 1.5) {
      out.push(
        `**Offline CLI time** (${cliS.toFixed(1)} s against DuckDB ${duckS.toFixed(2)} s; ${(cliS / duckS).toFixed(2)}x). A file this`,
        'large is scored in two processes (src/score/split: each reads half, the second started by',
        'bin/run.js before oclif loads; owner totals and the list of the first half’s Ids handed over',
        `between the passes)${single ? `; the same command in one process takes ${single.toFixed(1)} s` : ''}.`,
        'Each half is read twice (owners’ totals, then scoring) by the byte reader',
        '(src/io/export/plainReader.ts), whose plain records are read from their bytes',
        '(src/score/pipelineCells.ts, src/score/opportunityCells.ts: amounts digit by digit, every other',
        'field once per distinct value) and written as bytes (src/io/scoredLine.ts). Where the time goes',
        '(`node --cpu-prof`, one process): cutting records into cells about a fifth, the engine and the',
        'scored line each about a sixth, the per-value lookups about a tenth. On this machine two',
        `processes are ${single ? (single / cliS).toFixed(2) : '?'}x one: each runs slower while the other runs (on 2026-12-04 a`,
        'half-size export took 3.5 s scored alone and 4.3 to 5.0 s each, two at once). DuckDB reads the CSV',
        `with a multi-threaded C++ reader on the same ${docNproc(results)} cores.`,
        '',
      );
    }
    const start = figureOf(results, 'cli', 'start-up / engine import');
    if (start && start.pass === false) {
      out.push(
        `**Start-up** (${start.value}x the engine import). Before the first row a run loads oclif (its own`,
        'modules and their dependencies: about 60 files), the command and its modules; the org-mode',
        'modules, papaparse, iconv-lite and the log-file worker stay out (tests/cli/startup.e2e.test.ts).',
        '',
      );
    }
    if (peak && peak.pass === false) {
      out.push(
        `**Offline CLI memory** (${peak.value} MB). The command already holds ${base ? base.value : '?'} MB at 1,000 rows:`,
        '@salesforce/sf-plugins-core alone is about 112 MB resident (oclif 55 MB). The rest is heap growth',
        'between full collections (the peak varies run to run); 1 MB input chunks (large objects that wait',
        'for a full collection) raised it to about 335 MB, so the reader uses 64 KB chunks.',
        '',
      );
    }
  }
  const engine = results.find((r) => r.bench === 'engine' && !r.error);
  if (engine && engine.figures.some((f) => f.pass === false)) {
    out.push(
      '**Engine.** Profile with `node --cpu-prof bench/engine.mjs --rows 300000` and look at scoreOpportunity,',
      'approvalsOf and finding; the typed-array loop shows what the same rules cost with no objects at all.',
      '',
    );
  }
  return out;
}

let machineCores = null;
const docNproc = () => machineCores ?? '?';

function markdown(doc) {
  machineCores = doc.machine.nproc;
  const m = doc.machine;
  const lines = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (bench/run.mjs) — do not edit by hand; rerun it. Every figure is',
    'compared with a reference measured in the same process or the same run, so that a noisy machine',
    'moves both. Speed targets are reported (PASS/MISS), never asserted in tests; correctness checks',
    '(two computations agree, a rerun writes nothing) fail the run.',
    '',
    `Run \`${doc.name}\` of ${doc.date} at commit \`${doc.commit ?? 'unknown'}\`: ${m.nproc} cores of ${m.model},`,
    `Node ${m.node} (${m.platform}). Raw figures: \`bench/results/${doc.file}\`.`,
    '',
    '| bench | figure | value | reference | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...table(doc.results)
      .slice(1)
      .map((r) => `| ${r.map(mdCell).join(' | ')} |`),
    '',
    ...analysis(doc.results),
    '## What is measured',
    '',
    '- **Engine** (`bench/engine.mjs`, pinned to one core with `taskset`): 1,000,000 opportunities from',
    '  `scripts/generate-opportunities.mjs` (seed 42), read once with `readOpportunity`, then a timed loop',
    '  of `scoreOpportunity` under the project policies. Reference: a hand-written loop in the bench over',
    '  the same Opportunity objects (selection, floor and threshold rounded up to the cent, term, fit and',
    '  red-flag checks) that allocates nothing and returns only a verdict code. A second loop runs the same',
    '  rules over the data copied into typed arrays with the policies compiled to numbers: the floor for',
    '  these rules in JavaScript (informational). All three must agree on every verdict (also with every',
    '  policy active, margin on price included). Three warm-up passes, then alternating repeats; medians.',
    '- **Offline CLI** (`bench/cli.mjs`): `node bin/run.js walkaway score --file F --output O --as-of',
    '  2026-11-26 --json` on a generated 1,000,000-row export (about 213 MB; BATNA from the export, so two',
    '  passes), against DuckDB (`@duckdb/node-api`, default threads) reading the same CSV, computing',
    '  policy band, floor, threshold and the price verdict in SQL and writing a CSV with `COPY ... TO`.',
    '  Alternated, medians of wall time (process start to exit). Peak memory is each process’s own',
    '  `process.resourceUsage().maxRSS`, written on exit by a preloaded hook (`bench/support/rss-hook.mjs`).',
    '  Every floor and threshold of the two outputs must agree (joined on Id in DuckDB). Start-up: the same',
    '  command on a 1-row export against `node` importing `lib/engine` alone, alternated, medians (9 each).',
    '- **Org mode** (`bench/org.mjs`): `node bin/run.js walkaway score --target-org` logged in to the',
    '  project’s Salesforce API stand-in (`tests/support/salesforce-standin`, bundled with esbuild) holding',
    '  100,000 open opportunities; every HTTP request is counted at the stand-in. References: per-record',
    '  REST updates need one request per changed record, sObject collections one per 200. A rerun with',
    '  nothing changed must start no ingest job.',
    '- **Panel** (`bench/panel.mjs`): the engine bundle as `npm run build:engine` builds it, minified and',
    '  gzipped (zlib level 9); time from data to rendered verdict and server calls per load in headless',
    '  Chromium (`/usr/bin/chromium` via playwright-core) on the preview page, when it is available.',
    '',
    'Reproduce: `npm run bench` (about 3 minutes on this machine), or `node bench/run.mjs --only engine`. Smoke (CI):',
    '`node bench/run.mjs --smoke`. Data: `node scripts/generate-opportunities.mjs --rows N --out FILE`.',
    '',
  ];
  return lines.join('\n');
}

const README_START = '<!-- bench:start (written by npm run bench) -->';
const README_END = '<!-- bench:end -->';

/** The README's short table: the figures that have a target, with the machine and the date. */
function readmeSection(doc) {
  const m = doc.machine;
  const rows = table(doc.results)
    .slice(1)
    .filter((r) => r[5] === 'PASS' || r[5] === 'MISS');
  return [
    README_START,
    `Run of ${doc.date} (\`bench/results/${doc.file}\`): ${m.nproc} cores of ${m.model}, Node ${m.node}.`,
    '',
    '| bench | figure | value | reference | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
    README_END,
  ].join('\n');
}

/** Rewrites docs/bench.md and the README's table from one results document. */
function writeDocs(doc) {
  writeFileSync(path.join(ROOT, 'docs', 'bench.md'), markdown(doc));
  const readmePath = path.join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} ... ${README_END} section`);
  writeFileSync(readmePath, readme.slice(0, start) + readmeSection(doc) + readme.slice(end + README_END.length));
}

async function main() {
  const from = args.value('--docs-from');
  if (from) {
    // Rewrites docs/bench.md and the README table from a results file, without running anything.
    writeDocs(JSON.parse(readFileSync(path.resolve(from), 'utf8')));
    return;
  }
  if (!args.has('--no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const results = [];
  for (const name of only) {
    process.stderr.write(`\n== ${BENCHES[name].title} (${name})${smoke ? ' — smoke' : ''}\n`);
    results.push(await runBench(name));
  }
  const date = new Date().toISOString().slice(0, 10);
  const file = `${date}-${runName}.json`;
  const doc = { name: runName, date, smoke, commit: gitCommit(), machine: machine(), file, results };

  process.stdout.write('\n');
  printTable(table(results));

  // Smoke runs keep their results out of the tree; full and partial runs are kept.
  const dir = smoke ? path.join(TMP, 'results') : path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`\nResults: ${path.relative(ROOT, path.join(dir, file))}\n`);
  if (!smoke && !partial) {
    writeDocs(doc);
    process.stdout.write('Tables: docs/bench.md, README.md\n');
  }

  const crashed = results.filter((r) => r.error);
  const broken = results.flatMap((r) => (r.figures ?? []).filter((f) => f.check && f.pass === false));
  for (const f of broken) process.stderr.write(`correctness check failed: ${f.name} = ${f.value}\n`);
  process.exitCode = crashed.length || broken.length ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
