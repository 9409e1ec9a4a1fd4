// Org mode refuses an unknown red flag as offline does (issue #12 item 6): the deal is not scored
// and is listed with its Id, the field and the value, in the summary and in --json; a repeated
// value counts once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginHome, makeOrg, oppId, SalesforceStandin, walkaway } from '../support/salesforce-standin';

jest.setTimeout(180_000);

test('an unknown red flag is an unscorable deal naming field and value; a repeated one counts once', async () => {
  const org = makeOrg({ deals: 6 });
  const dealOf = (n: number): Record<string, unknown> => {
    const d = org.opportunities.find((o) => o.Id === oppId(n));
    if (!d) throw new Error(`no deal ${n}`);
    return d;
  };
  dealOf(1).Customer_Red_Flags__c = 'Unrealistic ROI;Vendor Conflicts';
  dealOf(2).Customer_Red_Flags__c = 'Vendor Conflict History;Vendor Conflict History;Vendor Conflict History';
  const standin = await new SalesforceStandin(org).start();
  try {
    const cwd = mkdtempSync(join(tmpdir(), 'walkaway-cwd-'));
    const home = await loginHome(standin);
    const human = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--dry-run'], { cwd });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(
      `${oppId(1)}: Customer_Red_Flags__c has a value the picklist does not have: "Vendor Conflicts"`,
    );

    const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--json'], { cwd });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      data: { unscorable: number; unscorableRows: Record<string, unknown>[] };
    };
    expect(doc.data.unscorable).toBe(1);
    expect(doc.data.unscorableRows).toEqual([
      {
        id: oppId(1),
        row: expect.any(Number) as number,
        column: 'Customer_Red_Flags__c',
        value: 'Unrealistic ROI;Vendor Conflicts',
        message: 'has a value the picklist does not have: "Vendor Conflicts"',
      },
    ]);
    expect(standin.opportunity(oppId(1))?.Walk_Away_Recommendation__c ?? null).toBeNull();
    // Three times the same flag is one flag: listed, under the limit of every shipped policy.
    const two = standin.opportunity(oppId(2));
    expect(String(two?.Walk_Away_Findings__c)).toContain('RED_FLAGS_PRESENT');
    expect(String(two?.Walk_Away_Findings__c)).not.toContain('RED_FLAGS_EXCEEDED');
  } finally {
    await standin.stop();
  }
});
