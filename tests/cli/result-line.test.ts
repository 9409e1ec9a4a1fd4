// The scored file is written line by line without csv-stringify: the same bytes as before, each
// value under its column.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { outputRecord, rankPolicies, readOpportunity, readPolicies, scoreOpportunity } from '../../src/engine/index';
import { DEFAULT_POLICY } from '../engine/support/fixtures';
import { RESULT_COLUMNS, csvLine, resultLine } from '../../src/io/resultWriter';

const SCORED_AT = '2026-11-26T00:00:00.000Z';
const policies = rankPolicies(
  readPolicies([
    DEFAULT_POLICY,
    { ...DEFAULT_POLICY, DeveloperName: 'Odd', MasterLabel: '-Odd, "name"', Priority__c: 1, Min_Amount__c: 1000000 },
  ]),
);

function lineFor(id: string, amount: string, flags: string): { line: string; record: Record<string, unknown> } {
  const read = readOpportunity({
    Id: id,
    Amount: amount,
    Direct_Cost__c: '80000',
    Allocated_Overhead__c: '25000',
    Customer_Red_Flags__c: flags,
  });
  if (!read.ok) throw new Error('unreadable');
  const score = scoreOpportunity(read.opportunity, policies, null);
  return { line: resultLine(id, score, SCORED_AT), record: outputRecord(score) };
}

const cellsOf = (line: string): Record<string, string> =>
  (parse(line, { columns: [...RESULT_COLUMNS] }) as Record<string, string>[])[0] as Record<string, string>;

it('quotes cells as csv-stringify did', () => {
  const cells = ['plain', '', 'a,b', 'say "hi"', 'two\nlines', 'lone\rCR', "'=1+2", '-5', ' sp '];
  expect(csvLine(cells)).toBe(stringify([cells], { record_delimiter: 'unix' }));
});

it('writes a scored deal as the file shows it: money as decimals, lists joined by ;', () => {
  expect(lineFor('=006B', '100', 'Unrealistic ROI;Unrealistic Timeline').line).toBe(
    "'=006B,Walk Away,126000.00,141750.00,BELOW_FLOOR;RED_FLAGS_PRESENT,,Unknown,Default,100.00,2026-11-26T00:00:00.000Z\n",
  );
  expect(lineFor('006,C', '', '').line).toBe(
    '"006,C",Insufficient Data,126000.00,141750.00,MISSING_AMOUNT,,Unknown,Default,,2026-11-26T00:00:00.000Z\n',
  );
});

it.each([
  ['006A', '155000', ''],
  ['=006B', '100', 'Unrealistic ROI;Unrealistic Timeline'],
  ['006,C', '', ''],
  ['@006"D"', '99000', 'Unrealistic ROI'],
  ['-006E', '5000000', ''],
])('puts each value of %s under its column (the fields org mode writes)', (id, amount, flags) => {
  const { line, record } = lineFor(id, amount, flags);
  const cells = cellsOf(line);
  expect(cells.Id).toBe(/^[=+\-@]/.test(id) ? `'${id}` : id);
  expect(cells.Walk_Away_Scored_At__c).toBe(SCORED_AT);
  for (const [field, value] of Object.entries(record)) {
    const shown = value === null ? '' : typeof value === 'number' ? value.toFixed(2) : String(value);
    expect([field, cells[field]]).toEqual([field, /^[=+\-@]/.test(shown) ? `'${shown}` : shown]);
  }
});
