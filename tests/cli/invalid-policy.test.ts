// An invalid policy stops the run before anything is written, naming the record and field: exit 2.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_DIR, SAMPLE, tempDir } from './support/cli';
import { scoreInProcess } from './support/inProcess';

const policyDir = (dir: string, edit: (xml: string) => string): string => {
  const p = join(dir, 'policies');
  mkdirSync(p);
  for (const n of ['Default', 'Enterprise']) {
    const name = `Walk_Away_Policy.${n}.md-meta.xml`;
    copyFileSync(join(POLICY_DIR, name), join(p, name));
  }
  const target = join(p, 'Walk_Away_Policy.Enterprise.md-meta.xml');
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return p;
};

const setValue = (field: string, value: string) => (xml: string) =>
  xml.replace(new RegExp(`(<field>${field}</field>\\s*<value[^>]*>)[^<]*(</value>)`), `$1${value}$2`);

describe('invalid policies', () => {
  it.each([
    [
      'a target below the minimum',
      setValue('Target_Margin_Pct__c', '10'),
      'Walk_Away_Policy.Enterprise: Target_Margin_Pct__c must be at least Min_Margin_Pct__c (15) (value: 10)',
    ],
    [
      'a margin that is not a number',
      setValue('Min_Margin_Pct__c', 'fifteen'),
      'Walk_Away_Policy.Enterprise: Min_Margin_Pct__c must be a number (value: "fifteen")',
    ],
    [
      'a field the policy type does not have',
      (xml: string) =>
        xml.replace(
          '</CustomMetadata>',
          '    <values>\n        <field>Supported_Regions__c</field>\n        <value xsi:type="xsd:string">APAC</value>\n    </values>\n</CustomMetadata>',
        ),
      'Walk_Away_Policy.Enterprise: Supported_Regions__c is not a field of Walk_Away_Policy__mdt (value: "APAC")',
    ],
    [
      'malformed XML',
      (xml: string) => xml.replace('</label>', '</lable>'),
      'Walk_Away_Policy.Enterprise.md-meta.xml is not valid XML',
    ],
  ])('stops on %s: exit 2, names record and field, writes nothing', async (_what, edit, message) => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const run = await scoreInProcess(['--file', SAMPLE, '--policy-dir', policyDir(dir, edit), '--output', out], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Nothing was scored or written');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'out.failed.csv'))).toBe(false);
  });

  it('stops on a folder without policy records', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const run = await scoreInProcess(['--file', SAMPLE, '--policy-dir', dir, '--output', out], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('has no Walk_Away_Policy.*.md-meta.xml records');
    expect(existsSync(out)).toBe(false);
  });
});
