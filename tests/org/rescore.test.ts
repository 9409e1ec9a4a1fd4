// `walkaway score --target-org`, the org module in process, against the stand-in: what is read,
// what is written, and that no fault loses a row. Every fault test checks that the changed rows
// are written + failed (with the org's error) + not processed (with a reason), and that a run
// after success writes nothing.
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.WALKAWAY_RETRY_BASE_MS = '2';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Connection } from '@salesforce/core';
import {
  ADMIN_USER,
  connect,
  makeOrg,
  oppId,
  projectPolicies,
  SalesforceStandin,
  userId,
  type StandinOptions,
} from '../support/salesforce-standin';
import {
  CHANGED_DURING_RUN,
  rescoreOrg,
  resumeOrgJob,
  type OrgScoreResult,
  type OrgScoreOptions,
} from '../../src/org/rescore';
import { OrgError } from '../../src/org/errors';
import { toCorporate } from '../../src/org/currency';
import { pipelineOf, readSnapshot } from '../../src/org/snapshot';
import { OUTPUT_FIELDS, PolicyError, assessBatna } from '../../src/engine';

const dir = mkdtempSync(join(tmpdir(), 'walkaway-rescore-'));
let standin: SalesforceStandin;
let conn: Connection;
let fileNo = 0;

async function start(deals: number, options: StandinOptions = {}): Promise<void> {
  standin = await new SalesforceStandin(makeOrg({ deals }), options).start();
  conn = await connect(standin);
  standin.resetCounts();
}

afterEach(async () => {
  await standin?.stop();
});

function options(extra: Partial<OrgScoreOptions> = {}): OrgScoreOptions {
  return {
    targetOrg: 'standin',
    dryRun: false,
    now: new Date(),
    today: '2026-11-26',
    poll: { timeoutMs: 10_000, intervalMs: 5 },
    failuresFile: join(dir, `failed-${++fileNo}.csv`),
    lockRetries: 3,
    ...extra,
  };
}

/** Every row is accounted for, and every failure says why. */
function expectAccounted(r: OrgScoreResult): void {
  expect(r.deals).toBe(r.unscorable + r.unchanged + r.changed);
  if (!r.dryRun) expect(r.changed).toBe(r.written + r.failed + r.notProcessed + r.changedDuringRun);
  for (const f of r.failures) expect(f.error).not.toBe('');
}

async function rescore(extra: Partial<OrgScoreOptions> = {}): Promise<OrgScoreResult> {
  const r = await rescoreOrg(conn, options(extra));
  expectAccounted(r);
  return r;
}

/** A run after success: writes nothing and starts no ingest job. */
async function expectSecondRunWritesNothing(): Promise<void> {
  const before = standin.count('POST jobs/ingest');
  const again = await rescore();
  expect(again.changed).toBe(0);
  expect(again.written).toBe(0);
  expect(standin.count('POST jobs/ingest')).toBe(before);
}

async function rejected(p: Promise<unknown>): Promise<OrgError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof OrgError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

const failuresOf = (path: string): Array<Record<string, string>> =>
  parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;

