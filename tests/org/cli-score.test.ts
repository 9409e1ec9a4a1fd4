// End to end: `node bin/run.js walkaway score --target-org <alias>` as a user runs it, logged in to
// the stand-in the way `sf org login access-token` logs in (an auth file under a temporary HOME).
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginHome, makeOrg, oppId, SalesforceStandin, walkaway, type CliRun } from '../support/salesforce-standin';

jest.setTimeout(180_000);

let standin: SalesforceStandin;
let cwd: string;

beforeEach(async () => {
  standin = await new SalesforceStandin(makeOrg({ deals: 25 })).start();
  cwd = mkdtempSync(join(tmpdir(), 'walkaway-cwd-'));
});
afterEach(async () => {
  await standin.stop();
});

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectNoToken(run: CliRun, home: string, tokens: string[]): void {
  const texts = [
    run.stdout,
    run.stderr,
    ...[...filesUnder(home), ...filesUnder(cwd)].map((f) => readFileSync(f, 'utf8')),
  ];
  for (const token of tokens) for (const text of texts) expect(text.includes(token)).toBe(false);
}

const json = (run: CliRun): Record<string, unknown> => JSON.parse(run.stdout) as Record<string, unknown>;

test('scores the org by alias, then a second run writes nothing; the token appears nowhere', async () => {
  const home = await loginHome(standin, 'walkaway-standin');
  const first = await walkaway(home, ['walkaway', 'score', '--target-org', 'walkaway-standin'], { cwd });
  expect(first.stderr).not.toMatch(/Error/);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('Read 25 open opportunities from admin@walkaway.standin (Bulk API query job 750');
  expect(first.stdout).toContain('25 verdict(s) changed.');
  expect(first.stdout).toMatch(/Written: 25\. Failed: 0\. Not processed: 0\. Ingest job\(s\): 750STANDINI\d+/);
  // Deal 1: costs 81,000 + 25,000 under Default (20% / 35% on cost), Amount 137,800 below the threshold.
  expect(standin.opportunity(oppId(1))).toMatchObject({
    Walk_Away_Recommendation__c: 'Approval Required',
    Walk_Away_Floor__c: 127200,
    Walk_Away_Threshold__c: 143100,
    Walk_Away_Findings__c: 'BELOW_THRESHOLD',
    Walk_Away_Approvals__c: 'VP',
    Walk_Away_Policy__c: 'Default',
  });

  const second = await walkaway(home, ['walkaway', 'score', '--target-org', 'walkaway-standin', '--json'], { cwd });
  expect(second.code).toBe(0);
  const doc = json(second);
  expect(doc.status).toBe(0);
  expect(doc.result).toMatchObject({ deals: 25, changed: 0, written: 0, ingestJobIds: [] });
  expect(standin.count('POST jobs/ingest')).toBe(1);
  // SF_LOG_LEVEL=debug: the sf log files under HOME are searched too.
  expectNoToken(first, home, [standin.accessToken]);
  expectNoToken(second, home, [standin.accessToken]);
});

test('partial failure: exit 1, one JSON document with the job id and counts, failed rows in a file', async () => {
  const home = await loginHome(standin);
  standin.faults = {
    rows: { [oppId(2)]: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Amount must be approved by Finance' } },
  };
  const run = await walkaway(
    home,
    ['walkaway', 'score', '--target-org', 'standin', '--json', '--failed-file', 'failed.csv'],
    { cwd },
  );
  expect(run.code).toBe(1);
  expect(run.stderr).toBe('');
  const doc = json(run);
  expect(doc).toMatchObject({ status: 1, name: 'PartialFailureError' });
  expect(String(doc.message)).toMatch(
    /^Job\(s\) 750STANDINI\d+: 24 of 25 changed row\(s\) written, 1 failed, 0 not processed\.$/,
  );
  const data = doc.data as Record<string, unknown>;
  expect(data).toMatchObject({ written: 24, failed: 1, notProcessed: 0, failuresFile: join(cwd, 'failed.csv') });
  const file = readFileSync(join(cwd, 'failed.csv'), 'utf8');
  expect(file.split('\r\n')[0]).toMatch(/^Id,Status,sf__Error,Walk_Away_Recommendation__c/);
  expect(file).toContain(`${oppId(2)},Failed,FIELD_CUSTOM_VALIDATION_EXCEPTION:Amount must be approved by Finance:--`);
  expectNoToken(run, home, [standin.accessToken]);

  standin.faults = {};
  const human = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin'], { cwd });
  expect(human.code).toBe(0);
  expect(human.stdout).toContain('1 verdict(s) changed.');
});

test('the wait runs out: exit 5 with the resume command, which then finishes the job', async () => {
  const home = await loginHome(standin);
  standin.faults = { neverComplete: 'ingest' };
  const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--wait', '0'], { cwd });
  expect(run.code).toBe(5);
  const command = /walkaway score --target-org admin@walkaway.standin --resume-job (750STANDINI\d+)/.exec(run.stdout);
  expect(command).not.toBeNull();
  expect(run.stderr).toContain(`The wait ran out: job ${command?.[1]} is still running in the org.`);
  standin.faults = {};
  const resumed = await walkaway(
    home,
    ['walkaway', 'score', '--target-org', 'standin', '--resume-job', command?.[1] ?? ''],
    { cwd },
  );
  expect(resumed.code).toBe(0);
  expect(resumed.stdout).toContain(`Job ${command?.[1]}: written 25, failed 0, not processed 0.`);
  const again = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--json'], { cwd });
  expect(json(again).result).toMatchObject({ changed: 0, ingestJobIds: [] });
});

test('REQUEST_LIMIT_EXCEEDED: exit 4, said plainly, not retried', async () => {
  const home = await loginHome(standin);
  standin.faults = { http: [{ endpoint: 'POST jobs/query', effect: 'REQUEST_LIMIT_EXCEEDED' }] };
  const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin'], { cwd });
  expect(run.code).toBe(4);
  expect(run.stderr).toContain('its API request limit is used up (REQUEST_LIMIT_EXCEEDED');
  expect(run.stderr).toContain('The request was not retried.');
  expect(standin.count('POST jobs/query')).toBe(1);
  expect(standin.count('POST jobs/ingest')).toBe(0);
});

test('a session that expires while polling is refreshed when the login has a refresh token', async () => {
  const home = await loginHome(standin, 'standin', 'refresh-token');
  const firstToken = standin.accessToken;
  standin.faults = { http: [{ endpoint: 'GET jobs/ingest/:id', effect: 'expire-session' }] };
  const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin'], { cwd });
  expect(run.code).toBe(0);
  expect(standin.accessToken).not.toBe(firstToken);
  expect(standin.count('POST /services/oauth2/token')).toBeGreaterThanOrEqual(2); // login, then the refresh
  expect(run.stdout).toContain('Written: 25.');
  expectNoToken(run, home, [firstToken, standin.accessToken, standin.refreshToken]);
});

test('an access-token login whose session expires while polling gets a clear next step', async () => {
  const home = await loginHome(standin);
  standin.faults = { http: [{ endpoint: 'GET jobs/ingest/:id', effect: 'expire-session' }] };
  const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin'], { cwd });
  expect(run.code).toBe(4);
  expect(run.stderr).toMatch(/The session for admin@walkaway.standin expired while waiting for job 750STANDINI\d+/);
  expect(run.stderr).toMatch(/walkaway score --target-org admin@walkaway.standin --resume-job 750STANDINI\d+/);
});

test('--dry-run shows the changes and starts no ingest job', async () => {
  const home = await loginHome(standin);
  const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--dry-run'], { cwd });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Dry run: nothing was written. 25 row(s) would be written through Bulk API 2.0.');
  expect(run.stdout).toMatch(/006STANDIN0000002 {2}Deal 2 {2}\(none\) -> Walk Away/);
  expect(standin.count('POST jobs/ingest')).toBe(0);
});

