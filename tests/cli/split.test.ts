// `walkaway score --file` in two processes (src/score/split): a large export is read half by this
// process and half by a second one, and the output is the one a single process writes. The split
// is forced on small files here (WALKAWAY_SPLIT_MIN_BYTES=0) and compared with a run in one process
// (WALKAWAY_SPLIT=0): the scored file, the failed-rows file, the --json document and the exit code,
// byte for byte once the run's timestamp (the clock) is masked in both. WALKAWAY_TEST_SPLIT_REPORT
// (test-only) says how each run was split, so that a comparison is known to be of two processes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { caseSafeId } from '../../src/io/export/recordId';
import { ROOT, score as spawnScore, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

const QUOTA = 'Owner.Walk_Away_Quarterly_Quota__c';
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
  QUOTA,
];

type Cells = Partial<Record<string, string>>;

/** A deal in the quarter of 2026-11-26, open at 50%: an alternative for its owner's other deals. */
const deal = (id: string, more: Cells = {}): Cells => ({
  Id: id,
  Name: `Deal ${id}`,
  OwnerId: '005A',
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
});

const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (c: Cells, columns: readonly string[] = COLUMNS): string => columns.map((k) => cell(c[k] ?? '')).join(',');
const csv = (rows: readonly (Cells | string)[], columns: readonly string[] = COLUMNS): string =>
  `${[columns.join(','), ...rows.map((r) => (typeof r === 'string' ? r : line(r, columns)))].join('\n')}\n`;

/** Filler deals `006F<from>`..: plain rows, for the halves to hold something. */
const filler = (from: number, count: number, more: (i: number) => Cells = () => ({})): Cells[] =>
  Array.from({ length: count }, (_, k) => deal(`006F${String(from + k).padStart(5, '0')}`, more(from + k)));

type SplitReport = {
  processes: 1 | 2;
  reason?: string;
  middle?: number;
  guess?: number;
  boundary?: { offset: number; row: number; line: number } | null;
  restarted?: boolean;
  fallback?: 'not-plain' | 'one-process' | null;
};

type Seen = { status: number; stdout: string; scored: string; failed: string; report: SplitReport };

const ONE_PROCESS = { WALKAWAY_SPLIT: '0' };
const TWO_PROCESSES = { WALKAWAY_SPLIT_MIN_BYTES: '0' };

/**
 * One run of `--file file --json` into `dir`/out.csv: exit code, stdout and both output files as
 * written, the run's own timestamp masked; and how it was split.
 */
async function run(file: string, dir: string, env: Record<string, string>): Promise<Seen> {
  const out = join(dir, 'out.csv');
  const failed = join(dir, 'out.failed.csv');
  const reportFile = join(dir, 'split-report.jsonl');
  for (const f of [out, failed, reportFile]) rmSync(f, { force: true });
  const r = await scoreInProcess(['--file', file, '--output', out, '--as-of', '2026-11-26', '--json'], dir, {
    ...env,
    WALKAWAY_TEST_SPLIT_REPORT: reportFile,
  });
  const doc = JSON.parse(r.stdout) as { result?: { scoredAt?: string } };
  const at = doc.result?.scoredAt ?? '<no run>';
  const mask = (text: string): string => text.split(at).join('<scored at>');
  const read = (path: string): string => (existsSync(path) ? mask(readFileSync(path, 'utf8')) : '<none>');
  const reports = existsSync(reportFile) ? readFileSync(reportFile, 'utf8').trim().split('\n') : [];
  expect(reports).toHaveLength(1);
  return {
    status: r.status,
    stdout: mask(r.stdout),
    scored: read(out),
    failed: read(failed),
    report: JSON.parse(reports[0] ?? '{}') as SplitReport,
  };
}

