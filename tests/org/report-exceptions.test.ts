// `walkaway report`, the exceptions part (issue #11 item 7), run as a sales leader runs it
// (bin/run.js) against the stand-in: exceptions requested last quarter by approver and outcome
// (who approved each step from the exception record, who rejected from the approval history),
// a self-approved exception, the quarter's edges, and the value of bad deals avoided against the
// value let through; then an integration user who cannot read exceptions, or the history.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import {
  accountId,
  isoDate,
  loginHome,
  makeOrg,
  oppId,
  PROJECT,
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
const shift = (date: string, days: number): string => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d + days));
};
/** A day inside last quarter (the report's default). */
const MID = shift(q.lastStart, 10);
const TERMS = 'cap=;unl=false;ip=false;pay=30;sla=;tfc=false;ind=false';
const excId = (n: number): string => `a0ASTANDIN${String(n).padStart(7, '0')}`;
const ANA = userId(1);
const BUDI = userId(2);
const CITRA = userId(3);
const DEWI = userId(4);
const EKO = userId(5);

/** A deal of the article's buyer (costs 80K + 25K: floor 126K, threshold 141.75K). */
function deal(n: number, amount: number, extra: Row = {}): Row {
  return {
    Id: oppId(600000 + n),
    Name: `Deal ${n}`,
    AccountId: accountId(1),
    OwnerId: ANA,
    Amount: amount,
    CloseDate: q.end,
    Probability: 60,
    StageName: 'Negotiation/Review',
    IsClosed: false,
    IsWon: false,
    Direct_Cost__c: 80000,
    Allocated_Overhead__c: 25000,
    Walk_Away_Floor__c: 126000,
    Walk_Away_Threshold__c: 141750,
    Walk_Away_Policy__c: 'Default',
    Walk_Away_Terms__c: TERMS,
    Walk_Away_Recommendation__c: 'Approval Required',
    Walk_Away_Findings__c: 'BELOW_THRESHOLD',
    LastModifiedDate: `${MID}T09:00:00.000Z`,
    SystemModstamp: `${MID}T09:00:00.000Z`,
    ...extra,
  };
}
const won = (n: number, amount: number, closeDate: string, extra: Row = {}): Row =>
  deal(n, amount, {
    CloseDate: closeDate,
    StageName: 'Closed Won',
    IsClosed: true,
    IsWon: true,
    Probability: 100,
    ...extra,
  });
const approvedSnapshot = (exception: string, amount: number): Row => ({
  Walk_Away_Approved_Exception__c: exception,
  Walk_Away_Approved_Amount__c: amount,
  Walk_Away_Approved_Findings__c: 'BELOW_THRESHOLD',
  Walk_Away_Approved_Policy__c: 'Default',
  Walk_Away_Approved_Terms__c: TERMS,
  Walk_Away_Decision__c: 'Exception Approved',
});

/** An exception asked by Ana, on the VP route, requested on MID and waiting; `extra` decides the rest. */
function exception(n: number, dealId: string, amount: number, extra: Row): Row {
  return {
    Id: excId(n),
    Name: `WAE-${String(n).padStart(5, '0')}`,
    Opportunity__c: dealId,
    Status__c: 'Requested',
    Findings__c: 'BELOW_THRESHOLD',
    Approvers__c: 'VP',
    Amount__c: amount,
    Policy__c: 'Default',
    Terms__c: TERMS,
    Justification__c: 'Strategic logo in a new region, worth the margin.',
    Requested_By__c: ANA,
    Requested_On__c: `${MID}T08:00:00.000Z`,
    ...extra,
  };
}
const vp = (user: string, on = MID): Row => ({ VP_Approver__c: user, VP_Approved_On__c: `${on}T10:00:00.000Z` });
const decided = (status: string, on = MID): Row => ({ Status__c: status, Decided_On__c: `${on}T11:00:00.000Z` });
const step = (n: number, target: number, status: string, actor: string, on = MID): Row => ({
  Id: `04hSTANDIN${String(n).padStart(7, '0')}`,
  TargetObjectId: excId(target),
  StepStatus: status,
  ActorId: actor,
  CreatedDate: `${on}T11:00:00.000Z`,
});

/**
 * makeOrg's deals decided last quarter (three walk-aways worth 560K: Decided 1, 2 by Ana, Decided 3
 * by Budi) plus deals won last quarter and the exceptions behind them and behind open deals.
 */
