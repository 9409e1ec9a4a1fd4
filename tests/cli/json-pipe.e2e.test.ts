// `--json` piped into another program gets the whole document, also when the command fails: oclif
// ends a failed command with process.exit, which used to cut a piped document at 65,536 bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_DIR, csv, deal, score, tempDir, write } from './support/cli';

it("prints a failed run's whole --json document into a pipe (here 1,500 invalid policies)", () => {
  const dir = tempDir();
  const policies = join(dir, 'policies');
  mkdirSync(policies);
  const valid = readFileSync(join(POLICY_DIR, 'Walk_Away_Policy.Default.md-meta.xml'), 'utf8');
  const invalid = valid.replace(/(<field>Min_Margin_Pct__c<\/field>\s*<value[^>]*>)[^<]*/, '$1-5');
  expect(invalid).not.toBe(valid);
  for (let i = 1; i <= 1500; i++) writeFileSync(join(policies, `Walk_Away_Policy.Bad${i}.md-meta.xml`), invalid);
  const file = write(dir, 'in.csv', csv([deal('006A')]));
  const run = score(['--file', file, '--policy-dir', policies, '--output', join(dir, 'out.csv'), '--json'], dir);
  expect(run.status).toBe(2);
  expect(run.stdout.length).toBeGreaterThan(65_536);
  const doc = JSON.parse(run.stdout) as { status: number; name: string; message: string };
  expect(doc.status).toBe(2);
  expect(doc.name).toBe('InvalidPolicyError');
  expect(doc.message).toContain('Walk_Away_Policy.Bad1500: Min_Margin_Pct__c');
});
