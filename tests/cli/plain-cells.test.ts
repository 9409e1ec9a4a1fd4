// A plain record's cells read from its bytes (src/io/export/plainRecord.ts, src/score/pipelineCells.ts,
// src/score/opportunityCells.ts) are what the text path reads: readOpportunity's opportunity and
// readPipelineRow's row for every value read from bytes, and a hand-back (undefined) for every value
// in another form. End to end, a file of such values gives the same scored file, failed rows and
// summary read as text (the CSV reader), from bytes in one process, and in two.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  INPUT_FIELDS,
  currencyKey,
  parseCents,
  plainCentsAt,
  readOpportunity,
  type PipelineRow,
} from '../../src/engine/index';
import { canonicalColumn } from '../../src/io/export/columns';
import { looksLikeFraction } from '../../src/io/export/locale';
import { DistinctCells, type PlainRecord } from '../../src/io/export/plainRecord';
import { idAsWritten } from '../../src/score/idCell';
import { IdIndex } from '../../src/score/idIndex';
import { OpportunityCells } from '../../src/score/opportunityCells';
import { PipelineCells } from '../../src/score/pipelineCells';
import { tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';
import { fromLib } from './support/lib';

// The text path's pipeline reading (src/score/pipeline.ts readPipelineRow), as built (lib/): its
// messages use import.meta, which jest cannot load.
type ReadPipelineRow = (values: Readonly<Record<string, string>>) => {
  row: PipelineRow | null;
  problems: readonly unknown[];
};
let readPipelineRow: ReadPipelineRow;
beforeAll(async () => {
  ({ readPipelineRow } = await fromLib<{ readPipelineRow: ReadPipelineRow }>('score/pipeline.js'));
});

const PIPELINE = ['OwnerId', 'Probability', 'CloseDate', 'IsClosed', 'IsWon', 'IsDeleted'];
const COLUMNS = [...INPUT_FIELDS, 'Name', ...PIPELINE];

/** A deal whose every cell is in the form exports write. */
const BASE: Readonly<Record<string, string>> = {
  Id: '0065g00000AbCdEAAA',
  Name: 'Globex renewal',
  Amount: '155000',
  CurrencyIsoCode: 'USD',
  Direct_Cost__c: '80000',
  Allocated_Overhead__c: '25000.5',
  Liability_Cap_Months__c: '12',
  Unlimited_Liability__c: 'false',
  IP_Ownership_Transfer__c: 'false',
  Payment_Terms_Days__c: '60',
  SLA_Uptime_Pct__c: '99.9',
  Termination_For_Convenience__c: 'true',
  Uncapped_Indemnity__c: 'false',
  Customer_Red_Flags__c: 'Unrealistic ROI',
  Use_Case__c: 'Marketing Automation',
  Technical_Environment__c: 'HubSpot',
  'Account.Industry': 'Energy',
  'Account.AnnualRevenue': '78711000',
  Walk_Away_Deal_Size__c: '',
  'Account.BillingCountry': 'United States',
  OwnerId: '0055g000000001yAAA',
  Probability: '75',
  CloseDate: '2026-12-10',
  IsClosed: 'false',
  IsWon: 'false',
  IsDeleted: 'false',
};

/** Values of each kind of cell: those read from bytes, and those handed back to the text path. */
const AMOUNTS = [
  '',
  '0',
  '7.',
  '.5',
  '155000',
  '43623.97',
  '1234567890123.99',
  '1.55E+5',
  ' 155000',
  '155000.005',
  '-5',
  'abc',
  '12345678901234',
];
const FLAGS = ['', 'true', 'false', 'TRUE', 'False', '1', '0', 'yes', ' true', 'maybe'];
const DECIMALS = [
  '',
  '0',
  '12',
  '99.95',
  '7.',
  '.5',
  '1200',
  '1201',
  '3650',
  '100',
  '100.5',
  '0.999',
  '.9',
  'x',
  ' 12',
  '1e3',
  '99.5%',
];
const TEXTS = [
  '',
  'Energy',
  'usd',
  ' USD',
  'EUR ',
  'Marketing Automation',
  'Not A Flag',
  'Unrealistic ROI;Unrealistic Timeline',
  'a;;b',
];
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  Id: ['0065g00000AbCdEAAA', '0065g00000AbCdE', '', ' 0065g00000AbCdEAAA', 'x'],
  Amount: AMOUNTS,
  Direct_Cost__c: AMOUNTS,
  Allocated_Overhead__c: AMOUNTS,
  Walk_Away_Deal_Size__c: AMOUNTS,
  Walk_Away_Reengage_Budget_Min__c: AMOUNTS,
  Unlimited_Liability__c: FLAGS,
  IP_Ownership_Transfer__c: FLAGS,
  Termination_For_Convenience__c: FLAGS,
  Uncapped_Indemnity__c: FLAGS,
  Walk_Away_Buyer_Returned__c: FLAGS,
  IsClosed: FLAGS,
  IsWon: FLAGS,
  IsDeleted: FLAGS,
  Liability_Cap_Months__c: DECIMALS,
  Payment_Terms_Days__c: DECIMALS,
  SLA_Uptime_Pct__c: DECIMALS,
  'Account.AnnualRevenue': [...DECIMALS, '999999999999999', '1000000000000001', '00078'],
  Probability: ['', '0', '75', '075', '75.0', '75%', 'x', '1234567890123456'],
  CloseDate: ['', '2026-12-10', '2026-12-10T10:00:00.000Z', '2026-13-45', 'soon', ' 2026-12-10'],
  OwnerId: ['', '005A', ' 005A', '005A '],
  CurrencyIsoCode: TEXTS,
  Customer_Red_Flags__c: [...TEXTS, 'unrealistic roi; Unrealistic ROI'],
  Use_Case__c: TEXTS,
  Technical_Environment__c: TEXTS,
  'Account.Industry': TEXTS,
  'Account.BillingCountry': [...TEXTS, 'ID', 'Indonesia'],
  Walk_Away_Reengage_Timeline__c: ['', '2027-01-15'],
};

