// Columns missing from the export: a required one refuses the file (exit 3, nothing written);
// optional inputs are read as blank with one warning that lists them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

describe('missing columns', () => {
  it.each(['Id', 'Amount', 'Direct_Cost__c', 'Allocated_Overhead__c'])(
    'refuses an export without %s',
    async (column) => {
      const dir = tempDir();
      const columns = ['Id', 'Amount', 'Direct_Cost__c', 'Allocated_Overhead__c'].filter((c) => c !== column);
      const file = write(dir, 'in.csv', csv([deal('006A')], columns));
      const out = join(dir, 'out.csv');
      const run = await scoreInProcess(['--file', file, '--output', out], dir);
      expect(run.status).toBe(3);
      expect(run.stderr).toContain(`has no ${column} column`);
      expect(run.stderr).toContain('Nothing was written');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(dir, 'out.failed.csv'))).toBe(false);
    },
  );

  it('reads absent optional inputs as blank, with one warning naming them', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      'in.csv',
      csv(
        [deal('006A'), deal('006B', { Amount: '140000' })],
        ['Id', 'Amount', 'Direct_Cost__c', 'Allocated_Overhead__c'],
      ),
    );
    const out = join(dir, 'out.csv');
    const run = await scoreInProcess(['--file', file, '--output', out], dir);
    expect(run.status).toBe(0);
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('Warning: The export has no'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Liability_Cap_Months__c');
    expect(warnings[0]).toContain('Account.AnnualRevenue');
    const o = outputs(out);
    expect(o.scored.map((r) => r.Walk_Away_Recommendation__c)).toEqual(['Proceed', 'Approval Required']);
    expectEveryRowAccounted(o, 2);
  });
});