describe('a first run', () => {
  test('writes every open deal once, and the verdicts land in the org', async () => {
    await start(40);
    const r = await rescore();
    expect(r.deals).toBe(40);
    expect(r.written).toBe(40);
    expect(r.failuresFile).toBeNull();
    expect(new Set(r.changes.map((c) => c.to))).toEqual(
      new Set(['Proceed', 'Approval Required', 'Walk Away', 'Insufficient Data']),
    );
    const deal = standin.opportunity(oppId(2));
    expect(deal?.Walk_Away_Recommendation__c).toBe('Walk Away');
    expect(String(deal?.Walk_Away_Findings__c).split(';')).toContain('LIABILITY_CAP_EXCEEDED');
    expect(typeof deal?.Walk_Away_Scored_At__c).toBe('string');
    // Closed deals are not rescored.
    expect(standin.opportunity(oppId(900001))?.Walk_Away_Recommendation__c).toBeUndefined();
    await expectSecondRunWritesNothing();
  });

  test('reads the opportunities with one bulk query job and only the fields it needs', async () => {
    await start(10);
    await rescore();
    expect(standin.count('POST jobs/query')).toBe(1);
    const job = [...standin.queryJobs.values()][0];
    expect(job?.query).toMatch(/^SELECT Id, Amount, Direct_Cost__c, .* FROM Opportunity WHERE IsClosed = false$/);
    expect(job?.query).not.toContain('CurrencyIsoCode'); // the org is single-currency
    expect(job?.query).toContain('Account.Industry');
    expect(job?.query).toContain('Walk_Away_Scored_At__c');
    expect(standin.restQueries).toEqual([
      expect.stringMatching(
        /^SELECT DeveloperName, MasterLabel, Active__c, .* FROM Walk_Away_Policy__mdt WHERE Active__c = true$/,
      ),
      expect.stringMatching(/FROM Period WHERE Type = 'Quarter' AND StartDate <= 2026-11-26 AND EndDate >= 2026-11-26/),
      expect.stringMatching(
        /^SELECT OwnerId, SUM\(Amount\) amount FROM Opportunity WHERE IsWon = true AND CloseDate >= 2026-10-01 AND CloseDate <= 2026-12-31 GROUP BY OwnerId$/,
      ),
      'SELECT Id, Walk_Away_Quarterly_Quota__c FROM User WHERE Walk_Away_Quarterly_Quota__c != null',
      // just before the write: which rows changed since the read (no lost update)
      expect.stringMatching(/^SELECT Id, SystemModstamp FROM Opportunity WHERE SystemModstamp >= /),
    ]);
  });

  test('asks for CurrencyIsoCode where the org has multiple currencies', async () => {
    await start(5, { multiCurrency: true });
    await rescore();
    expect([...standin.queryJobs.values()][0]?.query).toContain('CurrencyIsoCode');
  });

  test('uses the fiscal quarter from Period when the org has one', async () => {
    await start(5);
    standin.data.periods = [{ Id: '026A', Type: 'Quarter', StartDate: '2026-11-01', EndDate: '2027-01-31' }];
    const r = await rescore();
    expect(r.quarter).toEqual({ start: '2026-11-01', end: '2027-01-31', source: 'Period' });
  });

  test('reads every page of a bulk query and of a REST query', async () => {
    await start(30, { queryPageSize: 7, restPageSize: 1 });
    const r = await rescore();
    expect(r.deals).toBe(30);
    expect(standin.count('GET jobs/query/:id/results')).toBe(5);
    expect(standin.count('GET query/:locator')).toBeGreaterThan(0);
    expect(r.policies).toEqual(['Enterprise', 'Default']);
    expect(r.written).toBe(30);
  });

  test('a dry run writes nothing and lists what would change', async () => {
    await start(12);
    const r = await rescore({ dryRun: true });
    expect(r.changed).toBe(12);
    expect(r.changes).toHaveLength(12);
    expect(r.written).toBe(0);
    expect(standin.count('POST jobs/ingest')).toBe(0);
    expect(standin.opportunity(oppId(1))?.Walk_Away_Recommendation__c).toBeUndefined();
  });
});

describe('what is uploaded', () => {
  test('only changed fields, nulls as #N/A, the header the union of every row, Scored_At on each', async () => {
    await start(10);
    await rescore();
    // Edit two deals so that different output fields change.
    const a = standin.opportunity(oppId(1));
    const b = standin.opportunity(oppId(6));
    if (!a || !b) throw new Error('fixture');
    a.Walk_Away_BATNA__c = 'Strong'; // only BATNA differs now
    b.Walk_Away_Approvals__c = 'VP'; // a Proceed deal: Approvals must be cleared (#N/A)
    standin.ingestJobs.clear();
    const r = await rescore();
    expect(r.written).toBe(2);
    const upload = [...standin.ingestJobs.values()][0]?.uploads[0] ?? '';
    const [header, ...lines] = upload.trim().split('\n');
    expect(header).toBe('Id,Walk_Away_BATNA__c,Walk_Away_Scored_At__c,Walk_Away_Approvals__c');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.startsWith(oppId(6)))).toMatch(/,#N\/A$/);
    // The first row leaves Approvals as it is: a blank cell, not #N/A.
    expect(lines.find((l) => l.startsWith(oppId(1)))).toMatch(/Z,$/);
    expect(standin.opportunity(oppId(6))?.Walk_Away_Approvals__c).toBeNull();
    await expectSecondRunWritesNothing();
  });

  test('splits the upload so that no job carries more than the size limit', async () => {
    await start(50);
    const r = await rescore({ maxJobBytes: 4000 });
    expect(r.ingestJobIds.length).toBeGreaterThan(1);
    for (const job of standin.ingestJobs.values())
      expect(Buffer.byteLength(job.uploads.join(''))).toBeLessThanOrEqual(4000);
    expect(r.written).toBe(50);
    await expectSecondRunWritesNothing();
  });
});