/** The file run in one process, then in two; both runs' outputs, and the files left in the folder. */
async function bothWays(
  text: string,
  twoEnv: Record<string, string> = {},
): Promise<{ one: Seen; two: Seen; left: string[] }> {
  const dir = tempDir();
  const file = write(dir, 'in.csv', text);
  const one = await run(file, dir, ONE_PROCESS);
  const two = await run(file, dir, { ...TWO_PROCESSES, ...twoEnv });
  expect(one.report).toEqual({ processes: 1, reason: 'off' });
  return { one, two, left: readdirSync(dir).sort() };
}

/** Two processes wrote exactly what one did, and nothing else is left in the folder. */
function expectSame(one: Seen, two: Seen, left: string[]): void {
  expect(two.stdout).toBe(one.stdout);
  expect(two.scored).toBe(one.scored);
  expect(two.failed).toBe(one.failed);
  expect(two.status).toBe(one.status);
  expect(left).toEqual(['in.csv', 'out.csv', 'out.failed.csv', 'split-report.jsonl']);
}

const scoredRows = (s: Seen): string[][] =>
  s.scored
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

describe('two processes write what one writes', () => {
  it.each([
    ['plain text', (k: number): string => `note ${k} of a long description`],
    ['text that looks like records', (k: number): string => `006Z${k},Fake,005Q,90,2026-12-01,false,false,999`],
  ])('a quoted multi-line cell across the middle of the file (its lines: %s)', async (_name, inner) => {
    const before = filler(0, 30);
    const after = filler(100, 30);
    const longName = Array.from({ length: 120 }, (_, k) => inner(k)).join('\n');
    const text = csv([...before, deal('006M00001', { Name: longName, OwnerId: '005B' }), ...after]);
    const middle = Math.floor(Buffer.byteLength(text) / 2);
    const cellStart = text.indexOf('"', text.indexOf('006M00001'));
    const cellEnd = text.indexOf('",005B');
    // The middle byte is inside the cell, and a line of the cell starts after it: the child's guess.
    expect(cellStart).toBeLessThan(middle);
    expect(cellEnd).toBeGreaterThan(middle + 200);

    const { one, two, left } = await bothWays(text);
    expect(two.report).toMatchObject({ processes: 2, restarted: true, fallback: null });
    expect(two.report.guess).toBeLessThan(cellEnd);
    // The second half starts at the record after the cell (row 31, on lines 32 to 32 + 119).
    expect(two.report.boundary).toEqual({ offset: text.indexOf('\n', cellEnd) + 1, row: 31, line: 32 + 119 + 1 });
    expect(scoredRows(two)).toHaveLength(61);
    expectSame(one, two, left);
  });

  /**
   * A file whose middle byte is `shift` bytes from the first byte of record 006P00002 (after
   * `blanks` blank lines), an early Name padded to put it there.
   */
  function alignedAt(shift: number, blanks: number): { text: string; start: number } {
    const build = (pad: number): string =>
      csv([
        deal('006P00001', { Name: `Deal ${'x'.repeat(pad)}` }),
        ...filler(0, 10),
        ...Array.from({ length: blanks }, () => ''),
        deal('006P00002'),
        ...filler(10, 30),
      ]);
    const startOf = (t: string): number => t.indexOf('\n006P00002') + 1;
    const plain = build(0);
    const text = build(Buffer.byteLength(plain) - 2 * (startOf(plain) + shift));
    return { text, start: startOf(text) };
  }

  it.each([
    ['the first byte of a record', 0, 0],
    ['the line end before a record', -1, 0],
    ['a blank line before a record', -2, 3],
    ['the line end of blank lines before a record', -1, 2],
  ])('the middle byte on %s: the second half starts at that record', async (_name, shift, blanks) => {
    const { text, start } = alignedAt(shift, blanks);
    expect(Math.floor(Buffer.byteLength(text) / 2)).toBe(start + shift);
    const { one, two, left } = await bothWays(text);
    expect(two.report).toMatchObject({ processes: 2, guess: start, restarted: false, fallback: null });
    expect(two.report.boundary).toEqual({ offset: start, row: 11, line: 13 + blanks });
    expectSame(one, two, left);
  });

  it('a duplicate Id in the two halves fails in the second, naming both rows', async () => {
    const rows = [
      deal('006D00000000001AAA'),
      deal('006D00000000002', { Name: 'fifteen-character Id' }),
      deal('006D00000000003AAA', { IsDeleted: 'true' }),
      deal('', { Name: 'no Id in the first half' }),
      ...filler(0, 40),
      deal('006D00000000001AAA', { Name: 'again, in the second half' }),
      deal(caseSafeId('006D00000000002'), { Name: 'the 18-character form of the first half’s' }),
      deal('006D00000000003AAA', { Name: 'deleted in the first half: no duplicate' }),
      ...filler(100, 3),
      deal('006F00101', { Name: 'a duplicate within the second half' }),
    ];
    const { one, two, left } = await bothWays(csv(rows));
    expect(two.report).toMatchObject({ processes: 2, fallback: null });
    const boundary = two.report.boundary?.row ?? 0;
    expect(boundary).toBeGreaterThan(4);
    expect(boundary).toBeLessThan(45);
    // The second half's duplicates, found by the child with the first half's Ids.
    expect(two.failed).toContain('006D00000000001AAA,45,46,Id,006D00000000001AAA,');
    expect(two.failed).toContain(`${caseSafeId('006D00000000002')},46,47,Id,`);
    expect(two.failed).toMatch(/006D00000000001AAA.* row 1, again on row 45/);
    expect(two.failed).toMatch(/006F00101,51,52,Id,006F00101,.*\b49\b.*\b51\b/);
    expect(two.failed).not.toMatch(/006D00000000003AAA,47,/);
    expectSame(one, two, left);
  });

  it('a duplicate Id within the first half fails there, its first row not (the first pass recorded both)', async () => {
    const rows = [
      deal('006E00000000001AAA'),
      ...filler(0, 5),
      deal('006E00000000001AAA', { Name: 'again, in the first half' }),
      ...filler(10, 40),
    ];
    const { one, two, left } = await bothWays(csv(rows));
    expect(two.report).toMatchObject({ processes: 2, fallback: null });
    expect(two.report.boundary?.row ?? 0).toBeGreaterThan(7);
    expect(two.failed).toMatch(/006E00000000001AAA,7,8,Id,.* row 1, again on row 7/);
    expect(two.failed).not.toMatch(/006E00000000001AAA,1,/);
    expect(two.scored).toContain('006E00000000001AAA,');
    expectSame(one, two, left);
  });

  it("an owner whose deals are in both halves: BATNA from the whole file's pipeline", async () => {
    // 005X: alternatives and a won deal early in the file, its quota only late (300,000, then 100:
    // the first seen counts): its late deal's BATNA is strong only with the early deals. 005W: the
    // same late deal, no pipeline. 005Y's quota early and late (the early one counts); 005Z's deals
    // in EUR early and USD late (amounts never added across currencies).
    const small = { Amount: '20000', Direct_Cost__c: '10000', Allocated_Overhead__c: '2000', Probability: '10' };
    const rows = [
      ...Array.from({ length: 4 }, (_, k) => deal(`006X0000${k}`, { OwnerId: '005X', Amount: '40000' })),
      deal('006X00009', { OwnerId: '005X', IsClosed: 'true', IsWon: 'true', CloseDate: '2026-10-15' }),
      deal('006Y00000', { OwnerId: '005Y', Probability: '10', [QUOTA]: '900000' }),
      deal('006Z00000', { OwnerId: '005Z', CurrencyIsoCode: 'EUR', Amount: '70000' }),
      ...filler(0, 40, (i) => ({ OwnerId: `005F${i % 3}`, Probability: '10' })),
      deal('006X00010', { OwnerId: '005X', ...small, [QUOTA]: '300000' }),
      deal('006X00011', { OwnerId: '005X', ...small, [QUOTA]: '100' }),
      ...Array.from({ length: 4 }, (_, k) =>
        deal(`006Y0001${k}`, { OwnerId: '005Y', Amount: '30000', [QUOTA]: '100' }),
      ),
      deal('006Z00010', { OwnerId: '005Z', Probability: '10' }),
      deal('006W00010', { OwnerId: '005W', ...small, [QUOTA]: '300000' }),
    ];
    const { one, two, left } = await bothWays(csv(rows));
    expect(two.report).toMatchObject({ processes: 2, fallback: null });
    expect(two.report.boundary?.row).toBeGreaterThan(7);
    expect(two.report.boundary?.row).toBeLessThan(47);
    const batna = new Map(scoredRows(two).map((r) => [r[0], r[6]]));
    expect(batna.get('006X00010')).toBe('Strong');
    expect(batna.get('006W00010')).toBe('Weak');
    expect(two.stdout).toContain('"dealsWithAmountsLeftOut"');
    expect(JSON.parse(two.stdout).result.batnaCurrencies.leftOut).toEqual(['EUR']);
    expectSame(one, two, left);
  });

  it('failed, deleted and walk-away rows in both halves: absolute rows and lines, the same summary', async () => {
    // A multi-line cell and blank lines in the first half (lines run ahead of rows), failures and
    // deleted rows in both, more than 1,000 failed rows (the --json list stops at 1,000, in row
    // order), and walk-aways of equal amounts in both halves (the largest five, ties by row).
    const rows: (Cells | string)[] = [
      deal('006A00001', { Name: 'two\nlines' }),
      '',
      ...filler(0, 800, (i) => (i % 4 ? { Amount: 'n/a' } : { Amount: '20000', Direct_Cost__c: '50000' })),
      deal('006A00002', { IsDeleted: 'true' }),
      deal('006A00003', { Customer_Red_Flags__c: 'Not A Flag' }),
      ...filler(1000, 800, (i) => (i % 4 ? { Probability: 'abc' } : { Amount: '20000', Direct_Cost__c: '50000' })),
      deal('006A00004', { IsDeleted: 'true' }),
      deal('006A00005', { SLA_Uptime_Pct__c: '0.999' }),
      'short,row',
    ];
    const { one, two, left } = await bothWays(csv(rows));
    expect(two.report).toMatchObject({ processes: 2, fallback: null });
    const result = JSON.parse(two.stdout).result as {
      failed: number;
      failedRows: { row: number; line: number }[];
      notProcessed: number;
      largestWalkAways: unknown[];
    };
    expect(result.failed).toBeGreaterThan(1000);
    expect(result.failedRows).toHaveLength(1000);
    expect(result.notProcessed).toBe(2);
    expect(result.largestWalkAways).toHaveLength(5);
    // A failure of the second half, numbered as in the whole file (line = row + 3: the header, the
    // multi-line cell, the blank line).
    expect(two.report.boundary?.row).toBeGreaterThan(100);
    expect(two.report.boundary?.row).toBeLessThan(1500);
    expect(two.failed).toMatch(/\n006A00005,1605,1608,SLA_Uptime_Pct__c,/);
    expect(two.failed).toMatch(/\nshort,1606,1609,,,/);
    expectSame(one, two, left);
  });

  it('a file without the pipeline columns (no BATNA): duplicates across the halves still caught', async () => {
    const columns = COLUMNS.filter((c) => !['OwnerId', 'Probability', 'CloseDate', 'IsClosed', 'IsWon'].includes(c));
    const rows = [deal('006N00001'), ...filler(0, 30), deal('006N00001', { Name: 'again' }), ...filler(30, 5)];
    const { one, two, left } = await bothWays(csv(rows, columns));
    expect(two.report).toMatchObject({ processes: 2, fallback: null });
    expect(two.failed).toMatch(/006N00001,32,33,Id,/);
    expectSame(one, two, left);
  });
});

