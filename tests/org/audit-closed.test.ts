// `walkaway audit` on what already happened, run as a user runs it (bin/run.js) against the stand-in:
// Closed Won deals against a Walk Away verdict, without an approved exception or on one that no
// longer held, and exceptions approved by their own requester; and an integration user whose
// permission set does not reach the exception object.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accountId,
  isoDate,
  loginHome,
  makeOrg,
  oppId,
  projectWithoutExceptionAccess,
  quarters,
  SalesforceStandin,
  userId,
  walkaway,
  type CliRun,
  type OrgData,
  type StandinOptions,
} from '../support/salesforce-standin';
import type { Row } from '../support/salesforce-standin/soql';

jest.setTimeout(180_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (run: CliRun): Record<string, any> => JSON.parse(run.stdout) as Record<string, any>;

const q = quarters(new Date());
const WON_ON = q.start;
/** A local date `n` days before today (the CLI counts days on the local calendar). */
const daysAgo = (n: number): string => {
  const now = new Date();
  return isoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - n));
};
const dayBefore = (date: string, n: number): string => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d - n));
};
const TERMS = 'cap=;unl=false;ip=false;pay=30;sla=;tfc=false;ind=false';
const excId = (n: number): string => `a0ASTANDIN${String(n).padStart(7, '0')}`;

/** A Closed Won deal of the article's buyer (costs 80K + 25K, floor 126K, threshold 141.75K). */
function wonDeal(n: number, amount: number, extra: Row): Row {
  return {
    Id: oppId(700000 + n),
    Name: `Closed ${n}`,
    AccountId: accountId(1),
    OwnerId: userId(1),
    Amount: amount,
    CloseDate: WON_ON,
    Probability: 100,
    StageName: 'Closed Won',
    IsClosed: true,
    IsWon: true,
    Direct_Cost__c: 80000,
    Allocated_Overhead__c: 25000,
    Walk_Away_Floor__c: 126000,
    Walk_Away_Threshold__c: 141750,
    Walk_Away_Policy__c: 'Default',
    Walk_Away_Terms__c: TERMS,
    Walk_Away_Scored_At__c: `${WON_ON}T08:00:00.000Z`,
    LastModifiedDate: `${WON_ON}T09:00:00.000Z`,
    SystemModstamp: `${WON_ON}T09:00:00.000Z`,
    ...extra,
  };
}

/** The snapshot the org's trigger writes on a deal when its exception is approved. */
const approvedSnapshot = (exception: string, amount: number, findings = 'BELOW_THRESHOLD'): Row => ({
  Walk_Away_Approved_Exception__c: exception,
  Walk_Away_Approved_Amount__c: amount,
  Walk_Away_Approved_Findings__c: findings,
  Walk_Away_Approved_Policy__c: 'Default',
  Walk_Away_Approved_Terms__c: TERMS,
  Walk_Away_Decision__c: 'Exception Approved',
});

function exception(n: number, deal: string, extra: Row): Row {
  return {
    Id: excId(n),
    Name: `WAE-${String(n).padStart(5, '0')}`,
    Opportunity__c: deal,
    Status__c: 'Approved',
    Findings__c: 'BELOW_THRESHOLD',
    Approvers__c: 'VP',
    Amount__c: 140000,
    Policy__c: 'Default',
    Terms__c: TERMS,
    Justification__c: 'Strategic logo in a new region, worth the margin.',
    Requested_By__c: userId(1),
    Requested_On__c: `${WON_ON}T08:00:00.000Z`,
    VP_Approver__c: userId(2),
    VP_Approved_On__c: `${WON_ON}T10:00:00.000Z`,
    Decided_On__c: `${WON_ON}T10:00:00.000Z`,
    ...extra,
  };
}

