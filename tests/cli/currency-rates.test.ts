// BATNA in an export that mixes currencies (issue #12 item 4): five IDR deals of 900M never make a
// USD 1M quota look covered. Without --currency-rates their amounts are left out of the USD deal's
// BATNA and the summary and --json say so; with it they are converted; a rates file that cannot be
// used stops the run (exit 2) naming the line.
import { join } from 'node:path';
import { POLICY_DIR, byId, csv, outputs, tempDir, walkaway, write, type Row } from './support/cli';
import { runInProcess, scoreInProcess, type Run } from './support/inProcess';

const COLUMNS = [
  'Id',
  'OwnerId',
  'Probability',
  'CloseDate',
  'IsClosed',
  'IsWon',
  'Amount',
  'CurrencyIsoCode',
  'Direct_Cost__c',
  'Allocated_Overhead__c',
  'Owner.Walk_Away_Quarterly_Quota__c',
];
const row = (id: string, amount: string, currency: string, quota: string): Row => ({
  Id: id,
  OwnerId: '005A',
  Probability: '60',
  CloseDate: '2026-12-15',
  IsClosed: 'false',
  IsWon: 'false',
  Amount: amount,
  CurrencyIsoCode: currency,
  Direct_Cost__c: String(Math.round(Number(amount) * 0.5)),
  Allocated_Overhead__c: String(Math.round(Number(amount) * 0.1)),
  'Owner.Walk_Away_Quarterly_Quota__c': quota,
});
const exportWith = (quota: string): Row[] => [
  row('006USD', '100000', 'USD', quota),
  ...[1, 2, 3, 4, 5].map((n) => row(`006IDR${n}`, '900000000', 'IDR', quota)),
];
const RATES = 'IsoCode,ConversionRate\nUSD,1\nIDR,16000\n';

async function scoreFile(rows: Row[], extra: string[] = []): Promise<{ run: Run; out: string }> {
  const dir = tempDir();
  const file = write(dir, 'in.csv', csv(rows, COLUMNS));
  write(dir, 'rates.csv', RATES);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(
    ['--file', file, '--output', out, '--as-of', '2026-11-26', ...extra.map((a) => a.replace('DIR', dir))],
    dir,
  );
  return { run, out };
}
const batnaOf = (out: string, id: string) => byId(outputs(out).scored).get(id)?.Walk_Away_BATNA__c;

describe('five IDR deals of 900M and a USD 1M quota', () => {
  it('without rates: the USD deal is Weak, and the summary says the IDR amounts were left out', async () => {
    const { run, out } = await scoreFile(exportWith('1000000'));
    expect(run.status).toBe(0);
    expect(batnaOf(out, '006USD')).toBe('Weak');
    expect(run.stdout).toContain(
      'BATNA: pipeline amounts in IDR, USD left out for 6 deal(s) in another currency (no rate: give --currency-rates).',
    );
  });

  it('without rates, --json: the currencies left out and the deals', async () => {
    const { run } = await scoreFile(exportWith('1000000'), ['--json']);
    const result = (JSON.parse(run.stdout) as { result: Record<string, unknown> }).result;
    expect(result.batnaCurrencies).toEqual({
      rates: null,
      corporate: null,
      leftOut: ['IDR', 'USD'],
      dealsWithAmountsLeftOut: 6,
    });
  });

  it('with rates: 4.5 billion IDR is USD 281,250, far from USD 1M: Weak, and said how', async () => {
    const { run, out } = await scoreFile(exportWith('1000000'), ['--currency-rates', 'DIR/rates.csv', '--json']);
    expect(run.status).toBe(0);
    expect(batnaOf(out, '006USD')).toBe('Weak');
    const result = (JSON.parse(run.stdout) as { result: Record<string, unknown> }).result;
    expect(result.batnaCurrencies).toEqual({
      rates: ['IDR', 'USD'],
      corporate: 'USD',
      leftOut: [],
      dealsWithAmountsLeftOut: 0,
    });
  });

  it('with rates and a USD 281,250 quota, the converted IDR pipeline reaches it: Strong', async () => {
    const { out } = await scoreFile(exportWith('281250'), ['--currency-rates', 'DIR/rates.csv']);
    expect(batnaOf(out, '006USD')).toBe('Strong');
  });
});

