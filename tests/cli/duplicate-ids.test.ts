// The same Id twice: the first occurrence is scored, the second fails naming both row numbers.
import { join } from 'node:path';
import { csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

it('fails the second occurrence of an Id, naming both rows', async () => {
  const dir = tempDir();
  const file = write(dir, 'in.csv', csv([deal('006A'), deal('006B'), deal('006A', { Amount: '1' }), deal('006C')]));
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('Id 006A appears twice: first on row 1, again on row 3');
  const o = outputs(out);
  expect(o.scored.map((r) => r.Id)).toEqual(['006A', '006B', '006C']);
  expect(o.scored[0]?.Walk_Away_Recommendation__c).toBe('Proceed');
  expect(o.failed).toEqual([expect.objectContaining({ Id: '006A', Row: '3', Column: 'Id', Value: '006A' })]);
  expectEveryRowAccounted(o, 4);
});
