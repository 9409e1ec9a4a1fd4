// The byte reader (src/io/export/plainReader.ts) reads an export exactly as the CSV reader does:
// the same scored file, failed-rows file, row and line numbers, messages and summary, whether rows
// are plain, quoted, multi-line, bad or blank, in a comma or a semicolon file, across its 1 MB
// buffer. WALKAWAY_TEST_READER (test-only) picks the reader: `csv` the CSV reader alone, `bytes`
// the byte reader alone (a file it does not read is then an error, so a pass proves it read it).
// A file the byte reader leaves to the CSV reader (CR line ends, a quote that does not close its
// cell) gives the CSV reader's result when no reader is forced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, write } from './support/cli';
import { scoreInProcess, type Run } from './support/inProcess';

const COLUMNS = [
  'Id',
  'Name',
  'OwnerId',
  'Probability',
  'CloseDate',
  'IsClosed',
  'IsWon',
  'Amount',
  'CurrencyIsoCode',
  'Direct_Cost__c',
  'Allocated_Overhead__c',
  'Customer_Red_Flags__c',
  'SLA_Uptime_Pct__c',
  'IsDeleted',
];

type Cells = readonly string[];
const good = (id: string, more: Partial<Record<string, string>> = {}): Cells =>
  COLUMNS.map(
    (c) =>
      ({
        Id: id,
        Name: `Deal ${id}`,
        OwnerId: id.endsWith('7') ? '005B' : '005A',
        Probability: '50',
        CloseDate: '2026-12-10',
        IsClosed: 'false',
        IsWon: 'false',
        Amount: '155000',
        CurrencyIsoCode: 'USD',
        Direct_Cost__c: '80000',
        Allocated_Overhead__c: '25000',
        Customer_Red_Flags__c: '',
        SLA_Uptime_Pct__c: '99.9',
        IsDeleted: 'false',
        ...more,
      })[c] ?? '',
  );