describe('rows the org refuses', () => {
  test('lock errors are retried by account; deleted and validation-rule rows are reported with sf__Error', async () => {
    await start(30, {});
    standin.faults = {
      shuffleResults: true,
      rows: {
        [oppId(3)]: {
          code: 'UNABLE_TO_LOCK_ROW',
          message: 'unable to obtain exclusive access to this record',
          times: 2,
        },
        [oppId(4)]: { code: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' },
        [oppId(5)]: { code: 'ENTITY_IS_DELETED', message: 'entity is deleted' },
        [oppId(7)]: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Close Date must be in the future' },
      },
    };
    const r = await rescore();
    expect(r.written).toBe(27);
    expect(r.failed).toBe(3);
    expect(r.lockRetryRounds).toBe(3);
    expect(standin.count('POST jobs/ingest')).toBe(4); // the first job and three retry rounds
    expect(Object.fromEntries(r.failures.map((f) => [f.id, f.error.split(':')[0]]))).toEqual({
      [oppId(4)]: 'UNABLE_TO_LOCK_ROW',
      [oppId(5)]: 'ENTITY_IS_DELETED',
      [oppId(7)]: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    });
    // Matched by sf__Id although the result files are shuffled: the locked-then-written row is in the org.
    expect(standin.opportunity(oppId(3))).toMatchObject({
      Walk_Away_Recommendation__c: 'Walk Away', // it asks for unlimited liability
      Walk_Away_Floor__c: 129600,
      Walk_Away_Threshold__c: 145800,
      Walk_Away_Policy__c: 'Default',
    });
    expect(standin.opportunity(oppId(7))?.Walk_Away_Recommendation__c).toBeUndefined();
    const file = failuresOf(r.failuresFile ?? '');
    expect(file.map((row) => [row.Id, row.Status, (row.sf__Error ?? '').split(':')[0]]).sort()).toEqual([
      [oppId(4), 'Failed', 'UNABLE_TO_LOCK_ROW'],
      [oppId(5), 'Failed', 'ENTITY_IS_DELETED'],
      [oppId(7), 'Failed', 'FIELD_CUSTOM_VALIDATION_EXCEPTION'],
    ]);
    expect(file[0]?.Walk_Away_Recommendation__c).not.toBe('');
    // Retry rounds upload rows sorted by account.
    const retryUpload = [...standin.ingestJobs.values()][1]?.uploads[0] ?? '';
    expect(retryUpload.split('\n')[1]).toMatch(new RegExp(`^${oppId(3)}|^${oppId(4)}`));

    // The cause fixed (validation rule relaxed, lock gone): the next run writes only those rows.
    standin.faults = { rows: { [oppId(5)]: { code: 'ENTITY_IS_DELETED', message: 'entity is deleted' } } };
    const second = await rescore();
    expect(second.changed).toBe(3);
    expect(second.written).toBe(2);
    expect(second.failed).toBe(1);
    standin.faults = {};
    standin.data.opportunities = standin.data.opportunities.filter((o) => o.Id !== oppId(5));
    await expectSecondRunWritesNothing();
  });

  test('REQUEST_LIMIT_EXCEEDED is not retried, says so, and keeps the counts', async () => {
    await start(10);
    standin.faults = { http: [{ endpoint: 'POST jobs/ingest', effect: 'REQUEST_LIMIT_EXCEEDED' }] };
    const error = await rejected(rescore());
    expect(error.key).toBe('requestLimitExceeded');
    expect(standin.count('POST jobs/ingest')).toBe(1);
    const data = error.data as unknown as OrgScoreResult;
    expect(data.changed).toBe(10);
    expect(data.notProcessed).toBe(10);
    expect(data.written + data.failed + data.notProcessed).toBe(data.changed);
    expect(failuresOf(data.failuresFile ?? '')[0]?.sf__Error).toContain('REQUEST_LIMIT_EXCEEDED');
    standin.faults = {};
    const next = await rescore();
    expect(next.written).toBe(10);
    await expectSecondRunWritesNothing();
  });

  test('a job that ends Failed: processed rows are counted, the others reported not processed', async () => {
    await start(20);
    standin.faults = {
      ingestEnds: { state: 'Failed', processedBeforeEnd: 8, errorMessage: 'InvalidBatch : Field name not found' },
    };
    const r = await rescore();
    expect(r.written).toBe(8);
    expect(r.notProcessed).toBe(12);
    expect(r.failures[0]?.error).toContain('Failed: InvalidBatch : Field name not found');
    standin.faults = {};
    const second = await rescore();
    expect(second.written).toBe(12);
    await expectSecondRunWritesNothing();
  });

  test('a job that is Aborted in the org, and one that processes 0 rows', async () => {
    await start(6);
    standin.faults = { ingestEnds: { state: 'Aborted', processedBeforeEnd: 0 } };
    const r = await rescore();
    expect(r.written).toBe(0);
    expect(r.notProcessed).toBe(6);
    expect(r.failures.every((f) => / Aborted$/.test(f.error))).toBe(true);
    standin.faults = {};
    expect((await rescore()).written).toBe(6);
    await expectSecondRunWritesNothing();
  });

  test('an org with no open deal starts no ingest job', async () => {
    await start(0);
    const r = await rescore();
    expect(r.deals).toBe(0);
    expect(standin.count('POST jobs/ingest')).toBe(0);
  });

  test('a value that is not a number leaves that deal unscored and the others written', async () => {
    await start(5);
    const deal = standin.opportunity(oppId(2));
    if (deal) deal.Payment_Terms_Days__c = 'net 30';
    const r = await rescore();
    expect(r.unscorable).toBe(1);
    expect(r.unscorableRows[0]).toMatchObject({ id: oppId(2), column: 'Payment_Terms_Days__c', value: 'net 30' });
    expect(r.written).toBe(4);
  });
});

describe('the network and the session', () => {
  test('503 answers and dropped connections are retried without losing a row', async () => {
    await start(15);
    standin.faults = {
      http: [
        { endpoint: 'GET jobs/query/:id', effect: 503 },
        { endpoint: 'POST jobs/ingest', effect: 'drop' },
        { endpoint: 'PUT jobs/ingest/:id/batches', effect: 'drop' },
        { endpoint: 'PATCH jobs/ingest/:id', effect: 503, after: 1 },
        { endpoint: 'GET jobs/ingest/:id/successfulResults', effect: 'drop' },
      ],
    };
    const r = await rescore();
    expect(r.written).toBe(15);
    // The job whose upload broke was aborted and a clean one took its rows.
    const states = [...standin.ingestJobs.values()].map((j) => j.state);
    expect(states).toEqual(['Aborted', 'JobComplete']);
    standin.faults = {};
    await expectSecondRunWritesNothing();
  }, 30_000);

  test('a 401 while polling: the job keeps running, the rows are reported, resume finishes it', async () => {
    await start(8);
    standin.faults = { http: [{ endpoint: 'GET jobs/ingest/:id', effect: 'expire-session' }] };
    const error = await rejected(rescore());
    expect(error.key).toBe('sessionExpiredJob');
    const data = error.data as unknown as OrgScoreResult;
    expect(data.pendingJobId).toMatch(/^750/);
    expect(data.notProcessed).toBe(8);
    expect(data.failures[0]?.error).toContain(`still in job ${data.pendingJobId}`);
    // Logged in again (a new token), the job is resumed.
    standin.faults = {};
    conn = await connect(standin);
    const resumed = await resumeOrgJob(conn, data.pendingJobId ?? '', options());
    expect(resumed.written).toBe(8);
    await expectSecondRunWritesNothing();
  });

  test('the wait runs out: the job is left running with the command that resumes it', async () => {
    await start(7);
    standin.faults = { neverComplete: 'ingest' };
    const r = await rescore({ poll: { timeoutMs: 50, intervalMs: 10 } });
    expect(r.pendingJobId).toMatch(/^750/);
    expect(r.resumeCommand).toBe(`walkaway score --target-org standin --resume-job ${r.pendingJobId}`);
    expect(r.notProcessed).toBe(7);
    expect([...standin.ingestJobs.values()][0]?.state).toBe('InProgress'); // not aborted
    standin.faults = {};
    const resumed = await resumeOrgJob(conn, r.pendingJobId ?? '', options());
    expect(resumed.written).toBe(7);
    expect(resumed.failuresFile).toBeNull();
    await expectSecondRunWritesNothing();
  });

  test('a query job that fails or never completes stops the run before anything is written', async () => {
    await start(5);
    standin.faults = { queryEnds: 'Failed' };
    expect((await rejected(rescore())).key).toBe('queryJobEnded');
    standin.faults = { neverComplete: 'query' };
    expect((await rejected(rescore({ poll: { timeoutMs: 30, intervalMs: 10 } }))).key).toBe('queryTimeout');
    expect(standin.count('POST jobs/ingest')).toBe(0);
    // The query job the timeout left behind is aborted, not left using the org's allowance.
    expect([...standin.queryJobs.values()].at(-1)?.state).toBe('Aborted');
  });

  test('a session that expires when the ingest job is created offers no job to resume', async () => {
    await start(4);
    standin.faults = { http: [{ endpoint: 'POST jobs/ingest', effect: 'expire-session' }] };
    const error = await rejected(rescore());
    expect(error.key).toBe('sessionExpired');
    expect(error.tokens).toEqual(['standin', '']);
    const data = error.data as unknown as OrgScoreResult;
    expect(data.resumeCommand).toBeNull();
    expect(data.queryJobId).toMatch(/^750STANDINQ/);
    expect(data.notProcessed).toBe(4);
  });

  test('an outage that outlasts the retries while polling: job ids, the resume command and the failed rows', async () => {
    await start(6);
    // jsforce retries a GET 5 times (with its own backoff): 6 answers of 503 outlast them.
    standin.faults = { http: [{ endpoint: 'GET jobs/ingest/:id', effect: 503, times: 6 }] };
    const error = await rejected(rescore());
    const data = error.data as unknown as OrgScoreResult;
    expect(data.ingestJobIds).toHaveLength(1);
    const job = data.ingestJobIds[0] ?? '';
    expect(data.pendingJobId).toBe(job);
    expect(data.resumeCommand).toBe(`walkaway score --target-org standin --resume-job ${job}`);
    expect(failuresOf(data.failuresFile ?? '')).toHaveLength(6);
    standin.faults = {};
    expect((await resumeOrgJob(conn, job, options())).written).toBe(6);
  }, 60_000);

  test('--resume-job takes only an ingest job of this org: a query job Id or a malformed one is refused', async () => {
    await start(2);
    const r = await rescore({ dryRun: true });
    const queryJob = r.queryJobId ?? '';
    for (const id of [queryJob, 'not-a-job', '750STANDINI99999']) {
      const error = await rejected(resumeOrgJob(conn, id, options()));
      expect(error.key).toBe('notAnIngestJob');
      expect(error.tokens).toEqual([id]);
    }
  });
});

describe("other people's edits during a run (no lost update)", () => {
  test('a deal edited between the read and the write is left alone, reported, and rescored next run', async () => {
    await start(5);
    // A rep lowers Amount to 1 while the CLI is reading.
    standin.hooks.set('GET jobs/query/:id/results', () => standin.edit(oppId(2), { Amount: 1 }));
    const r = await rescore();
    expect(r.changed).toBe(5);
    expect(r.changedDuringRun).toBe(1);
    expect(r.written).toBe(4);
    expect(r.failures).toEqual([{ id: oppId(2), status: 'Changed during run', error: CHANGED_DURING_RUN }]);
    expect(standin.opportunity(oppId(2))?.Walk_Away_Recommendation__c ?? null).toBeNull();
    expect(standin.opportunity(oppId(2))?.Amount).toBe(1);
    const rows = failuresOf(r.failuresFile ?? '');
    expect(rows.map((row) => [row.Id, row.Status, row.sf__Error])).toEqual([
      [oppId(2), 'Changed during run', CHANGED_DURING_RUN],
    ]);
    // The check is one REST query, on the org's clock, just before the ingest job.
    const check = standin.restQueries.at(-1) ?? '';
    expect(check).toMatch(
      /^SELECT Id, SystemModstamp FROM Opportunity WHERE SystemModstamp >= \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    standin.hooks.clear();
    const next = await rescore();
    expect(next.written).toBe(1);
    expect(standin.opportunity(oppId(2))?.Walk_Away_Recommendation__c).toBe('Walk Away');
  });

  test('when every changed row was edited meanwhile, no ingest job starts', async () => {
    await start(2);
    standin.hooks.set('GET jobs/query/:id/results', () => {
      standin.edit(oppId(1), { Direct_Cost__c: 1 });
      standin.edit(oppId(2), { Direct_Cost__c: 1 });
    });
    const r = await rescore();
    expect(r.changedDuringRun).toBe(2);
    expect(r.ingestJobIds).toEqual([]);
    expect(standin.count('POST jobs/ingest')).toBe(0);
  });
});

describe('before anything is written', () => {
  test('/limits is checked first and a short org is warned about (a user with View Setup)', async () => {
    await start(3, { user: ADMIN_USER });
    standin.limits.DailyBulkV2QueryJobs = { Max: 10000, Remaining: 0 };
    const r = await rescore();
    expect(standin.log[0]).toMatch(/^GET \/services\/data\/v62\.0\/limits$/);
    expect(r.limitWarnings).toEqual([{ limit: 'DailyBulkV2QueryJobs', remaining: 0, max: 10000, needed: 1 }]);
    expect(r.limitsUnreadable).toBeNull();
  });

  test('the integration user may not read /limits (no View Setup): a warning, and the run goes on', async () => {
    await start(3);
    const r = await rescore();
    expect(r.limitsUnreadable).toMatch(/^INSUFFICIENT_ACCESS: .*View Setup and Configuration/);
    expect(r.limitWarnings).toEqual([]);
    expect(r.written).toBe(3);
  });

  test('a REQUEST_LIMIT_EXCEEDED on /limits still stops the run', async () => {
    await start(3);
    standin.faults = { http: [{ endpoint: 'GET limits', effect: 'REQUEST_LIMIT_EXCEEDED' }] };
    expect((await rejected(rescore())).key).toBe('requestLimitExceeded');
  });

  test('an invalid policy in the org stops the run, naming record and field', async () => {
    await start(3);
    const policy = standin.data.policies.find((p) => p.DeveloperName === 'Default');
    if (policy) policy.Target_Margin_Pct__c = 5;
    await expect(rescore()).rejects.toThrow(PolicyError);
    await expect(rescore()).rejects.toThrow(/Policy Default: Target_Margin_Pct__c must be at least Min_Margin_Pct__c/);
    expect(standin.count('POST jobs/query')).toBe(0);
  });

  test('a policy field the engine does not know stops the run, naming record and field', async () => {
    await start(3, { extraPolicyFields: ['Supported_Regions__c'] });
    const policy = standin.data.policies.find((p) => p.DeveloperName === 'Enterprise');
    if (policy) policy.Supported_Regions__c = 'APAC';
    for (const p of standin.data.policies) if (p.DeveloperName !== 'Enterprise') p.Supported_Regions__c = null;
    await expect(rescore()).rejects.toThrow(
      /Policy Default: Supported_Regions__c is not a field of Walk_Away_Policy__mdt[\s\S]*Policy Enterprise: Supported_Regions__c is not a field of Walk_Away_Policy__mdt \(value: "APAC"\)/,
    );
    expect(standin.count('POST jobs/query')).toBe(0);
  });

  test('an org without the package is told to deploy it', async () => {
    await start(3, { withoutFields: ['Walk_Away_Scored_At__c'] });
    const error = await rejected(rescore());
    expect(error.key).toBe('fieldsMissing');
    expect(error.tokens).toEqual(['Walk_Away_Scored_At__c', 'Walk_Away_Integration']);
    expect(standin.count('POST jobs/query')).toBe(0);
  });
});

describe('as the integration user (only Walk_Away_Integration)', () => {
  test('a field the permission set does not grant is invisible: the run stops naming it and the permission set', async () => {
    await start(3);
    standin.runAs({ permissionSets: [], profile: 'standard' });
    const error = await rejected(rescore());
    expect(error.key).toBe('fieldsMissing');
    expect(String(error.tokens[0])).toContain('Direct_Cost__c');
    expect(String(error.tokens[0])).toContain('Walk_Away_Scored_At__c');
    expect(String(error.tokens[0]).split(', ')).not.toContain('Amount');
    expect(standin.count('POST jobs/query')).toBe(0);
  });

  test('describe lists only what the integration sees; decisions it does not read stay hidden', async () => {
    await start(1);
    const describe = (await conn.request('/services/data/v62.0/sobjects/Opportunity/describe')) as {
      fields: Array<{ name: string; updateable: boolean }>;
    };
    const names = describe.fields.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['Direct_Cost__c', 'Walk_Away_Decision__c', 'Walk_Away_Scored_At__c']),
    );
    expect(names).not.toContain('Walk_Away_Justification__c');
    const updateable = describe.fields.filter((f) => f.updateable).map((f) => f.name);
    expect(updateable.sort()).toEqual([...OUTPUT_FIELDS, 'Walk_Away_Scored_At__c'].sort());
  });

  test("without the sharing rule the integration edits none of the reps' deals: each row fails with the org's error", async () => {
    await start(4, { user: { sharingRuleEdit: false } });
    const r = await rescore();
    expect(r.changed).toBe(4);
    expect(r.written).toBe(0);
    expect(r.failures.map((f) => f.error)).toEqual(
      Array(4).fill('INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--'),
    );
  });

  test('a user who sees only some owners scores only their deals', async () => {
    await start(10, {
      user: {
        permissionSets: ['Walk_Away_Admin'],
        profile: 'standard',
        sharingRuleEdit: false,
        id: userId(1),
        visibleOwners: [userId(2)],
      },
    });
    const r = await rescore();
    const owners = new Set(
      standin.data.opportunities
        .filter((o) => !o.IsClosed && [userId(1), userId(2)].includes(String(o.OwnerId)))
        .map((o) => o.Id),
    );
    expect(r.deals).toBe(owners.size);
  });

  test('the org refuses a write to a field the user cannot edit', async () => {
    await start(1);
    const api = async (method: string, path: string, body?: string, type = 'application/json'): Promise<string> => {
      const reply = await fetch(`${standin.url}/services/data/v62.0/${path}`, {
        method,
        body,
        headers: { Authorization: `Bearer ${standin.accessToken}`, 'Content-Type': type },
      });
      return reply.text();
    };
    const job = JSON.parse(
      await api(
        'POST',
        'jobs/ingest',
        JSON.stringify({ object: 'Opportunity', operation: 'update', contentType: 'CSV' }),
      ),
    ) as { id: string };
    await api('PUT', `jobs/ingest/${job.id}/batches`, `Id,Direct_Cost__c\n${oppId(1)},1\n`, 'text/csv');
    await api('PATCH', `jobs/ingest/${job.id}`, JSON.stringify({ state: 'UploadComplete' }));
    await api('GET', `jobs/ingest/${job.id}`);
    expect(await api('GET', `jobs/ingest/${job.id}/failedResults`)).toContain(
      'INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: Direct_Cost__c.',
    );
    expect(standin.opportunity(oppId(1))?.Direct_Cost__c).not.toBe(1);
  });
});