/** An org with no open deal: only what was won and the exceptions behind it. */
function closedOrg(): OrgData {
  const org = makeOrg({ deals: 0 });
  const approvalRequired = {
    Walk_Away_Recommendation__c: 'Approval Required',
    Walk_Away_Findings__c: 'BELOW_THRESHOLD',
  };
  org.opportunities.push(
    // Won at 120K, below the 126K floor: no exception can allow it.
    wonDeal(1, 120000, { Walk_Away_Recommendation__c: 'Walk Away', Walk_Away_Findings__c: 'BELOW_FLOOR' }),
    // The verdict was set to Proceed by hand; 130K is below the threshold and nobody approved.
    wonDeal(2, 130000, { Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Findings__c: null }),
    // Approved at 140K, then the Amount went down to 135K and the deal was won (a bypass).
    wonDeal(3, 135000, { ...approvalRequired, ...approvedSnapshot(excId(3), 140000) }),
    // Its exception went stale (the trigger cleared the snapshot); won anyway.
    wonDeal(4, 138000, approvalRequired),
    // Won on an approved, current exception: nothing to report.
    wonDeal(5, 140000, { ...approvalRequired, ...approvedSnapshot(excId(5), 140000) }),
    // Unlimited liability (Walk Away, Legal then C-Level) with the request still waiting.
    wonDeal(7, 160000, {
      Walk_Away_Recommendation__c: 'Walk Away',
      Walk_Away_Findings__c: 'UNLIMITED_LIABILITY',
      Unlimited_Liability__c: true,
    }),
    // Won on an exception approved 100 days before, beyond the Default policy's 90 days.
    wonDeal(9, 140000, { ...approvalRequired, ...approvedSnapshot(excId(9), 140000) }),
    // Won below the floor, but before --closed-since: not audited.
    wonDeal(8, 100000, {
      CloseDate: '2020-01-15',
      Walk_Away_Recommendation__c: 'Walk Away',
      Walk_Away_Findings__c: 'BELOW_FLOOR',
    }),
  );
  org.opportunities.push({
    ...wonDeal(6, 140000, approvalRequired),
    Name: 'Open 6',
    StageName: 'Negotiation/Review',
    IsClosed: false,
    IsWon: false,
    Probability: 60,
  });
  org.exceptions = [
    exception(3, oppId(700003), {}),
    exception(4, oppId(700004), {
      Amount__c: 140000,
      Status__c: 'Stale',
      Stale_Reason__c: 'Amount 138000 is below the approved Amount 140000',
    }),
    exception(5, oppId(700005), {}),
    // Requested by Citra and approved by Citra at the VP step, a few days ago.
    exception(6, oppId(700006), {
      Requested_By__c: userId(3),
      VP_Approver__c: userId(3),
      Requested_On__c: `${daysAgo(6)}T08:00:00.000Z`,
      VP_Approved_On__c: `${daysAgo(5)}T08:00:00.000Z`,
      Decided_On__c: `${daysAgo(5)}T08:00:00.000Z`,
    }),
    // On the same open deal: one approved 200 days ago, one request waiting for 120 days.
    exception(8, oppId(700006), {
      Requested_On__c: `${daysAgo(201)}T08:00:00.000Z`,
      VP_Approved_On__c: `${daysAgo(200)}T08:00:00.000Z`,
      Decided_On__c: `${daysAgo(200)}T08:00:00.000Z`,
    }),
    exception(10, oppId(700006), {
      Status__c: 'Requested',
      Requested_On__c: `${daysAgo(120)}T08:00:00.000Z`,
      VP_Approver__c: null,
      VP_Approved_On__c: null,
      Decided_On__c: null,
    }),
    exception(9, oppId(700009), { Decided_On__c: `${dayBefore(WON_ON, 100)}T10:00:00.000Z` }),
    exception(7, oppId(700007), {
      Status__c: 'Requested',
      Findings__c: 'UNLIMITED_LIABILITY',
      Approvers__c: 'Legal;C-Level',
      Amount__c: 160000,
      VP_Approver__c: null,
      VP_Approved_On__c: null,
      Decided_On__c: null,
    }),
  ];
  return org;
}

const CLOSED_PROBLEMS = [
  'WON_AGAINST_WALK_AWAY',
  'WON_WITHOUT_EXCEPTION',
  'WON_ON_STALE_EXCEPTION',
  'SELF_APPROVED',
  'EXCEPTION_TOO_OLD',
];

let standin: SalesforceStandin;
let home: string;
let cwd: string;

