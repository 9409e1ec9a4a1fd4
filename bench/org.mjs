#!/usr/bin/env node
// Org mode: `walkaway score --target-org` (bin/run.js, as a user runs it) against the project's
// local Salesforce API stand-in (tests/support/salesforce-standin, bundled here with esbuild) with
// 100,000 open opportunities. HTTP requests per full rescore are counted at the stand-in, against
// what per-record REST updates (one PATCH a record) and sObject collections (200 records a
// request) would need; then a rerun with nothing changed must start no ingest job.
//
//   node bench/org.mjs [--smoke] [--deals N]
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { benchArgs, emit, figure, ROOT, TMP } from './common.mjs';

const COLLECTION_SIZE = 200;
/** Bulk API 2.0 lets the client ask for up to this many rows a results page; the org honours it. */
const QUERY_PAGE_SIZE = 50_000;

/** The stand-in's TypeScript, bundled to CommonJS three levels under the project (its PROJECT path). */
async function loadStandin() {
  const dir = path.join(TMP, 'standin');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'standin.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'tests', 'support', 'salesforce-standin', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(outfile);
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

async function main() {
  const args = benchArgs();
  const deals = Number(args.value('--deals') ?? (args.smoke ? 10_000 : 100_000));
  const s = await loadStandin();
  const org = s.makeOrg({ deals });
  const open = org.opportunities.filter((o) => !o.IsClosed).length;
  const standin = await new s.SalesforceStandin(org, { projectDir: ROOT, queryPageSize: QUERY_PAGE_SIZE }).start();

  let home = null;
  try {
    home = await s.loginHome(standin, 'bench');
    const env = { SF_LOG_LEVEL: 'warn', WALKAWAY_POLL_INTERVAL_MS: '250' };
    const runOnce = async () => {
      standin.resetCounts();
      const t = process.hrtime.bigint();
      const r = await s.walkaway(home, ['walkaway', 'score', '--target-org', 'bench', '--json'], { env });
      const wall = seconds(t);
      if (r.code !== 0) throw new Error(`walkaway score --target-org exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
      return { wall, result: JSON.parse(r.stdout).result, counts: Object.fromEntries(standin.counts) };
    };
    const first = await runOnce();
    const second = await runOnce();
    const total = (c) => Object.values(c).reduce((a, b) => a + b, 0);
    const firstRequests = total(first.counts);
    const resultPages = first.counts['GET jobs/query/:id/results'] ?? 0;
    const secondIngest = second.counts['POST jobs/ingest'] ?? 0;
    const collections = Math.ceil(first.result.written / COLLECTION_SIZE);

    emit(
      'org',
      [
        figure('requests per full rescore', firstRequests, 'requests', {
          reference: `per-record REST ${first.result.written.toLocaleString('en-US')}, sObject collections ${collections.toLocaleString('en-US')} (writes alone)`,
          target: `<= 20 at ${deals.toLocaleString('en-US')} deals`,
          pass: firstRequests <= 20 && first.result.written === open,
        }),
        figure('query result pages', resultPages, 'pages', {
          reference: `${QUERY_PAGE_SIZE.toLocaleString('en-US')} rows a page (client maxRecords)`,
          note: 'the only part that grows with the org',
        }),
        figure('ingest jobs on an unchanged rerun', secondIngest, 'jobs', {
          reference: `${total(second.counts)} requests, ${second.result.changed} changed`,
          target: '0',
          pass: secondIngest === 0 && second.result.changed === 0,
          check: true,
        }),
        figure('full rescore wall time', Number(first.wall.toFixed(1)), 's', {
          reference: `rerun ${second.wall.toFixed(1)} s; stand-in on 127.0.0.1, poll every 250 ms`,
        }),
      ],
      {
        deals,
        open,
        first: { counts: first.counts, written: first.result.written, changed: first.result.changed },
        second: { counts: second.counts, changed: second.result.changed },
      },
    );
  } finally {
    await standin.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