describe('when the split stops, the file is read again in one process', () => {
  const text = csv([...filler(0, 30, (i) => (i % 5 ? {} : { Amount: 'x' })), deal('006F00003'), ...filler(30, 30)]);

  it.each([['pipeline'], ['score']])(
    'the second process ends in its %s pass: the same output, no file of it left',
    async (pass) => {
      const { one, two, left } = await bothWays(text, { WALKAWAY_TEST_SPLIT_EXIT: pass });
      expect(two.report).toMatchObject({ processes: 2, fallback: 'one-process' });
      expectSame(one, two, left);
    },
  );

  // The first pass cuts a record only up to its last pipeline cell (CurrencyIsoCode here): a row of
  // another number of cells is caught by the scoring pass, and the file read again in one process.
  const uncut = COLUMNS.filter((c) => c !== QUOTA && c !== 'IsDeleted');
  it.each([
    ['a cell too many, in the second half', 50, (l: string): string => `${l},extra`],
    ['a cell too few, in the first half', 10, (l: string): string => l.slice(0, l.lastIndexOf(','))],
  ])('a row with %s, after the cells the first pass reads: the same output and message', async (_n, at, change) => {
    const rows = csv(filler(0, 60), uncut).split('\n');
    rows[at + 1] = change(rows[at + 1] as string);
    const { one, two, left } = await bothWays(rows.join('\n'));
    expect(two.report).toMatchObject({ processes: 2, fallback: 'one-process' });
    expect(two.report.reason).toBe(
      `line ${at + 2} has ${at === 50 ? 14 : 12} cells, the header 13, and a first pass read it without counting them`,
    );
    expect(two.failed).toMatch(
      new RegExp(`\\n006F000${at},${at + 1},${at + 2},,,The row has 1[24] cells where the header has 13`),
    );
    expectSame(one, two, left);
  });

  it.each([
    ['the second half', (t: string): string => `${t.trimEnd()}\r\n${line(deal('006C00001'))}\n`],
    ['the first half', (t: string): string => t.replace('\n006F00002,', '\r\n006F00002,')],
  ])('%s not read by the byte reader: read by the CSV reader, as by one process', async (_name, change) => {
    const changed = change(text);
    expect(changed).not.toBe(text);
    const { one, two, left } = await bothWays(changed);
    expect(two.report).toMatchObject({ processes: 2, fallback: 'not-plain' });
    expectSame(one, two, left);
  });
});

