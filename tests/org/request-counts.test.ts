// Requests a rescore costs, by endpoint, at 1,000 and 10,000 deals: flat in the org's size but for
// the bulk results pages (50,000 rows a page). The benchmarks read the same counts.
process.env.SF_DISABLE_LOG_FILE = 'true';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, makeOrg, SalesforceStandin } from '../support/salesforce-standin';
import { rescoreOrg } from '../../src/org/rescore';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'walkaway-counts-'));

async function countsFor(deals: number): Promise<{ first: Record<string, number>; second: Record<string, number> }> {
  const standin = await new SalesforceStandin(makeOrg({ deals }), { queryPageSize: 50_000 }).start();
  try {
    const conn = await connect(standin);
    const run = async (): Promise<Record<string, number>> => {
      standin.resetCounts();
      const r = await rescoreOrg(conn, {
        targetOrg: 'standin',
        dryRun: false,
        now: new Date(),
        today: '2026-11-26',
        poll: { timeoutMs: 60_000, intervalMs: 5 },
        failuresFile: join(dir, `failed-${deals}.csv`),
      });
      expect(r.written + r.failed + r.notProcessed).toBe(r.changed);
      return Object.fromEntries([...standin.counts.entries()].sort());
    };
    return { first: await run(), second: await run() };
  } finally {
    await standin.stop();
  }
}

const READ = {
  'GET jobs/query/:id': 1,
  'GET jobs/query/:id/results': 1,
  'GET limits': 1,
  'GET query': 4,
  'GET sobjects/Opportunity/describe': 1,
  // Every custom field of the policy type, so that one the engine does not know stops the run.
  'GET sobjects/Walk_Away_Policy__mdt/describe': 1,
  'POST jobs/query': 1,
};
const WRITE = {
  'GET jobs/ingest/:id': 1,
  'GET jobs/ingest/:id/failedResults': 1,
  'GET jobs/ingest/:id/successfulResults': 1,
  'GET jobs/ingest/:id/unprocessedrecords': 1,
  'PATCH jobs/ingest/:id': 1,
  'POST jobs/ingest': 1,
  'PUT jobs/ingest/:id/batches': 1,
};

test.each([1000, 10_000])('a rescore of %i deals: 18 requests the first time, 10 the next', async (deals) => {
  const { first, second } = await countsFor(deals);
  // One more REST query before writing: the rows changed since the read (no lost update).
  expect(first).toEqual({ ...READ, ...WRITE, 'GET query': READ['GET query'] + 1 });
  expect(second).toEqual(READ);
  console.log(`requests for ${deals} deals: first run ${JSON.stringify(first)}; second run ${JSON.stringify(second)}`);
});
