// What `--json` prints matches the checked-in schema of the command's result (schemas/, generated
// from the result types): a field the code adds, renames or drops fails here as well as in
// tests/metadata/cli-surface.test.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { POLICY_DIR, SAMPLE, csv, deal, tempDir, write } from './support/cli';
import { runInProcess } from './support/inProcess';

const ROOT = resolve(__dirname, '../..');
const ajv = new Ajv({ allErrors: true, strict: false });
const validatorOf = (verb: string) =>
  ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `walkaway-${verb}.json`), 'utf8')) as object);

async function resultOf(argv: string[]): Promise<unknown> {
  const run = await runInProcess(argv, tempDir());
  return (JSON.parse(run.stdout) as { result: unknown }).result;
}

it('score --file --json: the sample run matches schemas/walkaway-score.json', async () => {
  const dir = tempDir();
  const result = await resultOf(['walkaway', 'score', '--file', SAMPLE, '--output', join(dir, 'out.csv'), '--json']);
  const valid = validatorOf('score');
  expect(valid(result) ? [] : valid.errors).toEqual([]);
});

it('score --file --json with failed rows matches the schema too', async () => {
  const dir = tempDir();
  const file = write(dir, 'in.csv', csv([deal('006A'), deal('006B', { Amount: 'abc' })]));
  const result = await resultOf(['walkaway', 'score', '--file', file, '--output', join(dir, 'out.csv'), '--json']);
  const valid = validatorOf('score');
  expect(valid(result) ? [] : valid.errors).toEqual([]);
  expect(result).toMatchObject({ failed: 1, failedRows: [{ id: '006B', column: 'Amount' }] });
});

it('simulate --file --json matches schemas/walkaway-simulate.json', async () => {
  const result = await resultOf(['walkaway', 'simulate', '--file', SAMPLE, '--policy-dir', POLICY_DIR, '--json']);
  const valid = validatorOf('simulate');
  expect(valid(result) ? [] : valid.errors).toEqual([]);
});

it('a result with a field the schema does not know fails the check', () => {
  const valid = validatorOf('simulate');
  expect(valid({ surprise: true })).toBe(false);
  expect(valid.errors?.map((e) => e.message)).toContain('must NOT have additional properties');
});