describe('one process', () => {
  const text = csv(filler(0, 50));

  it('for a file under WALKAWAY_SPLIT_MIN_BYTES (32 MB unless set): no second process', async () => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', text);
    expect((await run(file, dir, {})).report).toEqual({ processes: 1, reason: 'small' });
    const size = Buffer.byteLength(text);
    expect((await run(file, dir, { WALKAWAY_SPLIT_MIN_BYTES: String(size + 1) })).report).toEqual({
      processes: 1,
      reason: 'small',
    });
    expect((await run(file, dir, { WALKAWAY_SPLIT_MIN_BYTES: String(size) })).report.processes).toBe(2);
    // Blank, or not a number of bytes: the default.
    for (const value of ['', ' ', 'abc', '-1']) {
      expect((await run(file, dir, { WALKAWAY_SPLIT_MIN_BYTES: value })).report).toEqual({
        processes: 1,
        reason: 'small',
      });
    }
  });

  it('with WALKAWAY_SPLIT=0, whatever the size', async () => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', text);
    expect((await run(file, dir, { WALKAWAY_SPLIT: '0', WALKAWAY_SPLIT_MIN_BYTES: '0' })).report).toEqual({
      processes: 1,
      reason: 'off',
    });
  });
});

it('through bin/run.js: one --json document, the exit code of one process', () => {
  const dir = tempDir();
  const rows = [...filler(0, 40), deal('006F00002', { Amount: 'n/a' })];
  const file = write(dir, 'in.csv', csv(rows));
  const args = ['--file', file, '--output', join(dir, 'out.csv'), '--as-of', '2026-11-26', '--json'];
  const reportFile = join(tempDir(), 'split-report.jsonl');
  Object.assign(process.env, { WALKAWAY_SPLIT_MIN_BYTES: '0', WALKAWAY_TEST_SPLIT_REPORT: reportFile });
  const r = (() => {
    try {
      return spawnScore(args, dir);
    } finally {
      delete process.env.WALKAWAY_SPLIT_MIN_BYTES;
      delete process.env.WALKAWAY_TEST_SPLIT_REPORT;
    }
  })();
  // The executable started the second process before oclif loaded (split/early.ts), and the command took it.
  const [started, split, ...more] = reportLines(reportFile);
  expect(typeof started?.early).toBe('number');
  expect(split).toMatchObject({ processes: 2, fallback: null, early: true });
  expect(more).toEqual([]);
  expect(r.status).toBe(1);
  const result = (JSON.parse(r.stdout) as { result: { rows: number; failed: number } }).result;
  expect(result).toMatchObject({ rows: 41, failed: 1 });
  expect(readdirSync(dir).sort()).toEqual(['in.csv', 'out.csv', 'out.failed.csv']);
});

