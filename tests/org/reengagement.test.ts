// Org mode judges a returning buyer as offline does (issue #12 item 3): the article's buyer back at
// 150,000 under conditions from 155,000 is written back as Proceed with REENGAGEMENT_CONDITIONS_UNMET
// and no approver; the same buyer at 155,000 with every condition met is a plain Proceed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginHome, makeOrg, oppId, SalesforceStandin, walkaway } from '../support/salesforce-standin';

jest.setTimeout(180_000);

test('a returning buyer below the stated budget is written back with the finding', async () => {
  const org = makeOrg({ deals: 4 });
  const conditions = {
    Direct_Cost__c: 80000,
    Allocated_Overhead__c: 25000,
    CurrencyIsoCode: 'USD',
    Walk_Away_Buyer_Returned__c: true,
    Walk_Away_Reengage_Budget_Min__c: 155000,
    Walk_Away_Reengage_Timeline__c: '2026-12-18',
    Walk_Away_Reengage_Stakeholders__c: true,
    Walk_Away_Buyer_Decision_Date__c: '2026-12-15',
    Walk_Away_Buyer_Stakeholders_Aligned__c: true,
  };
  for (const [n, amount] of [
    [1, 150000],
    [2, 155000],
  ] as const) {
    const deal = org.opportunities.find((o) => o.Id === oppId(n));
    if (!deal) throw new Error(`no deal ${n}`);
    Object.assign(deal, conditions, { Amount: amount });
  }
  const standin = await new SalesforceStandin(org).start();
  try {
    const cwd = mkdtempSync(join(tmpdir(), 'walkaway-cwd-'));
    const home = await loginHome(standin);
    const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--json'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(standin.opportunity(oppId(1))).toMatchObject({
      Walk_Away_Floor__c: 126000,
      Walk_Away_Threshold__c: 141750,
    });
    const back = standin.opportunity(oppId(1));
    expect(String(back?.Walk_Away_Findings__c).split(';')).toContain('REENGAGEMENT_CONDITIONS_UNMET');
    expect(String(back?.Walk_Away_Findings__c).split(';')).not.toContain('BELOW_THRESHOLD');
    expect(String(standin.opportunity(oppId(2))?.Walk_Away_Findings__c ?? '').split(';')).not.toContain(
      'REENGAGEMENT_CONDITIONS_UNMET',
    );
  } finally {
    await standin.stop();
  }
});
