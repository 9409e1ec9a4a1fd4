// Exports as Salesforce's tools write them (tests/cli/fixtures/real-world/README.md): each is read
// with its delimiter and encoding, said in the summary and in --json, and every deal gets its
// verdict. A wrong delimiter or encoding is named as such, never as missing columns.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { byId, expectEveryRowAccounted, outputs, ROOT, tempDir } from '../support/cli';
import { scoreInProcess, type Run } from '../support/inProcess';

const FIXTURES = join(ROOT, 'tests', 'cli', 'fixtures', 'real-world');
const VERDICTS = {
  '0065g00000AbCd1AAB': 'Proceed',
  '0065g00000AbCd2AAB': 'Walk Away',
  // Enterprise restricts Supported_Countries__c and these exports carry no Account.BillingCountry:
  // a blank country under a restricting policy is GEOGRAPHY_MISFIT (contract, second round).
  '0065g00000AbCd3AAB': 'Approval Required',
  '0065g00000AbCd4AAB': 'Walk Away',
};

async function scoreFixture(name: string, extra: string[] = []): Promise<{ run: Run; out: string }> {
  const dir = tempDir();
  const file = join(dir, name);
  copyFileSync(join(FIXTURES, name), file);
  const out = join(dir, 'out.csv');
  return { run: await scoreInProcess(['--file', file, '--output', out, '--as-of', '2026-11-26', ...extra], dir), out };
}

describe.each([
  ['dataloader-utf8-bom.csv', [], 'COMMA (detected from the header)', 'UTF-8 (byte order mark)'],
  [
    'dataloader-windows-1252.csv',
    ['--encoding', 'windows-1252'],
    'COMMA (detected from the header)',
    'windows-1252 (as given)',
  ],
  ['sf-export-bulk-semicolon.csv', [], 'SEMICOLON (detected from the header)', 'UTF-8 (the default)'],
  ['sf-export-bulk-semicolon.csv', ['--column-delimiter', 'SEMICOLON'], 'SEMICOLON (as given)', 'UTF-8 (the default)'],
  ['sf-export-bulk-tab.csv', [], 'TAB (detected from the header)', 'UTF-8 (the default)'],
  ['sf-export-bulk-pipe.csv', [], 'PIPE (detected from the header)', 'UTF-8 (the default)'],
  ['sf-export-bulk-caret.csv', [], 'CARET (detected from the header)', 'UTF-8 (the default)'],
  ['sf-export-bulk-backquote.csv', [], 'BACKQUOTE (detected from the header)', 'UTF-8 (the default)'],
  ['sf-query-powershell-utf16le.csv', [], 'COMMA (detected from the header)', 'UTF-16LE (byte order mark)'],
])('%s %j', (name, extra, delimiter, encoding) => {
  let run: Run;
  let out: string;
  beforeAll(async () => {
    ({ run, out } = await scoreFixture(name, extra));
  });

  it('scores every deal with its verdict, exit 0', () => {
    // No error; the one warning: the columns these exports do not have.
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stderr).toContain('Warning: The export has no Liability_Cap_Months__c,');
    expect(run.status).toBe(0);
    const o = outputs(out);
    const verdicts = Object.fromEntries([...byId(o.scored)].map(([id, r]) => [id, r.Walk_Away_Recommendation__c]));
    expect(verdicts).toEqual(VERDICTS);
    expectEveryRowAccounted(o, 4);
  });

  it('says how it read the file', () => {
    expect(run.stdout).toContain(`Columns separated by ${delimiter}; text read as ${encoding}.`);
  });
});

it('--json says which delimiter and encoding were used and why', async () => {
  const { run } = await scoreFixture('sf-export-bulk-semicolon.csv', ['--json']);
  const doc = JSON.parse(run.stdout) as { result: { reading: Record<string, string> } };
  expect(doc.result.reading).toEqual({
    columnDelimiter: 'SEMICOLON',
    columnDelimiterFrom: 'header',
    encoding: 'UTF-8',
    encodingFrom: 'default',
    header: 'api-names',
    locale: null,
  });
});

it('a windows-1252 file without --encoding stops at once, naming --encoding and the line', async () => {
  const { run, out } = await scoreFixture('dataloader-windows-1252.csv');
  expect(run.status).toBe(3);
  const bytes = readFileSync(join(FIXTURES, 'dataloader-windows-1252.csv'));
  const at = bytes.indexOf(0xfc); // ü in windows-1252
  expect(run.stderr).toContain(`is not UTF-8 text: line 2 (byte ${at + 1} of the file) holds 0xFC`);
  expect(run.stderr).toContain('--encoding windows-1252');
  expect(() => readFileSync(out)).toThrow();
});

it('a wrong --column-delimiter is named as such, not as missing columns', async () => {
  const { run } = await scoreFixture('sf-export-bulk-semicolon.csv', ['--column-delimiter', 'COMMA']);
  expect(run.status).toBe(3);
  expect(run.stderr).toContain('is separated by SEMICOLON, not by the --column-delimiter given (COMMA)');
  expect(run.stderr).not.toContain('has no');
});

it('UTF-16 without a byte order mark is named as such', async () => {
  const dir = tempDir();
  const bytes = readFileSync(join(FIXTURES, 'sf-query-powershell-utf16le.csv')).subarray(2);
  const file = join(dir, 'no-bom.csv');
  writeFileSync(file, bytes);
  const run = await scoreInProcess(['--file', file, '--output', join(dir, 'out.csv')], dir);
  expect(run.status).toBe(3);
  expect(run.stderr).toContain('looks like UTF-16 text without a byte order mark');
  expect(run.stderr).toContain('--encoding UTF-16LE');
});

it('an unknown --encoding is refused (exit 2)', async () => {
  const { run } = await scoreFixture('dataloader-utf8-bom.csv', ['--encoding', 'klingon-1']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--encoding klingon-1 is not an encoding this command knows');
});
