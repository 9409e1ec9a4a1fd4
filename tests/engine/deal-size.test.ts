// Limits fixed before the negotiation: the deal size (Walk_Away_Deal_Size__c, blank = Amount)
// picks the policy band, so a discount never buys a kinder policy (issue #12, domain.md 1 and 8).
import {
  changedOutputs,
  dealSizeOf,
  dealSizeToStore,
  judgeBuyerPrice,
  outputRecord,
  rankPolicies,
  readOpportunity,
  readPolicies,
  scoreOpportunity,
} from '../../src/engine';
import { DEFAULT_POLICY, opportunity } from './support/fixtures';

/** The case: Enterprise from 500,000 serves Financial Services only; Default serves all. */
const ENTERPRISE = {
  ...DEFAULT_POLICY,
  DeveloperName: 'Enterprise',
  Priority__c: 10,
  Min_Amount__c: 500000,
  Min_Margin_Pct__c: 25,
  Target_Margin_Pct__c: 40,
  Focus_Industries__c: 'Financial Services',
};
const DEFAULT = { ...DEFAULT_POLICY, Max_Amount__c: 500000 };
const ranked = rankPolicies(readPolicies([DEFAULT, ENTERPRISE]));
const RETAIL = { 'Account.Industry': 'Retail', Direct_Cost__c: '300000', Allocated_Overhead__c: '50000' };

describe('the deal size picks the policy band', () => {
  it('a 600,000 Retail deal misses fit under Enterprise (Approval Required)', () => {
    const score = scoreOpportunity(opportunity({ ...RETAIL, Amount: '600000' }), ranked);
    expect(score.policy).toBe('Enterprise');
    expect(score.verdict).toBe('Approval Required');
    expect(score.findings.map((f) => f.code)).toEqual(['INDUSTRY_MISFIT']);
    expect(score.floorCents).toBe(43_750_000);
  });

  it('discounted to 499,999 with its size recorded, it stays under Enterprise: floor unchanged, verdict not kinder', () => {
    const score = scoreOpportunity(
      opportunity({ ...RETAIL, Amount: '499999', Walk_Away_Deal_Size__c: '600000' }),
      ranked,
    );
    expect(score.policy).toBe('Enterprise');
    expect(score.dealSizeCents).toBe(60_000_000);
    expect(score.floorCents).toBe(43_750_000);
    expect(score.verdict).toBe('Approval Required');
    expect(score.findings.map((f) => f.code)).toEqual(['INDUSTRY_MISFIT']);
    // Without its size, the same discount would have bought Default: Proceed, floor 420,000.
    const kinder = scoreOpportunity(opportunity({ ...RETAIL, Amount: '499999' }), ranked);
    expect([kinder.policy, kinder.verdict, kinder.floorCents]).toEqual(['Default', 'Proceed', 42_000_000]);
  });

  it('with the size blank, Amount is the size (the first scoring, before anything is stored)', () => {
    const o = opportunity({ ...RETAIL, Amount: '499999' });
    expect(dealSizeOf(o)).toBe(49_999_900);
    expect(scoreOpportunity(o, ranked).policy).toBe('Default');
  });

  it('judges the verdict on Amount, not on the deal size', () => {
    const o = opportunity({ ...RETAIL, 'Account.Industry': 'Financial Services', Walk_Away_Deal_Size__c: '600000' });
    expect(scoreOpportunity({ ...o, amountCents: 49_000_000 }, ranked).verdict).toBe('Proceed');
    expect(scoreOpportunity({ ...o, amountCents: 43_749_999 }, ranked).verdict).toBe('Walk Away');
    expect(scoreOpportunity({ ...o, amountCents: 43_750_000 }, ranked).verdict).toBe('Approval Required');
  });
});

describe('dealSizeToStore: what the panel and the CLI store when a deal is first scored', () => {
  it('is the Amount when the size is blank', () => {
    expect(dealSizeToStore(opportunity({ Amount: '600000' }))).toBe(60_000_000);
  });
  it('is nothing once a size is recorded, even after a discount', () => {
    expect(dealSizeToStore(opportunity({ Amount: '499999', Walk_Away_Deal_Size__c: '600000' }))).toBeNull();
  });
  it('is nothing while Amount is blank too', () => {
    expect(dealSizeToStore(opportunity({ Amount: '' }))).toBeNull();
  });
  it('refuses a deal size that is not an amount, naming the field', () => {
    expect(readOpportunity({ Id: '006A', Walk_Away_Deal_Size__c: 'six hundred thousand' })).toEqual({
      ok: false,
      problems: [{ field: 'Walk_Away_Deal_Size__c', value: 'six hundred thousand', message: 'is not an amount' }],
    });
  });
});

describe("judgeBuyerPrice: the panel's what-if under the gauge's policy", () => {
  it('keeps the policy of the deal when the buyer asks for less (size blank: Amount pinned first)', () => {
    const deal = opportunity({ ...RETAIL, Amount: '600000' });
    const gauge = scoreOpportunity(deal, ranked);
    const whatIf = judgeBuyerPrice(deal, 49_999_900, ranked);
    expect(whatIf.policy).toBe(gauge.policy);
    expect(whatIf.floorCents).toBe(gauge.floorCents);
    expect(whatIf.thresholdCents).toBe(gauge.thresholdCents);
    expect(whatIf.amountCents).toBe(49_999_900);
    expect(whatIf.verdict).toBe('Approval Required');
  });

  it("judges the article's buyer: 140,000 needs approval, 155,000 proceeds, 125,999.99 walks away", () => {
    const policies = rankPolicies(readPolicies([DEFAULT_POLICY]));
    const deal = opportunity({ Amount: '150000' });
    expect(judgeBuyerPrice(deal, 14_000_000, policies).verdict).toBe('Approval Required');
    expect(judgeBuyerPrice(deal, 15_500_000, policies).verdict).toBe('Proceed');
    expect(judgeBuyerPrice(deal, 12_599_999, policies).verdict).toBe('Walk Away');
    expect(judgeBuyerPrice(deal, 12_600_000, policies).floorCents).toBe(12_600_000);
    expect(judgeBuyerPrice(deal, 12_600_000, policies).thresholdCents).toBe(14_175_000);
  });

  it('is the verdict with a blank price when the buyer names none', () => {
    expect(judgeBuyerPrice(opportunity({ ...RETAIL, Amount: '600000' }), null, ranked).verdict).toBe(
      'Insufficient Data',
    );
  });
});

describe('the output Walk_Away_Deal_Size__c: written the first time only', () => {
  it('is the Amount when the deal has no size yet, so writers store it', () => {
    const deal = opportunity({ ...RETAIL, Amount: '600000' });
    const out = outputRecord(scoreOpportunity(deal, ranked));
    expect(out.Walk_Away_Deal_Size__c).toBe(600000);
    expect(changedOutputs({ ...out, Walk_Away_Deal_Size__c: null }, out)).toEqual({ Walk_Away_Deal_Size__c: 600000 });
  });

  it('stays what is stored after a discount, so nothing is written for it', () => {
    const stored = { ...RETAIL, Amount: '499999', Walk_Away_Deal_Size__c: '600000' };
    const out = outputRecord(scoreOpportunity(opportunity(stored), ranked));
    expect(out.Walk_Away_Deal_Size__c).toBe(600000);
    expect(changedOutputs({ ...out, Walk_Away_Deal_Size__c: '600000.00' }, out)).toEqual({});
  });
});