function exceptionOrg(): OrgData {
  const org = makeOrg({ deals: 0, withDecisions: true });
  const walkedAway = oppId(800002); // Walked Away - Door Closed, 300K, last quarter
  org.opportunities.push(
    // Won last quarter on an approved, current exception (WAE-00001): let through with approval.
    won(1, 140000, MID, approvedSnapshot(excId(1), 140000)),
    // Won below the floor: against the rules.
    won(2, 120000, MID, { Walk_Away_Recommendation__c: 'Walk Away', Walk_Away_Findings__c: 'BELOW_FLOOR' }),
    // Won after its exception (WAE-00006) went stale: against the rules.
    won(4, 138000, MID),
    // Won at a price above the threshold, nothing to approve: Closed Won, not let through.
    won(5, 200000, MID, { Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Findings__c: null }),
    // Won on the quarter's last day needing approval, verdict set to Proceed by hand: against the rules.
    won(6, 130000, q.lastEnd, { Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Findings__c: null }),
    // Won below the floor on the first day of this quarter: not last quarter's.
    won(7, 120000, q.start, { Walk_Away_Recommendation__c: 'Walk Away', Walk_Away_Findings__c: 'BELOW_FLOOR' }),
    deal(2, 200000, { Walk_Away_Recommendation__c: 'Walk Away', Walk_Away_Findings__c: 'UNLIMITED_LIABILITY' }),
    deal(3, 130000),
    deal(5, 150000),
    deal(7, 135000),
    // The deal's name carries a terminal escape, as a careless import could.
    deal(8, 145000, { Name: 'Deal 8\u001b[31m' }),
    deal(9, 142000),
    deal(10, 128000),
    deal(11, 139000),
  );
  org.exceptions = [
    exception(1, oppId(600001), 140000, { ...vp(BUDI), ...decided('Approved') }),
    // Legal (Dewi) then C-Level (Eko), approved.
    exception(2, oppId(600002), 200000, {
      Findings__c: 'UNLIMITED_LIABILITY',
      Approvers__c: 'Legal;C-Level',
      Legal_Approver__c: DEWI,
      Legal_Approved_On__c: `${MID}T09:00:00.000Z`,
      C_Level_Approver__c: EKO,
      C_Level_Approved_On__c: `${MID}T10:00:00.000Z`,
      ...decided('Approved'),
    }),
    // Rejected by Budi at the VP step: the record names nobody; the history does.
    exception(3, oppId(600003), 130000, decided('Rejected')),
    // Rejected by Budi earlier on the deal that was then won on WAE-00001: not avoided.
    exception(13, oppId(600001), 120000, {
      ...decided('Rejected', q.lastStart),
      Requested_On__c: `${q.lastStart}T08:00:00.000Z`,
    }),
    // Legal approved (Dewi), C-Level rejected (Eko), on the deal walked away from: avoided once.
    exception(4, walkedAway, 250000, {
      Findings__c: 'UNLIMITED_LIABILITY',
      Approvers__c: 'Legal;C-Level',
      Legal_Approver__c: DEWI,
      Legal_Approved_On__c: `${MID}T09:00:00.000Z`,
      ...decided('Rejected'),
    }),
    exception(5, oppId(600005), 150000, decided('Recalled')),
    exception(6, oppId(600004), 140000, {
      ...vp(BUDI),
      Status__c: 'Stale',
      Stale_Reason__c: 'Amount 138000 is below the approved Amount 140000',
    }),
    exception(7, oppId(600007), 135000, {}),
    // Citra asked and approved it herself.
    exception(8, oppId(600008), 145000, { Requested_By__c: CITRA, ...vp(CITRA), ...decided('Approved') }),
    // The quarter's last second (UTC): in.
    exception(9, oppId(600009), 142000, {
      Requested_On__c: `${q.lastEnd}T23:59:59.000Z`,
      ...vp(BUDI, q.lastEnd),
      ...decided('Approved', q.lastEnd),
    }),
    // The first second of this quarter, and the last of the quarter before: out.
    exception(10, oppId(600010), 128000, {
      Requested_On__c: `${q.start}T00:00:00.000Z`,
      ...decided('Rejected', q.start),
    }),
    exception(11, oppId(600011), 139000, {
      Requested_On__c: `${shift(q.lastStart, -1)}T23:59:59.000Z`,
      ...vp(BUDI, shift(q.lastStart, -1)),
      ...decided('Approved', shift(q.lastStart, -1)),
    }),
  ];
  org.approvalSteps = [
    step(1, 1, 'Started', ANA),
    step(2, 1, 'Approved', BUDI),
    step(3, 3, 'Started', ANA),
    step(4, 3, 'Rejected', BUDI),
    step(5, 13, 'Rejected', BUDI, q.lastStart),
    step(6, 4, 'Approved', DEWI),
    step(7, 4, 'Rejected', EKO),
    step(8, 10, 'Rejected', BUDI, q.start),
  ];
  return org;
}

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