async function start(data: OrgData, options: StandinOptions = {}): Promise<void> {
  standin = await new SalesforceStandin(data, options).start();
  home = await loginHome(standin);
  cwd = mkdtempSync(join(tmpdir(), 'walkaway-cwd-'));
}
afterEach(async () => {
  await standin?.stop();
});

const audit = (...flags: string[]): Promise<CliRun> =>
  walkaway(home, ['walkaway', 'audit', '--target-org', 'standin', '--output', 'audit.csv', ...flags], { cwd });

test('Closed Won deals against the rules and a self-approved exception: each named, exit 1', async () => {
  await start(closedOrg());
  const run = await audit('--json', '--closed-since', q.lastStart);
  expect(run.code).toBe(1);
  const doc = json(run);
  expect(doc.name).toBe('FoundError');
  const r = doc.data;
  expect(r).toMatchObject({
    closedWon: 12, // the seven closed here since the last quarter began, and makeOrg's five won this quarter
    closedSince: q.lastStart,
    exceptions: 8,
    wonAgainstWalkAway: 2,
    wonWithoutException: 1,
    wonOnStaleException: 2,
    selfApproved: 1,
    exceptionsTooOld: 3,
    exceptionsUnreadable: null,
  });
  const rows = (r.findings as Array<Record<string, string | null>>)
    .filter((f) => CLOSED_PROBLEMS.includes(String(f.problem)))
    .map((f) => [f.id, f.problem, f.stored, f.recomputed, f.detail]);
  expect(rows).toEqual([
    [
      oppId(700001),
      'WON_AGAINST_WALK_AWAY',
      'Walk Away',
      'Walk Away',
      `Closed Won on ${WON_ON} at 120000, below the floor 126000 (BELOW_FLOOR): no exception can allow it`,
    ],
    [
      oppId(700002),
      'WON_WITHOUT_EXCEPTION',
      'Proceed',
      'Approval Required',
      `Closed Won on ${WON_ON} at 130000 needing approval (BELOW_THRESHOLD) with no approved exception`,
    ],
    [
      oppId(700003),
      'WON_ON_STALE_EXCEPTION',
      'Approval Required',
      'Approval Required',
      `Closed Won on ${WON_ON} at 135000 on WAE-00003, which no longer held: Amount 135000 is below the approved Amount 140000`,
    ],
    [
      oppId(700004),
      'WON_ON_STALE_EXCEPTION',
      'Approval Required',
      'Approval Required',
      `Closed Won on ${WON_ON} at 138000 needing approval (BELOW_THRESHOLD); WAE-00004 went stale: Amount 138000 is below the approved Amount 140000`,
    ],
    [
      oppId(700007),
      'WON_AGAINST_WALK_AWAY',
      'Walk Away',
      'Walk Away',
      `Closed Won on ${WON_ON} at 160000 against a Walk Away verdict (UNLIMITED_LIABILITY) with no approved exception; WAE-00007 is Requested`,
    ],
    [
      oppId(700006),
      'SELF_APPROVED',
      'Approval Required',
      null,
      `WAE-00006 (Approved): requested by Citra Lestari (${userId(3)}), who approved it: VP on ${daysAgo(5)}`,
    ],
    [
      oppId(700006),
      'EXCEPTION_TOO_OLD',
      'Approval Required',
      null,
      `WAE-00008 approved on ${daysAgo(200)} was 200 days old today: beyond the 90-day limit of policy Default`,
    ],
    [
      oppId(700006),
      'EXCEPTION_TOO_OLD',
      'Approval Required',
      null,
      `WAE-00010 requested on ${daysAgo(120)} has waited 120 days for its approvers: beyond the 90-day limit of policy Default`,
    ],
    [
      oppId(700009),
      'EXCEPTION_TOO_OLD',
      'Approval Required',
      null,
      `WAE-00009 approved on ${dayBefore(WON_ON, 100)} was 100 days old when the deal was won on ${WON_ON}: beyond the 90-day limit of policy Default`,
    ],
  ]);
  // Every finding is in the CSV too, with its owner.
  const csv = readFileSync(join(cwd, 'audit.csv'), 'utf8');
  expect(csv).toContain(`${oppId(700006)},Open 6,${userId(1)},SELF_APPROVED,Approval Required,,"WAE-00006 (Approved)`);
  expect(csv).not.toContain(oppId(700005));
  expect(csv).not.toContain(oppId(700008));
  // The justification is not the integration user's to read, and it was not asked for.
  expect(standin.restQueries.join('\n')).not.toContain('Justification__c');

  const human = await audit('--closed-since', q.lastStart);
  expect(human.code).toBe(1);
  expect(human.stdout).toContain(
    `Audited 12 Closed Won deal(s) since ${q.lastStart} and 8 exception(s): 2 won against a Walk Away verdict, 1 won needing approval without an approved exception, 2 won on an exception that no longer held, 1 approved by their own requester, 3 older than their policy's limit.`,
  );
  expect(human.stdout).toMatch(/006STANDIN0700006\s+Open 6\s+SELF_APPROVED/);
  expect(human.stderr).toContain(
    'The audit found 10 problem(s) on open opportunities, Closed Won deals and exceptions.',
  );
});