describe('a multi-currency org (corporate currency USD)', () => {
  const deal = (n: number, currency: string, amount: number, extra: Record<string, unknown> = {}) => ({
    Id: oppId(n),
    Name: `Deal ${n}`,
    AccountId: null,
    OwnerId: userId(1),
    Amount: amount,
    CurrencyIsoCode: currency,
    CloseDate: '2026-12-15',
    Probability: 40,
    StageName: 'Negotiation/Review',
    IsClosed: false,
    IsWon: false,
    Direct_Cost__c: 1000,
    Allocated_Overhead__c: 0,
    SystemModstamp: '2026-10-01T08:00:00.000Z',
    ...extra,
  });
  const currencies = [
    { IsoCode: 'USD', ConversionRate: 1, IsCorporate: true, IsActive: true },
    { IsoCode: 'IDR', ConversionRate: 16000, IsCorporate: false, IsActive: true },
    { IsoCode: 'EUR', ConversionRate: 0.9, IsCorporate: false, IsActive: true },
  ];
  const org = (datedRates: Array<Record<string, unknown>> = []) => ({
    opportunities: [
      deal(1, 'USD', 100_000),
      deal(2, 'IDR', 1_600_000_000),
      deal(3, 'EUR', 90_000, { IsClosed: true, IsWon: true, StageName: 'Closed Won', CloseDate: '2026-10-15' }),
    ],
    users: [{ Id: userId(1), Name: 'Ana Putri', Walk_Away_Quarterly_Quota__c: 400_000 }],
    accounts: [],
    policies: projectPolicies(),
    periods: [],
    currencies,
    datedRates,
  });
  const snapshotOf = async (data: ReturnType<typeof org>) => {
    standin = await new SalesforceStandin(data, { multiCurrency: true, today: '2026-11-26' }).start();
    conn = await connect(standin);
    return readSnapshot(conn, { today: '2026-11-26', poll: { timeoutMs: 10_000, intervalMs: 5 } });
  };

  test('open alternatives and Closed Won are summed in USD with the org’s CurrencyType rates', async () => {
    const snapshot = await snapshotOf(org());
    expect(snapshot.rates?.corporate).toBe('USD');
    // Deal 1 is judged: its alternative is deal 2, IDR 1,600,000,000 / 16,000 = USD 100,000.
    expect(pipelineOf(snapshot, snapshot.rows.find((r) => r.Id === oppId(1)) ?? {})).toMatchObject({
      alternatives: 1,
      alternativesAmountCents: 10_000_000,
      closedWonCents: 10_000_000, // EUR 90,000 / 0.9, converted by the org's aggregate
    });
    // Deal 2 is judged: its own amount counts in USD too (100,000), never as 1.6 billion.
    expect(snapshot.totals.get(userId(1))?.alternativesAmountCents).toBe(20_000_000);
  });

  test('a deal in another currency is weighed against its owner in its own currency: its share of quota is 25%, not 400,000%', async () => {
    const snapshot = await snapshotOf(org());
    const idrDeal = snapshot.rows.find((r) => r.Id === oppId(2)) ?? {};
    const figures = pipelineOf(snapshot, idrDeal);
    // USD 400,000 quota, USD 100,000 won and USD 100,000 open (deal 1), each at 16,000 IDR a dollar.
    expect(figures).toMatchObject({
      alternatives: 1,
      alternativesAmountCents: 160_000_000_000,
      closedWonCents: 160_000_000_000,
      quotaCents: 640_000_000_000,
    });
    // IDR 1,600,000,000 is USD 100,000: a quarter of the quota, below the 50% that weakens BATNA.
    const codes = assessBatna(figures, 160_000_000_000).signals.map((s) => s.code);
    expect(codes).not.toContain('LARGE_SHARE_OF_QUOTA');
    expect(codes).toContain('PIPELINE_GAP');
  });

  test('with Advanced Currency Management the rate in force on the CloseDate applies', async () => {
    const snapshot = await snapshotOf(
      org([
        { IsoCode: 'IDR', ConversionRate: 15000, StartDate: '2026-10-01', NextStartDate: '2027-01-01' },
        { IsoCode: 'IDR', ConversionRate: 17000, StartDate: '2027-01-01', NextStartDate: null },
      ]),
    );
    expect(snapshot.rates?.datedRates).toBe(true);
    // 1,600,000,000 / 15,000 = 106,666.67 (the rate of the quarter the deal closes in)
    expect(snapshot.totals.get(userId(1))?.alternativesAmountCents).toBe(10_000_000 + 10_666_667);
  });

  test('an amount in a currency the org has no rate for is left out of the sums, not added as is', () => {
    const rates = {
      corporate: 'USD',
      rates: new Map([['USD', 1]]),
      dated: new Map(),
      datedRates: false,
    };
    expect(toCorporate(rates, 500, 'XYZ', '2026-12-01')).toBeUndefined();
    expect(toCorporate(rates, 500, 'usd ', '2026-12-01')).toBe(500);
  });
});
