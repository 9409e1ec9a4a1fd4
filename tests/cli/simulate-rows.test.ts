// `walkaway simulate --file` names every row it could not score (Id, row, line, column, value), as
// `walkaway score` does, in its summary and under --json.
import { POLICY_DIR, csv, deal, tempDir, write } from './support/cli';
import { runInProcess } from './support/inProcess';

const simulate = (args: string[], dir: string): ReturnType<typeof runInProcess> =>
  runInProcess(['walkaway', 'simulate', '--policy-dir', POLICY_DIR, ...args], dir);

describe('simulate --file with rows that cannot be scored', () => {
  const dir = tempDir();
  const file = write(
    dir,
    'in.csv',
    csv([
      deal('006A'),
      deal('006B', { Amount: '14O000' }),
      deal('006C', { Unlimited_Liability__c: 'maybe' }),
      deal('006D'),
    ]),
  );

  it('lists each one in the summary', async () => {
    const run = await simulate(['--file', file], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 deal(s) could not be scored under either policy set');
    expect(run.stdout).toContain('  row 2 (line 3), Id 006B: Amount is not an amount (value: "14O000")');
    expect(run.stdout).toContain(
      '  row 3 (line 4), Id 006C: Unlimited_Liability__c is not true or false (value: "maybe")',
    );
  });

  it('gives every one under --json', async () => {
    const run = await simulate(['--file', file, '--json'], dir);
    const doc = JSON.parse(run.stdout) as { result: { deals: number; unscorable: number; unscorableRows: unknown[] } };
    expect(doc.result).toMatchObject({ deals: 4, unscorable: 2 });
    expect(doc.result.unscorableRows).toEqual([
      { id: '006B', row: 2, line: 3, column: 'Amount', value: '14O000', message: 'Amount is not an amount' },
      {
        id: '006C',
        row: 3,
        line: 4,
        column: 'Unlimited_Liability__c',
        value: 'maybe',
        message: 'Unlimited_Liability__c is not true or false',
      },
    ]);
  });
});

it('names a row the reader refused (wrong number of cells) too', async () => {
  const dir = tempDir();
  const text = `${csv([deal('006A')])}006B,Deal B,155000\n`;
  const run = await simulate(['--file', write(dir, 'in.csv', text)], dir);
  expect(run.stdout).toContain('row 2 (line 3), Id 006B: The row has 3 cells where the header has');
});