test('--closed-since reaches back: the deal won below the floor in 2020 is found; a bad date is exit 2', async () => {
  await start(closedOrg());
  const run = await audit('--json', '--closed-since', '2019-12-31');
  expect(json(run).data.findings.map((f: { id: string }) => f.id)).toContain(oppId(700008));
  const bad = await audit('--closed-since', '15/01/2020');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--closed-since must be a date as YYYY-MM-DD, got "15/01/2020".');
});

test('an org that kept to the rules: exit 0', async () => {
  const org = makeOrg({ deals: 0 });
  org.opportunities.push(
    wonDeal(5, 140000, {
      Walk_Away_Recommendation__c: 'Approval Required',
      Walk_Away_Findings__c: 'BELOW_THRESHOLD',
      ...approvedSnapshot(excId(5), 140000),
    }),
  );
  org.exceptions = [exception(5, oppId(700005), {})];
  await start(org);
  const run = await audit();
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    'Audited 6 Closed Won deal(s) since', // one year back by default
  );
  expect(run.stdout).toContain('and 1 exception(s): 0 won against a Walk Away verdict');
  expect(run.stdout).toContain('Every stored verdict matches the recomputed one.');
});

test('the integration user cannot read exceptions: the rest is audited, the gap named, exit 1, no crash', async () => {
  await start(closedOrg(), { projectDir: projectWithoutExceptionAccess() });
  const run = await audit('--json', '--closed-since', q.lastStart);
  expect(run.code).toBe(1);
  const r = json(run).data;
  expect(r.exceptions).toBeNull();
  expect(r.exceptionsUnreadable).toBe("INVALID_TYPE: sObject type 'Walk_Away_Exception__c' is not supported.");
  // Closed Won deals are still judged on the approval recorded on the deal.
  expect(r).toMatchObject({
    wonAgainstWalkAway: 2,
    wonOnStaleException: 1,
    wonWithoutException: 2,
    selfApproved: 0,
    exceptionsTooOld: 0,
  });

  const human = await audit('--closed-since', q.lastStart);
  expect(human.code).toBe(1);
  expect(human.stderr).toContain(
    "Exceptions not audited: the running user cannot read Walk_Away_Exception__c or one of its fields (INVALID_TYPE: sObject type 'Walk_Away_Exception__c' is not supported.).",
  );
  expect(human.stderr).not.toMatch(/at .*\.js:\d+/); // a message, not a stack trace
});

test('nothing else found but the exceptions unreadable: exit 1 saying the audit is incomplete', async () => {
  await start(makeOrg({ deals: 0 }), { projectDir: projectWithoutExceptionAccess() });
  const run = await audit();
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('Every stored verdict matches the recomputed one.');
  expect(run.stderr).toContain('Exceptions not audited');
  expect(run.stderr).toContain('The audit is incomplete: Walk-Away exceptions could not be read.');
  expect(run.stderr).toContain('Assign the Walk_Away_Integration permission set to the user the CLI runs as');
});
