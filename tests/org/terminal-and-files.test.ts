// Record text printed to a terminal cannot drive it (no escape sequences, no carriage returns), and
// files that hold floors or costs are readable by their owner only.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvFileWriter } from '../../src/io/resultWriter';
import { printable, table } from '../../src/org/format';

test('control characters in record text are removed before it reaches the terminal', () => {
  const evil = 'Acme\u001b[2J\u001b]0;pwned\u0007\rRenewal\u009b31m';
  expect(printable(evil)).toBe('Acme[2J]0;pwnedRenewal31m');
  const lines = table(['Id', 'Name', 'Amount'], [['006A', evil, 1200]]);
  expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(lines[2]).toContain('Acme[2J]0;pwnedRenewal31m');
});

test('a result or failed-rows file is written mode 0600', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'walkaway-mode-')), 'failed.csv');
  const out = await CsvFileWriter.open(path, ['Id', 'Walk_Away_Floor__c']);
  await out.write(['006A', '120000']);
  await out.close();
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(readFileSync(path, 'utf8')).toContain('006A,120000');
});
