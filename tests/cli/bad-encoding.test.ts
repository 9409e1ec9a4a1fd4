// Bytes that are not UTF-8 (a Latin-1 export, say): the row is reported, nothing is lost.
import { join } from 'node:path';
import { csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

it('reports the row whose cell is not valid UTF-8', async () => {
  const dir = tempDir();
  const text = csv([deal('006A', { Name: 'Café Ltd' }), deal('006B', { Name: 'Cafe MARK' }), deal('006C')]);
  // Latin-1 "é" (0xE9) where UTF-8 needs two bytes.
  const bytes = Buffer.from(text.replace('MARK', '\u0000'), 'utf8');
  bytes[bytes.indexOf(0)] = 0xe9;
  const file = write(dir, 'in.csv', bytes);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('row 2 (line 3), Id 006B: Name is not valid UTF-8 text (bad encoding)');
  const o = outputs(out);
  expect(o.scored.map((r) => r.Id)).toEqual(['006A', '006C']);
  expect(o.failed).toEqual([expect.objectContaining({ Id: '006B', Row: '2', Column: 'Name', Value: 'Cafe \uFFFD' })]);
  expectEveryRowAccounted(o, 3);
});

it('refuses a header that is not UTF-8 (a UTF-16 export)', async () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([deal('006A')]), 'utf16le')]),
  );
  const run = await scoreInProcess(['--file', file, '--output', join(dir, 'out.csv')], dir);
  expect(run.status).toBe(3);
  expect(run.stderr).toContain('is not UTF-8 text');
});
