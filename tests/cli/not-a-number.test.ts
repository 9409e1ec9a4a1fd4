// A value that is not a number: the row is reported with its Id, row number, column and value;
// the other rows are scored; the command exits 1.
import { join } from 'node:path';
import { byId, csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess, type Run } from './support/inProcess';

describe('a cell that is not a number', () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    csv([
      deal('006A'),
      deal('006B', { Amount: '14O000' }),
      deal('006C', { Payment_Terms_Days__c: 'net 30' }),
      deal('006D'),
    ]),
  );
  const out = join(dir, 'out.csv');
  let run: Run;
  beforeAll(async () => {
    run = await scoreInProcess(['--file', file, '--output', out], dir);
  });

  it('exits 1 and names Id, row, column and value in the summary', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2 row(s) could not be scored:');
    expect(run.stdout).toContain('row 2 (line 3), Id 006B: Amount is not an amount (value: "14O000")');
    expect(run.stdout).toContain('row 3 (line 4), Id 006C: Payment_Terms_Days__c is not a number (value: "net 30")');
  });

  it('scores the other rows and writes the failed ones to out.failed.csv', () => {
    const o = outputs(out);
    expect([...byId(o.scored).keys()]).toEqual(['006A', '006D']);
    expect(o.failed).toEqual([
      { Id: '006B', Row: '2', Line: '3', Column: 'Amount', Value: '14O000', Message: 'Amount is not an amount' },
      {
        Id: '006C',
        Row: '3',
        Line: '4',
        Column: 'Payment_Terms_Days__c',
        Value: 'net 30',
        Message: 'Payment_Terms_Days__c is not a number',
      },
    ]);
    expectEveryRowAccounted(o, 4);
  });
});