/** The record of `values` as the byte reader hands it over: one line of bytes and its cells' bounds. */
function plainRecord(columns: readonly string[], values: Readonly<Record<string, string>>): PlainRecord {
  const cells = columns.map((c) => values[c] ?? '');
  const bytes = Buffer.from(`xx${cells.join(',')}\n`, 'latin1'); // not at the buffer's start
  const starts = new Int32Array(columns.length);
  const ends = new Int32Array(columns.length);
  let at = 2;
  cells.forEach((c, k) => {
    starts[k] = at;
    ends[k] = at + c.length;
    at += c.length + 1;
  });
  return { bytes, text: '', starts, ends, columns: columns.map(canonicalColumn), row: 1, line: 2 };
}

/** Every record: the base deal with one cell changed to each of its variants. */
const records = Object.entries(VARIANTS).flatMap(([field, values]) =>
  values.map((v): [string, Record<string, string>] => [`${field}=${JSON.stringify(v)}`, { ...BASE, [field]: v }]),
);

describe('a plain record read from its bytes', () => {
  const opportunities = new OpportunityCells(COLUMNS.map(canonicalColumn));
  const pipeline = new PipelineCells(COLUMNS.map(canonicalColumn));

  it('reads the opportunity readOpportunity reads, for every record it does not hand back', () => {
    const differing: string[] = [];
    let taken = 0;
    for (const [what, values] of records) {
      const r = plainRecord(COLUMNS, values);
      // The scorer reads from bytes only a record whose Id is as written (idCell.ts).
      if (!idAsWritten(r, COLUMNS.indexOf('Id'))) continue;
      const fromBytes = opportunities.read(r, values.Id ?? '');
      if (fromBytes === undefined) continue;
      taken++;
      const read = readOpportunity(values);
      // Only what the text path reads without a problem, and to the same opportunity.
      const same = read.ok && !looksLikeFraction(values.SLA_Uptime_Pct__c ?? '');
      if (!same || JSON.stringify(fromBytes) !== JSON.stringify(read.opportunity)) differing.push(what);
    }
    expect(differing).toEqual([]);
    expect(taken).toBeGreaterThan(records.length / 2);
  });

  it('reads the pipeline row readPipelineRow reads, for every record it does not hand back', () => {
    const differing: string[] = [];
    let taken = 0;
    for (const [what, values] of records) {
      const r = plainRecord(COLUMNS, values);
      const fromBytes = pipeline.row(r);
      if (fromBytes === undefined) continue;
      taken++;
      const read = readPipelineRow(values);
      const same =
        read.problems.length === 0 &&
        JSON.stringify(fromBytes) === JSON.stringify(read.row) &&
        pipeline.currencyOf(r) === currencyKey(values.CurrencyIsoCode);
      if (!same) differing.push(what);
    }
    expect(differing).toEqual([]);
    expect(taken).toBeGreaterThan(records.length / 2);
  });

  it('reads the forms exports write from bytes, and hands back every other one', () => {
    const taken = (field: string, v: string): boolean => {
      const values = { ...BASE, [field]: v };
      const r = plainRecord(COLUMNS, values);
      return opportunities.read(r, values.Id ?? '') !== undefined && pipeline.row(r) !== undefined;
    };
    // Read from bytes: the plain forms.
    for (const v of ['', '0', '7.', '155000', '43623.97', '1234567890123.99'])
      expect([v, taken('Amount', v)]).toEqual([v, true]);
    for (const v of ['', 'true', 'false']) expect([v, taken('Unlimited_Liability__c', v)]).toEqual([v, true]);
    // (a decimal with spaces around it is read by readOpportunity, once per distinct value)
    for (const v of ['', '0', '12', '99.95', '1200', ' 12'])
      expect([v, taken('Liability_Cap_Months__c', v)]).toEqual([v, true]);
    for (const v of ['', 'usd', ' USD', 'EUR ']) expect([v, taken('CurrencyIsoCode', v)]).toEqual([v, true]);
    for (const v of ['', '075', '75']) expect([v, taken('Probability', v)]).toEqual([v, true]);
    for (const v of ['2026-12-10', '2026-12-10T10:00:00.000Z']) expect([v, taken('CloseDate', v)]).toEqual([v, true]);
    // Handed back: other spellings, forms with spaces or exponents, and values with a problem.
    for (const v of ['.5', '1.55E+5', ' 155000', '155000.005', '-5', 'abc'])
      expect([v, taken('Amount', v)]).toEqual([v, false]);
    for (const v of ['TRUE', '1', 'yes', ' true']) expect([v, taken('IsWon', v)]).toEqual([v, false]);
    for (const v of ['1201', '0.999', '99.5%'])
      expect([v, taken(v === '1201' ? 'Liability_Cap_Months__c' : 'SLA_Uptime_Pct__c', v)]).toEqual([v, false]);
    for (const v of ['Not A Flag', 'a;;b']) expect([v, taken('Customer_Red_Flags__c', v)]).toEqual([v, false]);
    for (const v of ['75.0', '75%', 'x']) expect([v, taken('Probability', v)]).toEqual([v, false]);
    for (const v of ['2026-13-45', 'soon']) expect([v, taken('CloseDate', v)]).toEqual([v, false]);
    for (const v of [' 005A', '005A ']) expect([v, taken('OwnerId', v)]).toEqual([v, false]);
    expect(taken('Walk_Away_Reengage_Timeline__c', '2027-01-15')).toBe(false);
    expect(pipeline.isDeleted(plainRecord(COLUMNS, { ...BASE, IsDeleted: 'true' }))).toBe(true);
    expect(pipeline.isDeleted(plainRecord(COLUMNS, { ...BASE, IsDeleted: 'TRUE' }))).toBeUndefined();
  });
});

