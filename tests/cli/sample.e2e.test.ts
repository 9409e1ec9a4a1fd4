// The sample export scored with the shipped policies, run from another folder as a user would.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES, VERDICTS } from '../../src/engine/codes';
import { SAMPLE, byId, expectEveryRowAccounted, outputs, score, tempDir } from './support/cli';

const dir = tempDir();
const run = score(['--file', SAMPLE, '--as-of', '2026-11-26'], dir);
const out = join(dir, 'opportunities.scored.csv');
const o = outputs(out);
const rows = byId(o.scored);
const get = (n: number) => rows.get(`006Hs00000Wa${String(n).padStart(3, '0')}AAA`);

describe('walkaway score --file samples/opportunities.csv', () => {
  it('scores all 43 rows without the project folder as cwd, default policies and output name', () => {
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Scored 43 of 43 opportunities');
    expect(run.stdout).toContain('Enterprise, Default');
    expect(existsSync(out)).toBe(true);
    expectEveryRowAccounted(o, 43);
    expect(o.failed).toHaveLength(0);
  });

  it("judges the article's buyer: 140,000 needs VP approval, the return at 155,000 proceeds", () => {
    expect(get(1)).toMatchObject({
      Walk_Away_Recommendation__c: 'Approval Required',
      Walk_Away_Floor__c: '126000.00',
      Walk_Away_Threshold__c: '141750.00',
      Walk_Away_Findings__c: 'BELOW_THRESHOLD',
      Walk_Away_Approvals__c: 'VP',
      Walk_Away_Policy__c: 'Default',
    });
    expect(get(2)).toMatchObject({ Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Findings__c: '' });
    expect(get(4)?.Walk_Away_Recommendation__c).toBe('Proceed'); // exactly at the threshold
    expect(get(5)?.Walk_Away_Recommendation__c).toBe('Approval Required'); // exactly at the floor
  });

  it('gives the exact verdict of known rows', () => {
    const expected: [number, string, string][] = [
      [6, 'Walk Away', 'BELOW_FLOOR'],
      [7, 'Walk Away', 'UNLIMITED_LIABILITY'],
      [12, 'Walk Away', 'RISKY_TERMINATION'],
      [14, 'Approval Required', 'INDUSTRY_MISFIT'],
      [16, 'Proceed', 'WEAK_BATNA'],
      [17, 'Walk Away', 'BELOW_FLOOR;WEAK_BATNA'],
      [19, 'Walk Away', 'RED_FLAGS_EXCEEDED'],
      [22, 'Insufficient Data', 'MISSING_AMOUNT'],
      [23, 'Insufficient Data', 'MISSING_COST'],
      [25, 'Walk Away', 'MISSING_AMOUNT;UNLIMITED_LIABILITY'],
      [33, 'Walk Away', 'BELOW_FLOOR;PAYMENT_TERMS_EXCEEDED;RED_FLAGS_PRESENT'],
      [34, 'Approval Required', 'BELOW_THRESHOLD;INDUSTRY_MISFIT;WEAK_BATNA'],
      [41, 'Approval Required', 'GEOGRAPHY_MISFIT'],
      [42, 'Approval Required', 'COMPANY_TOO_LARGE'],
      // The article's buyer back at 150,000 under conditions from 155,000: never a plain Proceed.
      [43, 'Proceed', 'REENGAGEMENT_CONDITIONS_UNMET'],
    ];
    for (const [n, verdict, findings] of expected) {
      expect([n, get(n)?.Walk_Away_Recommendation__c, get(n)?.Walk_Away_Findings__c]).toEqual([n, verdict, findings]);
    }
    expect(get(16)).toMatchObject({
      Walk_Away_Policy__c: 'Enterprise',
      Walk_Away_Floor__c: '977500.00',
      Walk_Away_BATNA__c: 'Weak',
    });
    expect(get(34)?.Walk_Away_Approvals__c).toBe('VP;Strategic Review');
    // Below the floor there is no exception, so no approver, whatever the terms.
    expect(get(33)?.Walk_Away_Approvals__c).toBe('');
    expect(get(41)?.Walk_Away_Approvals__c).toBe('Strategic Review');
  });

  it('sets the deal size from Amount for deals scored the first time', () => {
    expect(get(1)?.Walk_Away_Deal_Size__c).toBe('140000.00');
    expect(get(22)?.Walk_Away_Deal_Size__c).toBe('');
  });

  it('covers every verdict', () => {
    const seen = new Set(o.scored.map((r) => r.Walk_Away_Recommendation__c));
    expect([...VERDICTS].filter((v) => !seen.has(v))).toEqual([]);
  });

  it('covers every finding code', () => {
    const seen = new Set(o.scored.flatMap((r) => (r.Walk_Away_Findings__c ?? '').split(';')));
    expect(FINDING_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });

  it('prints the summary a sales leader reads', () => {
    expect(run.stdout).toMatch(/Proceed\s+15\s/);
    expect(run.stdout).toMatch(/Approval Required\s+10\s/);
    expect(run.stdout).toMatch(/Insufficient Data\s+4\s/);
    expect(run.stdout).toMatch(/Walk Away\s+14\s/);
    expect(run.stdout).toContain('Largest deals to walk away from:');
    expect(run.stdout).toContain(
      '1. 006Hs00000Wa017AAA Meridian Insurance - claims platform (USD 900,000): Price USD 900,000 is USD 77,500 below the floor of USD 977,500',
    );
    expect(run.stdout).toMatch(/Findings most often hit:\n\s+WEAK_BATNA\s+6 deal\(s\)/);
  });
});
