// A quote that is never closed (or closed in the middle of a cell) would swallow the rows after
// it: the file is refused, exit 3, naming the row and line where the broken record starts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { csv, deal, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

describe('a broken quote', () => {
  it.each([
    ['an unclosed quote', (text: string) => text.replace('Deal 006B', '"Deal 006B'), 'Quoted field unterminated'],
    [
      'a quote closed mid-cell',
      (text: string) => text.replace('Deal 006B', '"Deal" 006B'),
      'Trailing quote on quoted field is malformed',
    ],
  ])('refuses %s', async (_what, breakIt, reason) => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', breakIt(csv([deal('006A'), deal('006B'), deal('006C')])));
    const out = join(dir, 'out.csv');
    const run = await scoreInProcess(['--file', file, '--output', out], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`The export ${file} cannot be read as CSV from row 2 (line 3): ${reason}`);
    for (const f of [out, `${out}.partial`, join(dir, 'out.failed.csv'), join(dir, 'out.failed.csv.partial')]) {
      expect(existsSync(f)).toBe(false);
    }
  });

  it('keeps a quoted cell that spans many lines and chunks of the file', async () => {
    const dir = tempDir();
    const long = Array.from({ length: 40_000 }, (_, i) => `line ${i}, "quoted" é`).join('\n');
    const file = write(dir, 'in.csv', csv([deal('006A'), deal('006B', { Name: long }), deal('006C', { Amount: 'x' })]));
    const out = join(dir, 'out.csv');
    const run = await scoreInProcess(['--file', file, '--output', out, '--json'], dir);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout).result;
    expect(result).toMatchObject({ rows: 3, scored: 2, failed: 1 });
    // Row 2 starts on line 3 and spans 40,000 lines: row 3 starts on line 40,003.
    expect(result.failedRows).toEqual([expect.objectContaining({ id: '006C', row: 3, line: 40_003 })]);
  });
});