/** The JSON lines of a split report file. */
const reportLines = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Whether process `pid` is still running (Linux: /proc). */
const running = (pid: number): boolean => existsSync(join('/proc', String(pid)));

const linuxOnly = process.platform === 'linux' ? it : it.skip;

linuxOnly('a second process started early but not used ends with the run that started it', async () => {
  const dir = tempDir();
  const file = write(dir, 'in.csv', csv(filler(0, 40)));
  const reportFile = join(tempDir(), 'split-report.jsonl');
  Object.assign(process.env, { WALKAWAY_SPLIT_MIN_BYTES: '0', WALKAWAY_TEST_SPLIT_REPORT: reportFile });
  const r = (() => {
    try {
      // A delimiter oclif refuses: the command never runs, nor takes the process started for it.
      return spawnScore(['--file', file, '--column-delimiter', 'Bogus', '--json'], dir);
    } finally {
      delete process.env.WALKAWAY_SPLIT_MIN_BYTES;
      delete process.env.WALKAWAY_TEST_SPLIT_REPORT;
    }
  })();
  expect(r.status).toBe(2);
  expect(r.stdout).toContain('Bogus');
  const [started, ...more] = reportLines(reportFile);
  expect(more).toEqual([]);
  const pid = started?.early;
  expect(typeof pid).toBe('number');
  // It leaves once the channel to the ended run closes.
  for (let waited = 0; running(pid as number) && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(running(pid as number)).toBe(false);
  expect(readdirSync(dir)).toEqual(['in.csv']);
});

it('the second process loads the reader and the engine, not oclif nor @salesforce/sf-plugins-core', () => {
  // Without a parent's channel it loads its modules and ends (nothing keeps it waiting).
  const trace = join(tempDir(), 'modules.txt');
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      join(ROOT, 'tests', 'cli', 'support', 'trace-modules.mjs'),
      join(ROOT, 'lib', 'score', 'split', 'child.js'),
    ],
    { env: { ...process.env, TRACE_MODULES_FILE: trace }, encoding: 'utf8', timeout: 30_000 },
  );
  expect(r.status).toBe(0);
  const loaded = [...new Set(readFileSync(trace, 'utf8').split('\n'))];
  expect(loaded).toContain(join(ROOT, 'lib', 'engine', 'index.js'));
  expect(loaded).toContain(join(ROOT, 'lib', 'io', 'export', 'plainReader.js'));
  expect(loaded.filter((f) => /node_modules\/(@oclif|@salesforce\/sf-plugins-core|@jsforce)\//.test(f))).toEqual([]);
  expect(loaded.filter((f) => /\/lib\/(commands|org)\//.test(f))).toEqual([]);
});
