// End to end: simulate, audit and report through bin/run.js against the stand-in.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loginHome,
  makeOrg,
  oppId,
  PROJECT,
  quarters,
  SalesforceStandin,
  walkaway,
  type CliRun,
} from '../support/salesforce-standin';

jest.setTimeout(180_000);

let standin: SalesforceStandin;
let home: string;
let cwd: string;

beforeEach(async () => {
  standin = await new SalesforceStandin(makeOrg({ deals: 30, withDecisions: true })).start();
  home = await loginHome(standin);
  cwd = mkdtempSync(join(tmpdir(), 'walkaway-cwd-'));
});
afterEach(async () => {
  await standin.stop();
});

// The --json documents are read as plain JSON: the tests assert on their shape field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (run: CliRun): Record<string, any> => JSON.parse(run.stdout) as Record<string, any>;
const WRITES = ['POST jobs/ingest', 'PUT jobs/ingest/:id/batches', 'PATCH jobs/ingest/:id'];
const writes = (): number => WRITES.reduce((n, e) => n + standin.count(e), 0);

/** The project's policies with Default's margins raised: 30% minimum, 45% target. */
function candidateDir(edit: (xml: string) => string = (x) => x): string {
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-candidate-'));
  cpSync(join(PROJECT, 'force-app', 'main', 'default', 'customMetadata'), dir, { recursive: true });
  const file = join(dir, 'Walk_Away_Policy.Default.md-meta.xml');
  const xml = readFileSync(file, 'utf8')
    .replace(/(<field>Min_Margin_Pct__c<\/field>\s*<value[^>]*>)20</, '$130<')
    .replace(/(<field>Target_Margin_Pct__c<\/field>\s*<value[^>]*>)35</, '$145<');
  writeFileSync(file, edit(xml));
  return dir;
}