const report = (...flags: string[]): Promise<CliRun> =>
  walkaway(home, ['walkaway', 'report', '--target-org', 'standin', ...flags], { cwd });
const total = (count: number, value: number): { count: number; value: number } => ({ count, value });
const outcomes = (o: Partial<Record<string, [number, number]>>): Record<string, { count: number; value: number }> =>
  Object.fromEntries(
    ['Requested', 'Approved', 'Rejected', 'Recalled', 'Stale'].map((s) => [s, total(...(o[s] ?? [0, 0]))]),
  );

test('last quarter: exceptions by approver and outcome, the self-approved one, avoided against let through', async () => {
  await start(exceptionOrg());
  const run = await report('--json');
  expect(run.code).toBe(0);
  const r = json(run).result;
  expect(json(run).warnings).toEqual([]);

  // The --json document matches the checked-in schema (regenerated with the new fields).
  const schema = JSON.parse(readFileSync(join(PROJECT, 'schemas', 'walkaway-report.json'), 'utf8')) as object;
  const valid = new Ajv({ allErrors: true, strict: false }).compile(schema);
  expect(valid(r) ? [] : valid.errors).toEqual([]);

  const x = r.exceptions;
  expect(x.unreadable).toBeNull();
  expect(x.historyUnreadable).toBeNull();
  // Ten requested last quarter (WAE-00009 at its last second in; WAE-00010 and WAE-00011 out).
  expect(x.requested).toEqual(total(10, 1552000));
  expect(x.outcomes).toEqual(
    outcomes({
      Requested: [1, 135000],
      Approved: [4, 627000],
      Rejected: [3, 500000],
      Recalled: [1, 150000],
      Stale: [1, 140000],
    }),
  );
  expect(x.byApprover).toEqual([
    {
      approver: 'Budi Santoso',
      userId: BUDI,
      approvedSteps: ['VP'],
      rejected: 2,
      total: total(5, 672000),
      outcomes: outcomes({ Approved: [2, 282000], Rejected: [2, 250000], Stale: [1, 140000] }),
      selfApproved: 0,
    },
    {
      approver: 'Dewi Anggraini',
      userId: DEWI,
      approvedSteps: ['Legal'],
      rejected: 0,
      total: total(2, 450000),
      outcomes: outcomes({ Approved: [1, 200000], Rejected: [1, 250000] }),
      selfApproved: 0,
    },
    {
      approver: 'Eko Prasetyo',
      userId: EKO,
      approvedSteps: ['C-Level'],
      rejected: 1,
      total: total(2, 450000),
      outcomes: outcomes({ Approved: [1, 200000], Rejected: [1, 250000] }),
      selfApproved: 0,
    },
    {
      approver: 'Citra Lestari',
      userId: CITRA,
      approvedSteps: ['VP'],
      rejected: 0,
      total: total(1, 145000),
      outcomes: outcomes({ Approved: [1, 145000] }),
      selfApproved: 1,
    },
    {
      approver: '(no approver recorded)',
      userId: null,
      approvedSteps: [],
      rejected: 0,
      total: total(2, 285000),
      outcomes: outcomes({ Requested: [1, 135000], Recalled: [1, 150000] }),
      selfApproved: 0,
    },
  ]);
  expect(x.selfApproved).toEqual([
    {
      exceptionId: excId(8),
      exception: 'WAE-00008',
      status: 'Approved',
      opportunityId: oppId(600008),
      opportunityName: 'Deal 8\u001b[31m',
      amount: 145000,
      detail: `WAE-00008 (Approved): requested by Citra Lestari (${CITRA}), who approved it: VP on ${MID}`,
    },
  ]);

  // Avoided: the three walk-aways (560K) and WAE-00003's 130K; WAE-00004 is on a deal walked away
  // from (counted once), WAE-00013 on a deal won since.
  expect(r.avoided.walkedAway).toEqual(total(3, 560000));
  expect(r.avoided.exceptionsRejected).toEqual(total(1, 130000));
  expect(r.avoided.total).toEqual(total(4, 690000));
  expect(r.avoided.deals.map((d: Row) => [d.id, d.avoidedBy, d.amount, d.exception])).toEqual([
    [oppId(800002), 'WALKED_AWAY', 300000, null],
    [oppId(800003), 'WALKED_AWAY', 140000, null],
    [oppId(600003), 'EXCEPTION_REJECTED', 130000, 'WAE-00003'],
    [oppId(800001), 'WALKED_AWAY', 120000, null],
  ]);
  // Let through: won last quarter against a Walk Away or Approval Required verdict.
  expect(r.letThrough.closedWon).toEqual(total(5, 728000));
  expect(r.letThrough.againstRules).toEqual(total(3, 388000));
  expect(r.letThrough.withApprovedException).toEqual(total(1, 140000));
  expect(r.letThrough.total).toEqual(total(4, 528000));
  expect(r.letThrough.deals.map((d: Row) => [d.id, d.verdictAtWin, d.problem, d.exception, d.exceptionName])).toEqual([
    [oppId(600004), 'Approval Required', 'WON_ON_STALE_EXCEPTION', null, null],
    [oppId(600006), 'Approval Required', 'WON_WITHOUT_EXCEPTION', null, null],
    [oppId(600002), 'Walk Away', 'WON_AGAINST_WALK_AWAY', null, null],
    [oppId(600001), 'Approval Required', null, excId(1), 'WAE-00001'],
  ]);
  expect(r.letThrough.deals[1].detail).toBe(
    `Closed Won on ${q.lastEnd} at 130000 needing approval (BELOW_THRESHOLD) with no approved exception`,
  );

  // The history is asked only about last quarter's rejections, by Id; never for the justification.
  const history = standin.restQueries.filter((s) => s.includes('ProcessInstanceStep'));
  expect(history).toHaveLength(1);
  for (const n of [3, 13, 4]) expect(history[0]).toContain(`'${excId(n)}'`);
  expect(history[0]).not.toContain(excId(10));
  expect(standin.restQueries.join('\n')).not.toContain('Justification__c');

  const human = await report();
  expect(human.code).toBe(0);
  const out = human.stdout;
  expect(out).toContain(`Exceptions requested in ${r.quarter.label} (Requested_On__c): 10 worth 1,552,000`);
  expect(out).toMatch(/\nApproved\s+4\s+627,000\n/);
  expect(out).toMatch(/\nRejected\s+3\s+500,000\n/);
  expect(out).toMatch(/\nBudi Santoso\s+VP\s+Approved\s+2\s+282,000\n/);
  expect(out).toMatch(/\nBudi Santoso\s+VP\s+Rejected\s+2\s+250,000\n/);
  expect(out).toMatch(/\nEko Prasetyo\s+C-Level\s+Rejected\s+1\s+250,000\n/);
  expect(out).toMatch(/\nCitra Lestari\s+VP\s+Approved\s+1\s+145,000\n/);
  expect(out).toMatch(/\n\(no approver recorded\)\s+-\s+Requested\s+1\s+135,000\n/);
  expect(out).toContain(
    `Exceptions approved by their own requester:\n- WAE-00008 (Approved): requested by Citra Lestari (${CITRA}), who approved it: VP on ${MID}, on deal Deal 8[31m (${oppId(600008)})\n`,
  );
  expect(out).toContain(`Bad deals avoided in ${r.quarter.label}: 690,000; let through: 528,000.`);
  expect(out).toMatch(/\nAvoided: walked away from\s+3\s+560,000\n/);
  expect(out).toMatch(/\nAvoided: exception rejected, deal not won\s+1\s+130,000\n/);
  expect(out).toMatch(/\nLet through on an approved, current exception\s+1\s+140,000\n/);
  expect(out).toMatch(/\nLet through against the rules\s+3\s+388,000\n/);
  expect(out).toContain('Avoided = the Amount of deals walked away from');
  expect(out).toMatch(/006STANDIN0600004\s+Deal 4\s+138,000\s+\S+\s+Approval Required\s+WON_ON_STALE_EXCEPTION/);
  expect(out).toMatch(
    /006STANDIN0600001\s+Deal 1\s+140,000\s+\S+\s+Approval Required\s+approved exception WAE-00001\n/,
  );
  expect(out).not.toContain('\u001b');
});

