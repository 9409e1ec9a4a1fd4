// --json prints exactly one parseable document, on success, on failed rows and on errors.
import { join } from 'node:path';
import type { ScoreResult } from '../../src/score/result';
import { csv, deal, score, tempDir, write } from './support/cli';

type Doc = { status: number; result: ScoreResult; name?: string; message?: string };

const run = (rows: Parameters<typeof csv>[0] | string) => {
  const dir = tempDir();
  const file = write(dir, 'in.csv', typeof rows === 'string' ? rows : csv(rows));
  const r = score(['--file', file, '--output', join(dir, 'out.csv'), '--json'], dir);
  return { ...r, json: JSON.parse(r.stdout) as Doc };
};

describe('--json', () => {
  it('prints one document with the result on success (status 0)', () => {
    const r = run([deal('006A'), deal('006B', { Amount: '90000' })]);
    expect(r.status).toBe(0);
    expect(r.json.status).toBe(0);
    expect(r.json.result).toMatchObject({
      rows: 2,
      scored: 2,
      failed: 0,
      verdicts: { Proceed: { count: 1, value: 155000 }, 'Walk Away': { count: 1, value: 90000 } },
      largestWalkAways: [{ id: '006B', amount: 90000, finding: 'BELOW_FLOOR' }],
      failedRows: [],
    });
    expect(r.stderr).toBe('');
  });

  it('prints one document with the failed rows and exits 1 when rows fail', () => {
    const r = run([deal('006A'), deal('006B', { Amount: 'abc' })]);
    expect(r.status).toBe(1);
    expect(r.json.status).toBe(1);
    expect(r.json.result).toMatchObject({ rows: 2, scored: 1, failed: 1 });
    expect(r.json.result.failedRows).toEqual([
      { id: '006B', row: 2, line: 3, column: 'Amount', value: 'abc', message: 'Amount is not an amount' },
    ]);
  });

  it('prints one error document when the file cannot be scored (exit 3)', () => {
    const r = run('');
    expect(r.status).toBe(3);
    expect(r.json).toMatchObject({ status: 3, name: 'EmptyFileError' });
    expect(r.json.message).toContain('is empty');
  });
});