describe('walkaway simulate', () => {
  test('--target-org: the transition matrix and the flips, and nothing written to the org', async () => {
    const run = await walkaway(
      home,
      ['walkaway', 'simulate', '--policy-dir', candidateDir(), '--target-org', 'standin', '--json'],
      { cwd },
    );
    expect(run.code).toBe(0);
    const r = json(run).result;
    expect(r.deals).toBe(31); // 30 open deals + the open approved exception
    let cells = 0;
    for (const from of Object.keys(r.matrix))
      for (const to of Object.keys(r.matrix[from])) cells += r.matrix[from][to].count;
    expect(cells + r.unscorable).toBe(r.deals);
    expect(r.flipped).toBeGreaterThan(0);
    expect(r.matrix.Proceed['Approval Required'].count + r.matrix['Approval Required']['Walk Away'].count).toBe(
      r.flipped,
    );
    for (const f of r.flips) expect(f.from).not.toBe(f.to);
    expect(r.flips[0].amount).toBeGreaterThanOrEqual(r.flips.at(-1).amount);
    expect(writes()).toBe(0);

    const human = await walkaway(
      home,
      ['walkaway', 'simulate', '--policy-dir', candidateDir(), '--target-org', 'standin'],
      { cwd },
    );
    expect(human.stdout).toContain('Verdicts, current (rows) against candidate (columns), deals / value:');
    expect(human.stdout).toMatch(new RegExp(`${r.flipped} deal\\(s\\) worth [\\d,]+ change verdict\\.`));
    expect(writes()).toBe(0);
  });

  test('--file: the same comparison on an export, no org needed', async () => {
    const file = join(cwd, 'export.csv');
    writeFileSync(
      file,
      'Id,Name,Amount,Direct_Cost__c,Allocated_Overhead__c\n' +
        '006A,Buyer at 140K,140000,80000,25000\n' + // 20/35: Approval Required; 30/45: Approval Required (floor 136.5K)
        '006B,Buyer at 130K,130000,80000,25000\n' + // Approval Required -> Walk Away (below 136.5K)
        '006C,Buyer at 155K,155000,80000,25000\n', // Proceed -> Approval Required (below 152.25K? no: 155K >= 152.25K)
    );
    const empty = mkdtempSync(join(tmpdir(), 'walkaway-home-'));
    const run = await walkaway(
      empty,
      ['walkaway', 'simulate', '--policy-dir', candidateDir(), '--file', file, '--json'],
      { cwd: PROJECT },
    );
    expect(run.code).toBe(0);
    const r = json(run).result;
    expect(r).toMatchObject({ source: 'file', deals: 3, flipped: 1, flippedValue: 130000 });
    expect(r.flips).toEqual([
      {
        id: '006B',
        name: 'Buyer at 130K',
        amount: 130000,
        from: 'Approval Required',
        to: 'Walk Away',
        fromPolicy: 'Default',
        toPolicy: 'Default',
      },
    ]);
  });

  test('an invalid candidate policy: exit 2, naming record and field', async () => {
    const dir = candidateDir((xml) => xml.replace(/(<field>Target_Margin_Pct__c<\/field>\s*<value[^>]*>)45</, '$110<'));
    const run = await walkaway(home, ['walkaway', 'simulate', '--policy-dir', dir, '--target-org', 'standin'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Walk_Away_Policy.Default: Target_Margin_Pct__c must be at least Min_Margin_Pct__c (30)',
    );
  });
});

describe('walkaway audit', () => {
  test('never-scored deals, then clean after a rescore, then stale, hand-edited and changed exceptions', async () => {
    const before = await walkaway(home, ['walkaway', 'audit', '--target-org', 'standin', '--output', 'audit.csv'], {
      cwd,
    });
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('Audited 31 open opportunities in admin@walkaway.standin: 31 stale');
    expect(readFileSync(join(cwd, 'audit.csv'), 'utf8')).toContain('never scored (Walk_Away_Scored_At__c is blank)');

    expect((await walkaway(home, ['walkaway', 'score', '--target-org', 'standin'], { cwd })).code).toBe(0);
    const clean = await walkaway(home, ['walkaway', 'audit', '--target-org', 'standin'], { cwd });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Every stored verdict matches the recomputed one.');

    // A rep overrides a walk-away by hand; another deal's terms change; an approved exception's price drops.
    const walked = standin.opportunity(oppId(2));
    const edited = standin.opportunity(oppId(4));
    const exception = standin.opportunity(oppId(800004));
    if (!walked || !edited || !exception) throw new Error('fixture');
    expect(walked.Walk_Away_Recommendation__c).toBe('Walk Away');
    walked.Walk_Away_Recommendation__c = 'Proceed';
    edited.Unlimited_Liability__c = true;
    edited.LastModifiedDate = new Date(Date.now() + 3_600_000).toISOString();
    exception.Amount = 120000;
    const run = await walkaway(
      home,
      ['walkaway', 'audit', '--target-org', 'standin', '--json', '--output', 'audit2.csv'],
      { cwd },
    );
    expect(run.code).toBe(1);
    const doc = json(run);
    expect(doc.name).toBe('FoundError');
    const problems = (doc.data.findings as Array<Record<string, string>>).map(
      (f) => `${f.id} ${f.problem}: ${f.detail}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `${oppId(2)} STALE: Walk_Away_Recommendation__c differs: a policy or the pipeline changed since`,
        `${oppId(2)} MORE_LENIENT: stored Proceed is more lenient than the recomputed Walk Away`,
        expect.stringMatching(new RegExp(`^${oppId(4)} STALE: .*the record changed after it was scored$`)),
        expect.stringMatching(
          new RegExp(`^${oppId(800004)} EXCEPTION_CHANGED: Amount 120000 differs from the approved 135000`),
        ),
      ]),
    );
    const csv = readFileSync(join(cwd, 'audit2.csv'), 'utf8').split(/\r?\n/);
    expect(csv[0]).toBe('Id,Name,OwnerId,Problem,Stored,Recomputed,Detail');
    // The exception now below the floor is also more lenient than the recomputed Walk Away.
    expect(csv.filter((l) => l.includes('MORE_LENIENT')).map((l) => l.split(',')[0])).toEqual([
      oppId(2),
      oppId(800004),
    ]);
    expect(writes()).toBe(1 * 3); // only the score run wrote (one job: create, upload, close)
  });
});

describe('walkaway report', () => {
  test('last quarter: walk-aways by rep and reason, approvals, the buyer who came back, reps without walk-aways', async () => {
    const run = await walkaway(home, ['walkaway', 'report', '--target-org', 'standin', '--json'], { cwd });
    expect(run.code).toBe(0);
    const r = json(run).result;
    const q = quarters(new Date());
    expect(r.quarter).toMatchObject({ start: q.lastStart, end: q.lastEnd, source: 'calendar' });
    expect(r.walkedAway).toEqual({ count: 3, value: 560000 });
    expect(r.byRep).toEqual([
      { owner: 'Ana Putri', count: 2, value: 420000 },
      { owner: 'Budi Santoso', count: 1, value: 140000 },
    ]);
    expect(r.byReason).toEqual([
      { reason: 'Unacceptable Risk', count: 1, value: 300000 },
      { reason: 'Economics', count: 2, value: 260000 },
    ]);
    expect(r.approvalsNeeded).toEqual({ count: 1, value: 135000 });
    expect(r.approvalsGranted).toEqual({ count: 1, value: 135000 });
    expect(r.buyersReturned).toEqual([
      expect.objectContaining({
        id: oppId(800003),
        amount: 140000,
        budgetMin: 155000,
        budgetMax: 165000,
        returnedOn: q.lastEnd,
      }),
    ]);
    expect(r.repsWithoutWalkAways).toEqual(['Citra Lestari']);
    expect(r.zeroWalkAways).toBe(false);
    // What the rep learned, as entered (the JSON keeps the rep's words whole).
    expect(r.walkAways.map((d: { id: string; lessonsLearned: string | null }) => [d.id, d.lessonsLearned])).toEqual([
      [oppId(800002), 'Ask about liability caps in discovery,\nnot at contract stage.\u001b[31m'],
      [oppId(800003), null],
      [oppId(800001), null],
    ]);

    const human = await walkaway(home, ['walkaway', 'report', '--target-org', 'standin'], { cwd });
    expect(human.stdout).toContain('3 deal(s) worth 560,000, out of 5 decided.');
    expect(human.stdout).toContain('Reps with deals decided in');
    expect(human.stdout).toMatch(/Ana Putri\s+2\s+420,000/);
    // The lesson on one line in the human output, its terminal escape removed.
    expect(human.stdout).toContain(
      `What the reps learned from walking away (Walk_Away_Lessons_Learned__c):\n- Decided 2 (${oppId(800002)}, Ana Putri): Ask about liability caps in discovery, not at contract stage.[31m\n`,
    );
    expect(human.stdout).not.toContain('\u001b');
  });

  test('a quarter with no walk-away says so plainly', async () => {
    const run = await walkaway(home, ['walkaway', 'report', '--target-org', 'standin', '--quarter', '2020-Q1'], {
      cwd,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nobody walked away from any deal in 2020-Q1: every deal decided went ahead.');
  });

  test('the fiscal quarter comes from Period when the org has fiscal periods', async () => {
    const q = quarters(new Date());
    standin.data.periods = [
      { Id: '0261', Type: 'Quarter', StartDate: q.start, EndDate: q.end },
      { Id: '0262', Type: 'Quarter', StartDate: q.lastStart, EndDate: q.lastEnd },
    ];
    const run = await walkaway(home, ['walkaway', 'report', '--target-org', 'standin', '--json'], { cwd });
    expect(json(run).result.quarter).toMatchObject({
      source: 'Period',
      start: q.lastStart,
      label: `${q.lastStart}..${q.lastEnd}`,
    });
  });

  test('a quarter that is not YYYY-QN: exit 2 and one JSON document', async () => {
    const run = await walkaway(home, ['walkaway', 'report', '--target-org', 'standin', '--quarter', 'Q3', '--json'], {
      cwd,
    });
    expect(run.code).toBe(2);
    expect(json(run).message).toBe(
      '--quarter must be a calendar quarter as YYYY-QN (2026-Q3) or LAST_QUARTER, got "Q3".',
    );
  });
});
