// A Data Loader "Export all" file (queryAll: deleted records too, with IsDeleted), relationship
// columns written with an underscore (Account_Industry), and a Name no row fails for.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { byId, csv, deal, outputs, ROOT, tempDir, write } from '../support/cli';
import { scoreInProcess, type Run } from '../support/inProcess';

describe('dataloader-export-all.csv', () => {
  const dir = tempDir();
  const file = join(dir, 'export-all.csv');
  copyFileSync(join(ROOT, 'tests', 'cli', 'fixtures', 'real-world', 'dataloader-export-all.csv'), file);
  const out = join(dir, 'out.csv');
  let run: Run;
  let json: Run;
  beforeAll(async () => {
    run = await scoreInProcess(['--file', file, '--output', out], dir);
    json = await scoreInProcess(['--file', file, '--output', join(dir, 'json.csv'), '--json'], dir);
  });

  it('does not score the deleted row: counted and listed as not processed, with the reason', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Scored 2 of 3 opportunities');
    expect(run.stdout).toContain('1 row(s) not processed:');
    expect(run.stdout).toContain(
      'row 2 (line 3), Id 0065g00000AbCd5AAB: IsDeleted is true: a deleted record (the file is an "Export all"); not scored',
    );
    const o = outputs(out);
    expect([...byId(o.scored).keys()]).toEqual(['0065g00000AbCd1AAB', '0065g00000AbCd2AAB']);
    expect(o.failed).toEqual([]);
  });

  it('puts the count and the row under --json; rows = scored + failed + not processed', () => {
    const doc = JSON.parse(json.stdout) as { result: Record<string, unknown> };
    expect(doc.result).toMatchObject({ rows: 3, scored: 2, failed: 0, notProcessed: 1 });
    expect(doc.result.notProcessedRows).toEqual([
      {
        id: '0065g00000AbCd5AAB',
        row: 2,
        line: 3,
        reason: 'IsDeleted is true: a deleted record (the file is an "Export all"); not scored',
      },
    ]);
  });

  it('reads Account_Industry and Account_AnnualRevenue as Account.Industry and Account.AnnualRevenue', () => {
    expect(run.stderr).not.toContain('Account_Industry');
    expect(run.stderr).not.toContain('Account.Industry');
  });
});

it('a Name of any size never fails its row', async () => {
  const dir = tempDir();
  const file = write(dir, 'in.csv', csv([deal('006A', { Name: 'N'.repeat(1_100_000) }), deal('006B')]));
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(0);
  expect(outputs(out).scored.map((r) => r.Id)).toEqual(['006A', '006B']);
});