test('neither --file nor --target-org: exit 2 and one JSON error document', async () => {
  const home = mkdtempSync(join(tmpdir(), 'walkaway-home-'));
  const run = await walkaway(home, ['walkaway', 'score', '--json'], { cwd });
  expect(run.code).toBe(2);
  expect(json(run)).toMatchObject({ status: 2, message: 'Give --file or --target-org (one of them).' });
});

test('an outage that outlasts the retries after the ingest job exists: job ids, resume command and failed rows, human and --json', async () => {
  const home = await loginHome(standin);
  // jsforce retries a GET 5 times: 6 answers of 503 to the poll outlast them.
  standin.faults = { http: [{ endpoint: 'GET jobs/ingest/:id', effect: 503, times: 6 }] };
  const human = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--failed-file', 'f1.csv'], {
    cwd,
  });
  expect(human.code).toBe(4);
  const job = /Ingest job\(s\) started by this run: (750STANDINI\d+)/.exec(human.stderr)?.[1] ?? '';
  expect(job).not.toBe('');
  expect(human.stderr).toContain('The org answered HTTP_503');
  expect(human.stderr).toContain(
    `Wait for the job still running and account for its rows: walkaway score --target-org admin@walkaway.standin --resume-job ${job}`,
  );
  expect(human.stderr).toContain(`Rows not written, with the org's error or the reason: ${join(cwd, 'f1.csv')}`);
  expect(readFileSync(join(cwd, 'f1.csv'), 'utf8')).toContain(`still in job ${job}`);

  standin.faults = { http: [{ endpoint: 'GET jobs/ingest/:id', effect: 503, times: 6 }] };
  const machine = await walkaway(
    home,
    ['walkaway', 'score', '--target-org', 'standin', '--json', '--failed-file', 'f2.csv'],
    { cwd },
  );
  expect(machine.code).toBe(4);
  const doc = json(machine);
  const data = doc.data as Record<string, unknown>;
  const second = (data.ingestJobIds as string[])[0] ?? '';
  expect(second).toMatch(/^750STANDINI\d+$/);
  expect(data).toMatchObject({
    pendingJobId: second,
    resumeCommand: `walkaway score --target-org admin@walkaway.standin --resume-job ${second}`,
    failuresFile: join(cwd, 'f2.csv'),
  });
  expect(doc.actions).toEqual(
    expect.arrayContaining([
      `Wait for the job still running and account for its rows: walkaway score --target-org admin@walkaway.standin --resume-job ${second}`,
    ]),
  );
}, 120_000);

test('--resume-job refuses a query job Id (exit 2), and the integration user is warned that /limits is closed to it', async () => {
  const home = await loginHome(standin);
  const dry = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--dry-run'], { cwd });
  expect(dry.code).toBe(0);
  expect(dry.stderr).toContain("The org's limits could not be read (INSUFFICIENT_ACCESS:");
  const queryJob = /Bulk API query job (750STANDINQ\d+)/.exec(dry.stdout)?.[1] ?? '';
  expect(queryJob).not.toBe('');
  const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--resume-job', queryJob], {
    cwd,
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`${queryJob} is not a Bulk API 2.0 ingest job of this org that updates opportunities`);
  expect(standin.count('POST jobs/ingest')).toBe(0);
});