test('an explicit quarter: this quarter holds the exception requested on its first second, rejected', async () => {
  await start(exceptionOrg());
  const label = `${q.start.slice(0, 4)}-Q${Math.floor(Number(q.start.slice(5, 7)) / 3) + 1}`;
  const r = json(await report('--quarter', label, '--json')).result;
  expect(r.exceptions.requested).toEqual(total(1, 128000));
  expect(r.exceptions.byApprover.map((a: Row) => [a.approver, a.rejected])).toEqual([['Budi Santoso', 1]]);
  expect(r.avoided.exceptionsRejected).toEqual(total(1, 128000));
  // Deal 7 won below the floor this quarter (makeOrg's wins have no verdict: not let through).
  expect(r.letThrough.againstRules).toEqual(total(1, 120000));
  expect(r.letThrough.closedWon).toEqual(total(6, 1620000));
});

test('no exception in the quarter: said plainly; the value of walk-aways is still reported', async () => {
  await start(makeOrg({ deals: 0, withDecisions: true }));
  const r = json(await report('--json')).result;
  expect(r.exceptions.requested).toEqual(total(0, 0));
  expect(r.exceptions.byApprover).toEqual([]);
  expect(r.avoided.total).toEqual(total(3, 560000));
  expect(r.letThrough.total).toEqual(total(0, 0));
  expect(standin.restQueries.join('\n')).not.toContain('ProcessInstanceStep'); // no rejection to look up
  const human = await report();
  expect(human.stdout).toContain(`No Walk-Away exception was requested in ${r.quarter.label}.`);
  expect(human.stdout).toMatch(/\nAvoided in all\s+3\s+560,000\n/);
});

