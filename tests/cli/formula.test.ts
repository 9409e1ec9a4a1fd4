// Cells a spreadsheet would run as formulas are escaped with a leading quote; numbers are not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

it('escapes formula-like text in the scored and failed files, never numbers', async () => {
  const dir = tempDir();
  const rows = [
    deal('006A', { Name: '=HYPERLINK("http://evil.example","Click")' }),
    deal('+006B'),
    deal('006C', { Amount: '=1+2' }),
    deal('006D', { Payment_Terms_Days__c: '-5' }),
  ];
  const file = write(dir, 'in.csv', csv(rows));
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(1);
  const o = outputs(out);
  expect(o.scored.map((r) => r.Id)).toEqual(['006A', "'+006B"]);
  expect(o.scored[0]).toMatchObject({ Walk_Away_Floor__c: '126000.00', Walk_Away_Threshold__c: '141750.00' });
  expect(o.failed).toEqual([
    expect.objectContaining({ Id: '006C', Column: 'Amount', Value: "'=1+2" }),
    expect.objectContaining({ Id: '006D', Column: 'Payment_Terms_Days__c', Value: "'-5" }),
  ]);
  for (const path of [out, out.replace(/\.csv$/, '.failed.csv')]) {
    const cells = readFileSync(path, 'utf8').split(/[\r\n,]+/);
    expect(cells.filter((c) => /^"?[=+\-@\t]/.test(c))).toEqual([]);
  }
  expectEveryRowAccounted(o, 4);
});