it('reads an amount from bytes to the cents parseCents reads, or hands it back', () => {
  const texts = [
    '',
    '0',
    '00',
    '7.',
    '.5',
    '.',
    '5.5.',
    '1.234',
    '12345678901234',
    '1234567890123',
    '9999999999999.99',
  ];
  for (let i = 0; i < 2000; i++) {
    const digits = String(Math.floor(Math.random() * 1e9)).slice(0, 1 + (i % 9));
    const point = i % 3 === 0 ? '' : `.${String(i % 100).slice(0, 1 + (i % 2))}`;
    texts.push(digits + point, `${digits}x`, `-${digits}`);
  }
  for (const t of texts) {
    const fromBytes = plainCentsAt(Buffer.from(`,${t},`, 'latin1'), 1, 1 + t.length);
    if (fromBytes !== -1) expect([t, fromBytes]).toEqual([t, parseCents(t)]);
  }
  expect(plainCentsAt(Buffer.from('43623.97'), 0, 8)).toBe(4362397);
});

it('finds an Id recorded from its bytes by its text, and the other way round', () => {
  const index = new IdIndex();
  const id = (i: number): string => `0065g${String(i).padStart(10, '0')}AAA`;
  for (let i = 0; i < 5000; i++) {
    const text = id(i);
    if (i % 2 === 0) expect(index.firstRowOf(text, i)).toBeUndefined();
    else expect(index.firstRowOfBytes(Buffer.from(`,${text}`, 'latin1'), 1, 1 + text.length, i)).toBeUndefined();
  }
  for (let i = 0; i < 5000; i++) {
    const text = id(i);
    expect(index.firstRowOf(text, 9999)).toBe(i);
    expect(index.firstRowOfBytes(Buffer.from(text, 'latin1'), 0, text.length, 9999)).toBe(i);
  }
});