test('the integration user cannot read exceptions: a warning, the rest reported, exit 0', async () => {
  await start(exceptionOrg(), { projectDir: projectWithoutExceptionAccess() });
  const run = await report('--json');
  expect(run.code).toBe(0);
  const doc = json(run);
  const reason = "INVALID_TYPE: sObject type 'Walk_Away_Exception__c' is not supported.";
  expect(doc.result.exceptions).toMatchObject({ unreadable: reason, requested: total(0, 0), byApprover: [] });
  expect(doc.warnings).toEqual([
    expect.stringContaining(`cannot read Walk_Away_Exception__c or one of its fields (${reason})`),
  ]);
  // Walk-aways still count as avoided; won deals are judged on the approval recorded on each deal
  // (Deal 4's stale exception cleared its snapshot: won without one).
  expect(doc.result.avoided).toMatchObject({ total: total(3, 560000), exceptionsRejected: total(0, 0) });
  expect(doc.result.letThrough).toMatchObject({
    againstRules: total(3, 388000),
    withApprovedException: total(1, 140000),
  });
  expect(doc.result.letThrough.deals[0]).toMatchObject({ id: oppId(600004), problem: 'WON_WITHOUT_EXCEPTION' });

  const human = await report();
  expect(human.code).toBe(0);
  expect(human.stderr).toContain('Exceptions not reported: the running user cannot read Walk_Away_Exception__c');
  expect(human.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(human.stdout).toContain('Exceptions by approver and outcome not shown');
  expect(human.stdout).toContain('3 deal(s) worth 560,000, out of 5 decided.');
});

test('the approval history unreadable: rejections under "(no approver recorded)", with a warning', async () => {
  await start(exceptionOrg(), { withoutObjects: ['ProcessInstanceStep'] });
  const doc = json(await report('--json'));
  const x = doc.result.exceptions;
  expect(x.historyUnreadable).toBe("INVALID_TYPE: sObject type 'ProcessInstanceStep' is not supported.");
  expect(doc.warnings).toEqual([expect.stringContaining('Who rejected each exception is not shown')]);
  const nobody = x.byApprover.find((a: Row) => a.userId === null);
  // WAE-00003 and WAE-00013 (nobody approved a step) join the waiting and the recalled one.
  expect(nobody.outcomes.Rejected).toEqual(total(2, 250000));
  expect(nobody.total).toEqual(total(4, 535000));
  // Dewi approved WAE-00004's Legal step before it was rejected: still hers; Eko's rejection unknown.
  expect(x.byApprover.find((a: Row) => a.userId === EKO).outcomes.Rejected).toEqual(total(0, 0));
  expect(x.byApprover.find((a: Row) => a.userId === DEWI).outcomes.Rejected).toEqual(total(1, 250000));
  // The value avoided does not depend on who rejected.
  expect(doc.result.avoided.total).toEqual(total(4, 690000));
});
