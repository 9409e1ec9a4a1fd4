// The export is read in 64 KB chunks and checked as UTF-8 once a chunk: characters cut by a chunk
// boundary are whole again, and a bad byte far into the file still names its row, line and column.
import { join } from 'node:path';
import { COLUMNS, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

it('reads multi-byte characters across chunks and reports a bad byte deep in the file', async () => {
  const dir = tempDir();
  const lines = [COLUMNS.join(',')];
  const ROWS = 40_000;
  for (let i = 0; i < ROWS; i++) {
    const name = i === 30_000 ? 'Bad MARK' : i === 30_001 ? 'Genuine \uFFFD kept' : `Société ☃ 😀 ${i}`;
    lines.push(COLUMNS.map((c) => quote(deal(`006${i}`, { Name: name })[c] ?? '')).join(','));
  }
  const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  expect(bytes.length).toBeGreaterThan(2 * 1_048_576);
  bytes[bytes.indexOf('MARK')] = 0xc3; // a lead byte without its continuation
  const file = write(dir, 'in.csv', bytes);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('row 30001 (line 30002), Id 00630000: Name is not valid UTF-8 text (bad encoding)');
  const o = outputs(out);
  expect(o.failed).toEqual([
    expect.objectContaining({ Id: '00630000', Row: '30001', Line: '30002', Column: 'Name', Value: 'Bad \uFFFDARK' }),
  ]);
  expect(o.scored).toHaveLength(ROWS - 1);
  expectEveryRowAccounted(o, ROWS);
});
