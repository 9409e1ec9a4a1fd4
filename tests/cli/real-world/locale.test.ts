// Exports re-saved by Excel (tests/cli/fixtures/real-world): en-US writes TRUE/FALSE, 12/18/2026,
// 99.9% and 6.11289E+11; de-DE writes a semicolon-separated windows-1252 file with WAHR/FALSCH,
// 18.12.2026, 99,9 and 6,11289E+11. With --locale every deal is scored as the Data Loader file is;
// without it nothing is guessed: each cell only a locale could read fails its row, naming --locale.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { byId, csv, deal, outputs, ROOT, tempDir, write } from '../support/cli';
import { scoreInProcess, type Run } from '../support/inProcess';

const FIXTURES = join(ROOT, 'tests', 'cli', 'fixtures', 'real-world');
const VERDICTS = {
  // An annual revenue of 6.11289E+11 is above the Default policy's Max_Annual_Revenue__c: COMPANY_TOO_LARGE.
  '0065g00000AbCd1AAB': 'Approval Required',
  '0065g00000AbCd2AAB': 'Walk Away',
  '0065g00000AbCd4AAB': 'Walk Away',
};

async function scoreFixture(name: string, extra: string[]): Promise<{ run: Run; out: string }> {
  const dir = tempDir();
  const file = join(dir, name);
  copyFileSync(join(FIXTURES, name), file);
  const out = join(dir, 'out.csv');
  return { run: await scoreInProcess(['--file', file, '--output', out, '--as-of', '2026-11-26', ...extra], dir), out };
}

const verdictsOf = (out: string): Record<string, string | undefined> =>
  Object.fromEntries([...byId(outputs(out).scored)].map(([id, r]) => [id, r.Walk_Away_Recommendation__c]));

describe.each([
  ['excel-en-US.csv', ['--locale', 'en-US']],
  ['excel-de-DE.csv', ['--locale', 'de-DE', '--encoding', 'windows-1252']],
])('%s %j', (name, flags) => {
  it('scores every deal with its verdict', async () => {
    const { run, out } = await scoreFixture(name, flags);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(verdictsOf(out)).toEqual(VERDICTS);
    expect(outputs(out).failed).toEqual([]);
  });
});

it('--json says which locale was read', async () => {
  const { run } = await scoreFixture('excel-de-DE.csv', ['--locale', 'de-DE', '--encoding', 'windows-1252', '--json']);
  const doc = JSON.parse(run.stdout) as { result: { reading: Record<string, unknown> } };
  expect(doc.result.reading).toEqual({
    columnDelimiter: 'SEMICOLON',
    columnDelimiterFrom: 'header',
    encoding: 'windows-1252',
    encodingFrom: 'flag',
    header: 'api-names',
    locale: 'de-DE',
  });
});

it('without --locale, a de-DE file fails each row on the cells only a locale reads, naming --locale', async () => {
  const { run, out } = await scoreFixture('excel-de-DE.csv', ['--encoding', 'windows-1252']);
  expect(run.status).toBe(1);
  const failed = outputs(out).failed;
  expect(failed.map((f) => [f.Id, f.Column, f.Value])).toEqual(
    expect.arrayContaining([
      ['0065g00000AbCd1AAB', 'SLA_Uptime_Pct__c', '99,9'],
      ['0065g00000AbCd1AAB', 'Account.AnnualRevenue', '6,11289E+11'],
      ['0065g00000AbCd1AAB', 'CloseDate', '18.12.2026'],
      ['0065g00000AbCd1AAB', 'IsClosed', 'FALSCH'],
      ['0065g00000AbCd4AAB', 'Amount', '160000,00'],
      ['0065g00000AbCd4AAB', 'Unlimited_Liability__c', 'WAHR'],
    ]),
  );
  for (const f of failed) expect(f.Message).toContain('--locale');
  expect(outputs(out).scored).toEqual([]);
});

it('without --locale, an en-US date fails its row naming --locale; TRUE/FALSE and 6.11289E+11 are read', async () => {
  const { run, out } = await scoreFixture('excel-en-US.csv', []);
  expect(run.status).toBe(1);
  expect(outputs(out).failed.map((f) => [f.Column, f.Value])).toEqual([
    ['CloseDate', '12/18/2026'],
    ['CloseDate', '1/15/2027'],
    ['CloseDate', '12/1/2026'],
  ]);
  expect(run.stdout).toContain(
    'CloseDate is not a date (YYYY-MM-DD) (written by a spreadsheet in another language? name it with --locale',
  );
});

it('an uptime of 0.9999 fails its row: it looks like a spreadsheet fraction; 99.99% is 99.99', async () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    csv([
      deal('006A', { SLA_Uptime_Pct__c: '0.9999' }),
      deal('006B', { SLA_Uptime_Pct__c: '99.99%' }),
      deal('006C', { SLA_Uptime_Pct__c: '99.99' }),
    ]),
  );
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(
    "row 1 (line 2), Id 006A: SLA_Uptime_Pct__c is 0.9999: this looks like a spreadsheet's fraction of one (99.99%), not a percentage",
  );
  const scored = byId(outputs(out).scored);
  expect([...scored.keys()]).toEqual(['006B', '006C']);
  expect(scored.get('006B')?.Walk_Away_Recommendation__c).toBe(scored.get('006C')?.Walk_Away_Recommendation__c);
});

it('an unknown --locale is refused (exit 2)', async () => {
  const { run } = await scoreFixture('excel-en-US.csv', ['--locale', 'xx-XX']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(
    '--locale xx-XX is not a locale this command knows: use one of en-US, en-GB, de-DE, fr-FR, id-ID.',
  );
});

it('a deal size written the id-ID way picks the same policy band as the Data Loader value', async () => {
  const dir = tempDir();
  const header = 'Id;Amount;Direct_Cost__c;Allocated_Overhead__c;Walk_Away_Deal_Size__c;Account.Industry';
  const file = write(
    dir,
    'id-ID.csv',
    [
      header,
      '006S;499.999,00;300.000,00;50.000,00;600.000,00;Retail',
      '006N;499.999,00;300.000,00;50.000,00;;Retail',
      '',
    ].join('\r\n'),
  );
  const plain = write(
    dir,
    'plain.csv',
    [
      'Id,Amount,Direct_Cost__c,Allocated_Overhead__c,Walk_Away_Deal_Size__c,Account.Industry',
      '006P,499999,300000,50000,600000,Retail',
      '',
    ].join('\r\n'),
  );
  const out = join(dir, 'out.csv');
  const plainOut = join(dir, 'plain-out.csv');
  expect((await scoreInProcess(['--file', file, '--output', out, '--locale', 'id-ID'], dir)).status).toBe(0);
  expect((await scoreInProcess(['--file', plain, '--output', plainOut], dir)).status).toBe(0);
  const scored = byId(outputs(out).scored);
  const reference = byId(outputs(plainOut).scored).get('006P');
  const limits = (r: Record<string, string> | undefined): unknown[] => [
    r?.Walk_Away_Policy__c,
    r?.Walk_Away_Floor__c,
    r?.Walk_Away_Threshold__c,
    r?.Walk_Away_Recommendation__c,
  ];
  expect(limits(scored.get('006S'))).toEqual(limits(reference));
  // Without a recorded size the discounted Amount picks the band: another policy, so the size was read.
  expect(scored.get('006N')?.Walk_Away_Policy__c).not.toBe(reference?.Walk_Away_Policy__c);
});