/** One record: cells quoted when they need it (or all of them), joined by `d`. */
function line(cells: Cells, d: string, quoteAll = false): string {
  return cells.map((v) => (quoteAll || v.includes(d) || /["\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(d);
}

/** An export of plain, quoted, multi-line, bad and blank rows. */
function mixed(d: string): string {
  const lines = [
    line(COLUMNS, d),
    line(good('006A01'), d),
    line(good('006A02', { Name: `Acme${d} Inc.\nsecond line\n"third"` }), d),
    line(good('006A03', { Name: 'All quoted' }), d, true),
    line(good('006A04', { Amount: '1.55E+5' }), d),
    line(good('006A05', { Amount: 'abc' }), d),
    line(good('006A06', { Direct_Cost__c: '-5' }), d),
    line(good('006A07', { Customer_Red_Flags__c: 'Not A Flag' }), d),
    line(good('006A01', { Amount: '1' }), d),
    line(good('', { Name: 'No Id' }), d),
    `006A10${d}Short row`,
    '',
    line(good('006A11', { IsDeleted: 'true' }), d),
    line(good('006A12', { Name: 'Société ☃ 😀' }), d),
    line(good('006A13', { Probability: 'abc' }), d),
    line(good('006A14', { SLA_Uptime_Pct__c: '0.999' }), d),
    line(good('006A15', { SLA_Uptime_Pct__c: '99.5%', Amount: ' 155000 ' }), d),
    line(good('006A16', { Name: '12" screen', Amount: '9000000' }), d),
    line(good('006A17', { IsClosed: 'true', IsWon: 'true', CloseDate: '2026-11-02' }), d),
    line(good('006A18', { Amount: '20000', Customer_Red_Flags__c: 'Litigation Risk' }), d),
  ];
  return lines.join('\n'); // the last record without a line end
}

type Seen = { status: number; result: unknown; scored: string; failed: string; stderr: string };

/** A run's exit code, --json result and output files, without what differs by the clock. */
async function run(file: string, dir: string, reader?: 'csv' | 'bytes', extra: string[] = []): Promise<Seen> {
  const out = join(dir, 'out.csv');
  const r: Run = await scoreInProcess(
    ['--file', file, '--output', out, '--as-of', '2026-11-26', '--json', ...extra],
    dir,
    reader === undefined ? {} : { WALKAWAY_TEST_READER: reader },
  );
  const doc = JSON.parse(r.stdout) as { result?: Record<string, unknown> };
  const result = doc.result === undefined ? doc : { ...doc.result, scoredAt: null };
  const read = (path: string): string => {
    try {
      return readFileSync(path, 'utf8').replace(/,[^,\n]*Z\n/g, ',<scored at>\n');
    } catch {
      return '<none>';
    }
  };
  return {
    status: r.status,
    result,
    scored: read(out),
    failed: read(join(dir, 'out.failed.csv')),
    // (In-process runs add a signal listener each: Node's warning about that is no output of the command.)
    stderr: r.stderr
      .split('\n')
      .filter((l) => !/^\(node:\d+\) MaxListenersExceededWarning|^\(Use `node --trace-warnings/.test(l))
      .join('\n'),
  };
}

describe.each([
  ['comma', ','],
  ['semicolon', ';'],
])('a %s file of plain, quoted, multi-line and bad rows', (_name, d) => {
  it('is read by the byte reader exactly as by the CSV reader', async () => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', mixed(d));
    const csv = await run(file, dir, 'csv');
    const bytes = await run(file, dir, 'bytes');
    const chosen = await run(file, dir);
    expect(csv.status).toBe(1);
    expect(csv.scored.split('\n').length).toBeGreaterThan(8);
    // What the user sees, from the CSV reader: a line number after the multi-line cell and the blank line.
    expect(csv.failed).toContain('006A13,13,17,Probability,abc,');
    expect(bytes).toEqual(csv);
    expect(chosen).toEqual(csv);
  });
});

it('reads records that cross its 1 MB buffer, multi-line cells among them, as the CSV reader does', async () => {
  const dir = tempDir();
  const lines = [line(COLUMNS, ',')];
  for (let i = 0; i < 16_000; i++) {
    const id = `006B${String(i).padStart(6, '0')}`;
    const name =
      i % 7 === 0
        ? `Deal ${i}, "quoted"\nover two lines ${'x'.repeat(i % 50)}`
        : `Deal ${i} ${'y'.repeat(20 + (i % 90))}`;
    const amount = i % 1000 === 999 ? 'n/a' : String(1000 + (i % 500) * 1000);
    lines.push(line(good(id, { Name: name, Amount: amount, OwnerId: `005${i % 13}` }), ','));
  }
  const text = `${lines.join('\n')}\n`;
  expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1_048_576);
  const file = write(dir, 'in.csv', text);
  const csv = await run(file, dir, 'csv');
  const bytes = await run(file, dir, 'bytes');
  expect(csv.status).toBe(1);
  expect(csv.failed.split('\n').filter((l) => l.includes('n/a'))).toHaveLength(16);
  expect(bytes).toEqual(csv);
});

describe('a file the byte reader leaves to the CSV reader', () => {
  it.each([
    ['CRLF line ends', (t: string): string => t.replace(/\n/g, '\r\n')],
    ['a quote that does not close its cell', (t: string): string => t.replace('Deal 006A17', '"Deal" 006A17')],
    ['a footer line after the rows', (t: string): string => `${t}\n\nGenerated By: someone\n`],
  ])('%s: read by the CSV reader, as before', async (_name, change) => {
    const dir = tempDir();
    const text = change(mixed(','));
    expect(text).not.toBe(mixed(','));
    const file = write(dir, 'in.csv', text);
    const csv = await run(file, dir, 'csv');
    const chosen = await run(file, dir);
    expect(chosen).toEqual(csv);
    // The byte reader alone does not read it (so the run above was the CSV reader's).
    const bytes = await scoreInProcess(['--file', file, '--output', join(dir, 'b.csv')], dir, {
      WALKAWAY_TEST_READER: 'bytes',
    });
    expect(bytes.stderr).toContain('not read by the byte reader');
  });
});
