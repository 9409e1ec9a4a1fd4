// An empty export and one with a header only: a clear message, exit 3, nothing written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

describe('nothing to score', () => {
  it.each([
    ['an empty file', '', 'is empty'],
    ['a file of blank lines', '\n\n', 'is empty'],
    ['a header only', `${COLUMNS.join(',')}\n`, 'has a header but no rows'],
    ['a header and blank lines', `${COLUMNS.join(',')}\r\n\r\n`, 'has a header but no rows'],
  ])('refuses %s', async (_what, content, message) => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', content);
    const out = join(dir, 'out.csv');
    const run = await scoreInProcess(['--file', file, '--output', out], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`The export ${file} ${message}`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that does not exist', async () => {
    const dir = tempDir();
    const run = await scoreInProcess(['--file', join(dir, 'nope.csv'), '--output', join(dir, 'out.csv')], dir);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('no such file');
  });
});
