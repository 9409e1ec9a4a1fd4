// Bytes that are not UTF-8 (a Latin-1 or windows-1252 export, say): the run stops at once, naming
// the line of the first bad byte and --encoding; with --encoding the same file is read and scored.
// UTF-16 with a byte order mark is read as it is.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { byId, csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

function latin1Export(dir: string): string {
  const text = csv([deal('006A', { Name: 'Cafe Ltd' }), deal('006B', { Name: 'Café MARK' }), deal('006C')]);
  return write(dir, 'in.csv', Buffer.from(text, 'latin1'));
}

it('stops at the first byte that is not UTF-8, naming its line and --encoding; writes nothing', async () => {
  const dir = tempDir();
  const file = latin1Export(dir);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(3);
  expect(run.stderr).toMatch(/is not UTF-8 text: line 3 \(byte \d+ of the file\) holds 0xE9/);
  expect(run.stderr).toContain('--encoding windows-1252');
  expect(existsSync(out)).toBe(false);
  expect(existsSync(join(dir, 'out.failed.csv'))).toBe(false);
});

it('reads the same file with --encoding ISO-8859-1', async () => {
  const dir = tempDir();
  const file = latin1Export(dir);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out, '--encoding', 'ISO-8859-1'], dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('text read as ISO-8859-1 (as given)');
  const o = outputs(out);
  expect([...byId(o.scored).keys()]).toEqual(['006A', '006B', '006C']);
  expectEveryRowAccounted(o, 3);
});

it('reads a UTF-16 LE export with a byte order mark', async () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([deal('006A', { Name: 'Société' })]), 'utf16le')]),
  );
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('text read as UTF-16LE (byte order mark)');
  expect(outputs(out).scored.map((r) => r.Walk_Away_Recommendation__c)).toEqual(['Proceed']);
});
