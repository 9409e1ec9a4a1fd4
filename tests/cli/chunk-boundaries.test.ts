// The export is read in 64 KB chunks and checked as UTF-8 once a chunk: characters cut by a chunk
// boundary are whole again, and a bad byte far into the file stops the run at once, naming its line
// and --encoding, and leaves no output that looks complete.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const ROWS = 40_000;

function exportWith(mark: boolean): Buffer {
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const name = i === 30_000 ? 'Bad MARK' : i === 30_001 ? 'Genuine \uFFFD kept' : `Société ☃ 😀 ${i}`;
    lines.push(COLUMNS.map((c) => quote(deal(`006${i}`, { Name: name })[c] ?? '')).join(','));
  }
  const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  if (mark) bytes[bytes.indexOf('MARK')] = 0xc3; // a lead byte without its continuation
  return bytes;
}

it('reads multi-byte characters across chunks', async () => {
  const dir = tempDir();
  const bytes = exportWith(false);
  expect(bytes.length).toBeGreaterThan(2 * 1_048_576);
  const file = write(dir, 'in.csv', bytes);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(0);
  const o = outputs(out);
  expect(o.scored).toHaveLength(ROWS);
  expectEveryRowAccounted(o, ROWS);
});

it('stops at a bad byte deep in the file, naming its line and --encoding, and leaves no output', async () => {
  const dir = tempDir();
  const bytes = exportWith(true);
  const file = write(dir, 'in.csv', bytes);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(3);
  expect(run.stderr).toContain(
    `is not UTF-8 text: line 30002 (byte ${bytes.indexOf(0xc3, bytes.indexOf('Bad ')) + 1} of the file) holds 0xC3`,
  );
  expect(run.stderr).toContain('--encoding');
  for (const f of ['out.csv', 'out.failed.csv', 'out.csv.partial', 'out.failed.csv.partial']) {
    expect(existsSync(join(dir, f))).toBe(false);
  }
});
