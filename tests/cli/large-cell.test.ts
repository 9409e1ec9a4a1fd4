// A cell over 1 MB in a column the engine reads is reported for its row (not a crash); the other
// rows are scored. A Name over 1 MB is only shown, never read by the engine: its row is scored.
import { join } from 'node:path';
import { csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

it('reports a cell larger than 1 MB on its row and scores the rest', async () => {
  const dir = tempDir();
  const huge = 'x'.repeat(1_048_577);
  const file = write(
    dir,
    'in.csv',
    csv([
      deal('006A'),
      deal('006B', { Customer_Red_Flags__c: huge }),
      deal('006C', { Customer_Red_Flags__c: 'Unrealistic ROI;'.repeat(65_536) }), // 16 bytes x 65,536 = 1 MB
      deal('006D', { Name: huge }),
    ]),
  );
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(
    'row 2 (line 3), Id 006B: Customer_Red_Flags__c is 1048577 bytes, more than the 1048576 bytes a cell may hold',
  );
  const o = outputs(out);
  expect(o.scored.map((r) => r.Id)).toEqual(['006A', '006C', '006D']);
  expect(o.failed).toHaveLength(1);
  expect(o.failed[0]).toMatchObject({ Id: '006B', Row: '2', Column: 'Customer_Red_Flags__c' });
  expect(o.failed[0]?.Value).toBe(`${'x'.repeat(60)}…`);
  expectEveryRowAccounted(o, 4);
});
