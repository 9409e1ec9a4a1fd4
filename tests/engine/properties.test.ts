// Properties that hold for every deal and policy.
import fc from 'fast-check';
import {
  dealSizeOf,
  judgeBuyerPrice,
  outputRecord,
  readOpportunity,
  scoreOpportunity,
  verdictRank,
  type Opportunity,
} from '../../src/engine';
import { DEFAULT_POLICY, policies } from './support/fixtures';

const money = fc.integer({ min: 0, max: 5_000_000_000 }).map((c) => (c / 100).toFixed(2));
const deal = fc.record({
  Amount: money,
  // Some cost above zero: a total cost of 0 is MISSING_COST (no floor), tested on its own.
  Direct_Cost__c: fc.integer({ min: 1, max: 5_000_000_000 }).map((c) => (c / 100).toFixed(2)),
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

// Several policies with amount bands and segments, as an organisation keeps them (domain.md 1, 8).
const BANDED = policies(
  {
    ...DEFAULT_POLICY,
    DeveloperName: 'Small',
    Priority__c: 30,
    Max_Amount__c: 100000,
    Min_Margin_Pct__c: 10,
    Target_Margin_Pct__c: 20,
  },
  { ...DEFAULT_POLICY, DeveloperName: 'Mid', Priority__c: 30, Min_Amount__c: 100000, Max_Amount__c: 500000 },
  {
    ...DEFAULT_POLICY,
    DeveloperName: 'Enterprise',
    Priority__c: 30,
    Min_Amount__c: 500000,
    Min_Margin_Pct__c: 30,
    Target_Margin_Pct__c: 45,
    Focus_Industries__c: 'Financial Services;Healthcare',
  },
  {
    ...DEFAULT_POLICY,
    DeveloperName: 'Public_Sector',
    Priority__c: 10,
    Segment_Industries__c: 'Government',
    Min_Amount__c: 250000,
    Margin_Basis__c: 'Price',
    Min_Margin_Pct__c: 15,
    Target_Margin_Pct__c: 25,
  },
  { ...DEFAULT_POLICY, DeveloperName: 'Fallback', Priority__c: 100 },
);
const bandedDeal = fc.record({
  Amount: fc.integer({ min: 1, max: 200_000_000 }).map((c) => (c / 100).toFixed(2)),
  Walk_Away_Deal_Size__c: fc.oneof(
    fc.constant(''),
    fc.integer({ min: 1, max: 200_000_000 }).map((c) => (c / 100).toFixed(2)),
  ),
  Direct_Cost__c: fc.integer({ min: 1, max: 50_000_000 }).map((c) => (c / 100).toFixed(2)),
  Allocated_Overhead__c: fc.integer({ min: 0, max: 20_000_000 }).map((c) => (c / 100).toFixed(2)),
  'Account.Industry': fc.constantFrom('', 'Government', 'government ', 'Retail', 'Healthcare', 'Financial Services'),
  Unlimited_Liability__c: fc.boolean(),
  Customer_Red_Flags__c: fc.constantFrom(
    '',
    'Unrealistic ROI',
    'Unrealistic ROI;Unrealistic Timeline;Financial Instability',
  ),
});

describe('limits fixed before the negotiation (bands and segments)', () => {
  it('lowering the Amount of a scored deal never improves the verdict and never lowers the floor', () => {
    fc.assert(
      fc.property(bandedDeal, fc.integer({ min: 1, max: 150_000_000 }), (fields, cut) => {
        const deal = read(fields);
        const before = scoreOpportunity(deal, BANDED);
        // The deal as stored after its first scoring: its size recorded when it was blank.
        const scored = { ...deal, dealSizeCents: dealSizeOf(deal) };
        const lower = Math.max(0, (deal.amountCents ?? 0) - cut);
        for (const after of [
          scoreOpportunity({ ...scored, amountCents: lower }, BANDED),
          judgeBuyerPrice(deal, lower, BANDED),
        ]) {
          expect(after.policy).toBe(before.policy);
          expect(after.floorCents ?? 0).toBeGreaterThanOrEqual(before.floorCents ?? 0);
          expect(verdictRank(after.verdict)).toBeGreaterThanOrEqual(verdictRank(before.verdict));
        }
      }),
      { numRuns: 500 },
    );
  });
});
