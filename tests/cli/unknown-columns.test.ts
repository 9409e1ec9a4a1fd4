// Columns the command does not use are ignored, with one warning that names them.
import { join } from 'node:path';
import { COLUMNS, csv, deal, expectEveryRowAccounted, outputs, tempDir, write } from './support/cli';
import { scoreInProcess } from './support/inProcess';

it('ignores unknown columns with one warning naming them', async () => {
  const dir = tempDir();
  const rows = [deal('006A', { Region__c: 'EMEA', 'Account.Name': 'Acme' }), deal('006B', { Region__c: 'APAC' })];
  const file = write(dir, 'in.csv', csv(rows, [...COLUMNS, 'Region__c', 'Account.Name']));
  const out = join(dir, 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(0);
  const warnings = run.stderr.split('\n').filter((l) => l.startsWith('Warning:'));
  expect(warnings).toEqual(['Warning: Ignoring columns the command does not use: Region__c, Account.Name.']);
  const o = outputs(out);
  expect(o.scored.map((r) => r.Walk_Away_Recommendation__c)).toEqual(['Proceed', 'Proceed']);
  expect(Object.keys(o.scored[0] ?? {})).not.toContain('Region__c');
  expectEveryRowAccounted(o, 2);
});
