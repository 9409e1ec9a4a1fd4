// Bulk API 2.0 writes numbers of 10 million and more in E-notation (Java's Double.toString:
// `1.04625E7`, `8.0E7`), and the stand-in answers as it does. Every such deal is scored, exact to
// the cent: `1.04625E7` is 10,462,500.00.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { javaDouble, loginHome, makeOrg, oppId, SalesforceStandin, walkaway } from '../support/salesforce-standin';

jest.setTimeout(180_000);

describe('E-notation in Bulk API 2.0 query results', () => {
  it('the stand-in writes numbers as Salesforce does', () => {
    expect(javaDouble(155000)).toBe('155000');
    expect(javaDouble(10_462_500)).toBe('1.04625E7');
    expect(javaDouble(80_000_000)).toBe('8.0E7');
    expect(javaDouble(820_000_000)).toBe('8.2E8');
  });

  it('scores every deal, exact to the cent', async () => {
    const org = makeOrg({ deals: 10 });
    // A large deal: Amount 10,462,500 (`1.04625E7`), costs 12,500,000 (`1.25E7`) + 2,000,000: the
    // floor (cost + 15%) is 16,675,000, above the Amount.
    const big = org.opportunities.find((o) => o.Id === oppId(1));
    if (!big) throw new Error('no deal 1');
    Object.assign(big, { Amount: 10_462_500, Direct_Cost__c: 12_500_000, Allocated_Overhead__c: 2_000_000 });
    const standin = await new SalesforceStandin(org).start();
    try {
      const cwd = mkdtempSync(join(tmpdir(), 'walkaway-cwd-'));
      const home = await loginHome(standin);
      const run = await walkaway(home, ['walkaway', 'score', '--target-org', 'standin', '--json'], { cwd });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const doc = JSON.parse(run.stdout) as { status: number; result: { deals: number; written: number } };
      expect(doc.result).toMatchObject({ deals: 10, written: 10 });
      const scored = standin.opportunity(oppId(1));
      expect(scored?.Walk_Away_Floor__c).toBe(16_675_000);
      expect(scored?.Walk_Away_Recommendation__c).toBe('Walk Away');
      expect(scored?.Walk_Away_Findings__c).toContain('BELOW_FLOOR');
    } finally {
      await standin.stop();
    }
  });
});
