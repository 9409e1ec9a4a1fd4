// A returning buyer in an export (issue #12 item 3): the article's buyer back at 150,000 under
// conditions from 155,000 is Proceed on the limits with REENGAGEMENT_CONDITIONS_UNMET; a date that
// is not one fails its row naming column and value; the re-engagement columns are missed only when
// the export says whether the buyer returned.
import { join } from 'node:path';
import { byId, COLUMNS, csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess, type Run } from './support/inProcess';

const RETURNED = {
  Walk_Away_Buyer_Returned__c: 'true',
  Walk_Away_Reengage_Budget_Min__c: '155000',
  Walk_Away_Reengage_Timeline__c: '2026-12-18',
  Walk_Away_Reengage_Stakeholders__c: 'true',
  Walk_Away_Reengage_Scope__c: 'true',
  Walk_Away_Buyer_Decision_Date__c: '2026-12-15',
  Walk_Away_Buyer_Stakeholders_Aligned__c: 'true',
  Walk_Away_Buyer_Scope_Defined__c: 'true',
};

describe('returning buyers in an export', () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    csv([
      deal('006A', { ...RETURNED, Amount: '150000' }),
      deal('006B', { ...RETURNED, Amount: '155000' }),
      deal('006C', {
        ...RETURNED,
        Amount: '155000',
        Walk_Away_Buyer_Decision_Date__c: '',
        Walk_Away_Buyer_Scope_Defined__c: 'false',
      }),
      deal('006D', { ...RETURNED, Walk_Away_Reengage_Timeline__c: '18/12/2026' }),
      deal('006E', { Amount: '150000', Walk_Away_Reengage_Budget_Min__c: '155000' }),
    ]),
  );
  const out = join(dir, 'out.csv');
  let run: Run;
  beforeAll(async () => {
    run = await scoreInProcess(['--file', file, '--output', out, '--json'], dir);
  });

  it('the buyer back at 150,000: Proceed on the limits, with the finding', () => {
    const scored = byId(outputs(out).scored);
    expect(scored.get('006A')).toMatchObject({
      Walk_Away_Recommendation__c: 'Proceed',
      Walk_Away_Findings__c: 'REENGAGEMENT_CONDITIONS_UNMET',
      Walk_Away_Approvals__c: '',
    });
    expect(scored.get('006B')).toMatchObject({ Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Findings__c: '' });
    expect(scored.get('006C')?.Walk_Away_Findings__c).toBe('REENGAGEMENT_CONDITIONS_UNMET');
    // Conditions stated, the buyer has not come back: nothing to check.
    expect(scored.get('006E')?.Walk_Away_Findings__c).toBe('');
  });

  it('a date that is not one fails its row, naming column and value', () => {
    const o = outputs(out);
    expect(o.failed).toEqual([
      {
        Id: '006D',
        Row: '4',
        Line: '5',
        Column: 'Walk_Away_Reengage_Timeline__c',
        Value: '18/12/2026',
        Message: expect.stringContaining('Walk_Away_Reengage_Timeline__c is not a date (YYYY-MM-DD)') as string,
      },
    ]);
    expectEveryRowAccounted(o, 5);
    expect(run.status).toBe(1);
  });
});

describe('re-engagement columns absent from an export', () => {
  const run = async (columns: readonly string[]): Promise<Run> => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', csv([deal('006A')], columns));
    return scoreInProcess(['--file', file, '--output', join(dir, 'out.csv')], dir);
  };
  const missingWarning = (r: Run): string =>
    r.stderr.split('\n').find((l) => l.startsWith('Warning: The export has no')) ?? '';

  it('are not missed without Walk_Away_Buyer_Returned__c (no buyer returned: nothing to check)', async () => {
    const r = await run(COLUMNS.filter((c) => !(c in RETURNED)));
    expect(r.status).toBe(0);
    expect(missingWarning(r)).toBe('');
  });

  it('are named when the export has Walk_Away_Buyer_Returned__c without them', async () => {
    const r = await run(COLUMNS.filter((c) => !(c in RETURNED) || c === 'Walk_Away_Buyer_Returned__c'));
    expect(missingWarning(r)).toContain(
      'Walk_Away_Reengage_Budget_Min__c, Walk_Away_Reengage_Timeline__c, Walk_Away_Reengage_Stakeholders__c, Walk_Away_Reengage_Scope__c, Walk_Away_Buyer_Decision_Date__c, Walk_Away_Buyer_Stakeholders_Aligned__c, Walk_Away_Buyer_Scope_Defined__c',
    );
  });
});

it('reads re-engagement cells re-saved by a spreadsheet with --locale de-DE', async () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    csv([
      deal('006A', {
        ...RETURNED,
        Amount: '150000',
        Walk_Away_Buyer_Returned__c: 'WAHR',
        Walk_Away_Reengage_Budget_Min__c: '155.000,00',
        Walk_Away_Reengage_Timeline__c: '18.12.2026',
        Walk_Away_Buyer_Decision_Date__c: '19.12.2026',
      }),
    ]),
  );
  const out = join(dir, 'out.csv');
  const r = await scoreInProcess(['--file', file, '--output', out, '--locale', 'de-DE'], dir);
  expect(r.status).toBe(0);
  expect(byId(outputs(out).scored).get('006A')?.Walk_Away_Findings__c).toBe('REENGAGEMENT_CONDITIONS_UNMET');
});
