// Customer red flags in an export (issue #12 item 6): a value the picklist does not have fails its
// row, naming the row, the column and the value, and goes to the failed file with that reason;
// repeated values count once; Vendor Conflict History counts as a red flag.
import { join } from 'node:path';
import { byId, csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess, type Run } from './support/inProcess';

describe('red flags in an export', () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    csv([
      deal('006A', { Customer_Red_Flags__c: 'Vendor Conflict History' }),
      deal('006B', { Customer_Red_Flags__c: 'Unrealistic ROI;Vendor Conflicts' }),
      deal('006C', { Customer_Red_Flags__c: 'Unrealistic ROI;unrealistic roi;Unrealistic ROI' }),
      deal('006D', { Customer_Red_Flags__c: 'Unrealistic ROI;Unrealistic Timeline;Vendor Conflict History' }),
    ]),
  );
  const out = join(dir, 'out.csv');
  let run: Run;
  beforeAll(async () => {
    run = await scoreInProcess(['--file', file, '--output', out], dir);
  });

  it('exits 1 and names the row, the column and the unknown value', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1 row(s) could not be scored:');
    expect(run.stdout).toContain(
      'row 2 (line 3), Id 006B: Customer_Red_Flags__c has a value the picklist does not have: "Vendor Conflicts" (value: "Unrealistic ROI;Vendor Conflicts")',
    );
  });

  it('writes the refused row to the failed file with its reason', () => {
    const o = outputs(out);
    expect(o.failed).toEqual([
      {
        Id: '006B',
        Row: '2',
        Line: '3',
        Column: 'Customer_Red_Flags__c',
        Value: 'Unrealistic ROI;Vendor Conflicts',
        Message: 'Customer_Red_Flags__c has a value the picklist does not have: "Vendor Conflicts"',
      },
    ]);
    expectEveryRowAccounted(o, 4);
  });

  it('counts Vendor Conflict History, and a repeated value once', () => {
    const scored = byId(outputs(out).scored);
    expect(scored.get('006A')?.Walk_Away_Findings__c).toBe('RED_FLAGS_PRESENT');
    expect(scored.get('006A')?.Walk_Away_Recommendation__c).toBe('Proceed');
    // Three times the same flag is one flag: under the Default policy's 2, not a walk-away.
    expect(scored.get('006C')?.Walk_Away_Findings__c).toBe('RED_FLAGS_PRESENT');
    // Three different flags, the third the new one: more than the 2 accepted.
    expect(scored.get('006D')?.Walk_Away_Findings__c).toBe('RED_FLAGS_EXCEEDED');
    expect(scored.get('006D')?.Walk_Away_Recommendation__c).toBe('Walk Away');
  });
});