it('reads each distinct value once, however many there are', () => {
  let reads = 0;
  const cells = new DistinctCells((text) => {
    reads++;
    return `<${text}>`;
  });
  const b = Buffer.from('alpha,beta,alpha,,beta', 'latin1');
  expect([
    cells.at(b, 0, 5),
    cells.at(b, 6, 10),
    cells.at(b, 11, 16),
    cells.at(b, 17, 17),
    cells.at(b, 18, 22),
  ]).toEqual(['<alpha>', '<beta>', '<alpha>', '<>', '<beta>']);
  expect(reads).toBe(3);
  // More distinct values than the table keeps: it starts again, and every answer stays right.
  const wrong: string[] = [];
  const b2 = Buffer.alloc(16);
  for (let i = 0; i < 150_000; i++) {
    const t = `v${i % 100_000}`;
    const n = b2.write(t, 0, 'latin1');
    if (cells.at(b2, 0, n) !== `<${t}>`) wrong.push(t);
  }
  expect(wrong).toEqual([]);
});

describe('a file of such cells, scored end to end', () => {
  /** The file: a header of every engine and pipeline column, the base deal, then one variant a row. */
  function file(dir: string): string {
    const header = COLUMNS;
    const rows = records.map(([, values], i) => {
      const v: Record<string, string> = {
        ...values,
        Id: values.Id === BASE.Id ? `0065g${String(i).padStart(10, '0')}AAA` : (values.Id ?? ''),
      };
      return header.map((c) => v[c] ?? '').join(',');
    });
    // A duplicate of the first row, and filler deals for owners' pipelines.
    rows.push(rows[0] as string);
    for (let i = 0; i < 300; i++) {
      rows.push(
        header
          .map(
            (c) =>
              ({
                ...BASE,
                Id: `0066g${String(i).padStart(10, '0')}AAA`,
                OwnerId: `005${i % 7}`,
                Amount: String(1000 * (i + 1)),
              })[c] ?? '',
          )
          .join(','),
      );
    }
    return write(dir, 'in.csv', `${[header.join(','), ...rows].join('\n')}\n`);
  }

  async function run(path: string, dir: string, env: Record<string, string>): Promise<string[]> {
    const out = join(dir, 'out.csv');
    const failed = join(dir, 'out.failed.csv');
    rmSync(out, { force: true });
    rmSync(failed, { force: true });
    const r = await scoreInProcess(['--file', path, '--output', out, '--as-of', '2026-11-26', '--json'], dir, env);
    const doc = JSON.parse(r.stdout) as { result?: { scoredAt: string } };
    if (doc.result === undefined) throw new Error(`no result: ${r.stdout} ${r.stderr}`);
    const at = doc.result.scoredAt;
    const mask = (text: string): string => text.split(at).join('<scored at>');
    return [String(r.status), mask(r.stdout), mask(readFileSync(out, 'utf8')), mask(readFileSync(failed, 'utf8'))];
  }

  it('gives the same files and summary read as text, from bytes, and in two processes', async () => {
    const dir = tempDir();
    const path = file(dir);
    const text = await run(path, dir, { WALKAWAY_TEST_READER: 'csv' });
    const bytes = await run(path, dir, { WALKAWAY_TEST_READER: 'bytes', WALKAWAY_SPLIT: '0' });
    const report = join(dir, 'split.jsonl');
    const two = await run(path, dir, { WALKAWAY_SPLIT_MIN_BYTES: '0', WALKAWAY_TEST_SPLIT_REPORT: report });
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ processes: 2, fallback: null });
    // What the user sees: rows failed with their reasons, and the deals scored.
    const [, , scored = '', failed = ''] = text;
    expect(failed).toContain('Amount');
    expect(failed).toContain('Probability');
    expect(failed).toContain('Id');
    expect(scored.split('\n').length).toBeGreaterThan(300);
    expect(bytes).toEqual(text);
    expect(two).toEqual(text);
  });
});