describe('a rates file that cannot be used stops the run (exit 2), naming what is wrong', () => {
  it.each([
    ['IsoCode,ConversionRate\nUSD,1\nIDR,zero\n', 'line 3: ConversionRate "zero" of IDR is not a positive number'],
    ['IsoCode,ConversionRate\nUSD,1\nUSD,1\n', 'line 3: USD is given twice'],
    ['IsoCode,ConversionRate\nIDR,16000\n', 'no corporate currency (a rate of 1, or IsCorporate true)'],
    ['Code,Rate\nUSD,1\n', 'the header must name IsoCode and ConversionRate'],
    // A blank line does not shift the line named: IDR is on line 4 of the file.
    ['IsoCode,ConversionRate\nUSD,1\n\nIDR,-5\n', 'line 4: ConversionRate "-5" of IDR is not a positive number'],
  ])('%j', async (text, why) => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', csv(exportWith('1000000'), COLUMNS));
    const rates = write(dir, 'rates.csv', text);
    const run = await scoreInProcess(
      ['--file', file, '--output', join(dir, 'out.csv'), '--currency-rates', rates],
      dir,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Cannot use --currency-rates ${rates}: ${why}`);
  });
});

// CurrencyType as Data Loader (before v61) exports it: a byte order mark, every cell quoted, the
// SOQL's field names in upper case, CRLF, rates written by Java's Double.toString.
const DATA_LOADER_RATES =
  '\uFEFF"ISOCODE","CONVERSIONRATE","ISCORPORATE"\r\n"IDR","16000.0","false"\r\n"USD","1.0","true"\r\n';

it('a CurrencyType export from Data Loader is read as it is written', async () => {
  const dir = tempDir();
  const file = write(dir, 'in.csv', csv(exportWith('281250'), COLUMNS));
  const rates = write(dir, 'rates.csv', DATA_LOADER_RATES);
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(
    ['--file', file, '--output', out, '--as-of', '2026-11-26', '--currency-rates', rates, '--json'],
    dir,
  );
  expect(run.status).toBe(0);
  const result = (JSON.parse(run.stdout) as { result: { batnaCurrencies: unknown } }).result;
  expect(result.batnaCurrencies).toEqual({
    rates: ['IDR', 'USD'],
    corporate: 'USD',
    leftOut: [],
    dealsWithAmountsLeftOut: 0,
  });
  expect(batnaOf(out, '006USD')).toBe('Strong');
});

it('walkaway simulate --file takes the same --currency-rates', async () => {
  const dir = tempDir();
  const file = write(dir, 'in.csv', csv(exportWith('1000000'), COLUMNS));
  const rates = write(dir, 'rates.csv', RATES);
  const policies = join(__dirname, '..', '..', 'force-app', 'main', 'default', 'customMetadata');
  const run = await runInProcess(
    ['walkaway', 'simulate', '--file', file, '--policy-dir', policies, '--currency-rates', rates, '--json'],
    dir,
  );
  expect(run.status).toBe(0);
  expect((JSON.parse(run.stdout) as { result: { deals: number } }).result.deals).toBe(6);
});

describe('walkaway simulate --file says which currencies it left out, as score does (bin/run.js)', () => {
  const LEFT_OUT =
    'BATNA: pipeline amounts in IDR, USD left out for 6 deal(s) in another currency (no rate: give --currency-rates).';
  const CONVERTED =
    "BATNA: each deal's pipeline in the deal's currency, other currencies converted with --currency-rates (corporate currency USD; quotas read in it).";
  const simulate = (extra: string[] = []) => {
    const dir = tempDir();
    const file = write(dir, 'in.csv', csv(exportWith('1000000'), COLUMNS));
    write(dir, 'rates.csv', RATES);
    const args = (verb: string[]) => [...verb, ...extra.map((a) => a.replace('DIR', dir))];
    return {
      human: walkaway('simulate', args(['--file', file, '--policy-dir', POLICY_DIR]), dir),
      json: walkaway('simulate', args(['--file', file, '--policy-dir', POLICY_DIR, '--json']), dir),
      score: walkaway('score', args(['--file', file, '--output', join(dir, 'out.csv'), '--json']), dir),
    };
  };
  const batnaCurrencies = (stdout: string): unknown =>
    (JSON.parse(stdout) as { result: { batnaCurrencies: unknown } }).result.batnaCurrencies;

  it('without rates: the IDR and USD amounts left out for all 6 deals, in the summary and in --json', () => {
    const run = simulate();
    expect(run.human.status).toBe(0);
    expect(run.human.stdout).toContain(LEFT_OUT);
    expect(run.human.stdout).not.toContain(CONVERTED);
    expect(batnaCurrencies(run.json.stdout)).toEqual({
      rates: null,
      corporate: null,
      leftOut: ['IDR', 'USD'],
      dealsWithAmountsLeftOut: 6,
    });
    expect(batnaCurrencies(run.json.stdout)).toEqual(batnaCurrencies(run.score.stdout));
  });

  it('with rates: converted, said how, nothing left out; the same batnaCurrencies as score', () => {
    const run = simulate(['--currency-rates', 'DIR/rates.csv']);
    expect(run.human.status).toBe(0);
    expect(run.human.stdout).toContain(CONVERTED);
    expect(run.human.stdout).not.toContain('left out');
    expect(batnaCurrencies(run.json.stdout)).toEqual({
      rates: ['IDR', 'USD'],
      corporate: 'USD',
      leftOut: [],
      dealsWithAmountsLeftOut: 0,
    });
    expect(batnaCurrencies(run.json.stdout)).toEqual(batnaCurrencies(run.score.stdout));
  });
});
