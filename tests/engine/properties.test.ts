// Properties that hold for every deal and policy.
import fc from 'fast-check';
import { outputRecord, readOpportunity, scoreOpportunity, verdictRank, type Opportunity } from '../../src/engine';
import { DEFAULT_POLICY, policies } from './support/fixtures';

const money = fc.integer({ min: 0, max: 5_000_000_000 }).map((c) => (c / 100).toFixed(2));
const deal = fc.record({
  Amount: money,
  Direct_Cost__c: money,
  Allocated_Overhead__c: money,
  Liability_Cap_Months__c: fc.constantFrom('', '6', '12', '24'),
  Unlimited_Liability__c: fc.boolean(),
  Payment_Terms_Days__c: fc.constantFrom('', '30', '60', '90'),
  SLA_Uptime_Pct__c: fc.constantFrom('', '99.5', '99.9', '99.99'),
  Customer_Red_Flags__c: fc.constantFrom(
    '',
    'Unrealistic ROI',
    'Unrealistic ROI;Unrealistic Timeline;Financial Instability',
  ),
});
const read = (fields: Record<string, unknown>): Opportunity => {
  const r = readOpportunity(fields);
  if (!r.ok) throw new Error('generated record does not read');
  return r.opportunity;
};
const policy = fc.record({
  min: fc.integer({ min: 0, max: 9_000 }),
  extra: fc.integer({ min: 0, max: 900 }),
  basis: fc.constantFrom('Cost', 'Price'),
});

describe('engine properties', () => {
  it('never gives a better verdict as the Amount falls', () => {
    fc.assert(
      fc.property(deal, policy, fc.integer({ min: 1, max: 10_000_000 }), (fields, p, cut) => {
        const ranked = policies({
          ...DEFAULT_POLICY,
          Min_Margin_Pct__c: p.min / 100,
          Target_Margin_Pct__c: (p.min + p.extra) / 100,
          Margin_Basis__c: p.basis,
        });
        const high = read(fields);
        const low = { ...high, amountCents: Math.max(0, (high.amountCents ?? 0) - cut) };
        expect(verdictRank(scoreOpportunity(low, ranked).verdict)).toBeGreaterThanOrEqual(
          verdictRank(scoreOpportunity(high, ranked).verdict),
        );
      }),
    );
  });

  it('keeps the floor at or below the threshold, and the verdict consistent with the output fields', () => {
    const ranked = policies();
    fc.assert(
      fc.property(deal, (fields) => {
        const score = scoreOpportunity(read(fields), ranked);
        expect(score.floorCents).not.toBeNull();
        expect(score.floorCents ?? 0).toBeLessThanOrEqual(score.thresholdCents ?? 0);
        const out = outputRecord(score);
        expect(out.Walk_Away_Recommendation__c).toBe(score.verdict);
        expect(out.Walk_Away_Findings__c ?? '').toBe(score.findings.map((f) => f.code).join(';'));
        if (score.verdict === 'Proceed')
          expect(score.amountCents ?? 0).toBeGreaterThanOrEqual(score.thresholdCents ?? 0);
      }),
    );
  });
});
