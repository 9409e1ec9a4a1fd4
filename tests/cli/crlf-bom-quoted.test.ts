// A Windows export: BOM, CRLF line ends, quoted cells with commas, quotes and newlines inside.
import { join } from 'node:path';
import { csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

it('reads BOM, CRLF and quoted newlines, and counts physical lines', async () => {
  const dir = tempDir();
  const text = csv([
    deal('006A', { Name: 'Acme, "North"\r\nrenewal\r\nphase 2' }),
    deal('006B', { Amount: '140000', Customer_Red_Flags__c: 'Unrealistic ROI;Unrealistic Timeline' }),
    deal('006C', { Amount: 'oops' }),
  ])
    .replace(/\n/g, '\r\n')
    .replace(/\r\r\n/g, '\r\n');
  const file = write(dir, 'in.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.stderr).not.toContain('no Id column');
  expect(run.status).toBe(1);
  const o = outputs(out);
  expect(o.scored.map((r) => [r.Id, r.Walk_Away_Recommendation__c, r.Walk_Away_Findings__c])).toEqual([
    ['006A', 'Proceed', ''],
    ['006B', 'Approval Required', 'BELOW_THRESHOLD;RED_FLAGS_PRESENT'],
  ]);
  // Row 1 spans lines 2-4, row 2 is line 5, row 3 line 6.
  expect(o.failed).toEqual([expect.objectContaining({ Id: '006C', Row: '3', Line: '6', Column: 'Amount' })]);
  expectEveryRowAccounted(o, 3);
});
