// Floor and threshold on both margin bases, exact at the boundaries and free of float drift.
import fc from 'fast-check';
import { priceAtMargin, scoreOpportunity } from '../../src/engine';
import { DEFAULT_POLICY, opportunity, policies } from './support/fixtures';

describe('price limits', () => {
  it('applies margin on price: cost / (1 - margin)', () => {
    // 105,000 / 0.8 = 131,250 ; 105,000 / 0.65 = 161,538.461... rounded up to the cent
    const score = scoreOpportunity(opportunity(), policies({ ...DEFAULT_POLICY, Margin_Basis__c: 'Price' }));
    expect({ total: score.totalCostCents, floor: score.floorCents, threshold: score.thresholdCents }).toEqual({
      total: 10_500_000,
      floor: 13_125_000,
      threshold: 16_153_847,
    });
  });

  it('rounds up to the cent so that a price at the floor always earns the minimum margin', () => {
    // 333.33 x 1.2 = 399.996 -> 400.00
    expect(priceAtMargin(33_333, 2000, 'Cost')).toBe(40_000);
  });

  it('is exact for costs of any size (no floating-point drift)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 9_999 }), (cost, bp) => {
        const floor = priceAtMargin(cost, bp, 'Cost');
        const exact = (BigInt(cost) * BigInt(10_000 + bp) + 9_999n) / 10_000n;
        expect(BigInt(floor)).toBe(exact);
        const priceFloor = priceAtMargin(cost, bp, 'Price');
        const priceExact = (BigInt(cost) * 10_000n + BigInt(10_000 - bp) - 1n) / BigInt(10_000 - bp);
        expect(BigInt(priceFloor)).toBe(priceExact);
      }),
    );
  });

  describe('boundaries (floor 126,000, threshold 141,750)', () => {
    const ranked = policies();
    const verdictAt = (amount: string) => scoreOpportunity(opportunity({ Amount: amount }), ranked).verdict;

    it.each([
      ['125999.99', 'Walk Away'],
      ['126000', 'Approval Required'],
      ['126000.00', 'Approval Required'],
      ['141749.99', 'Approval Required'],
      ['141750', 'Proceed'],
      ['141750.01', 'Proceed'],
    ])('Amount %s gives %s', (amount, verdict) => {
      expect(verdictAt(amount)).toBe(verdict);
    });
  });

  it('uses the price basis when the policy says so', () => {
    const ranked = policies({ ...DEFAULT_POLICY, Margin_Basis__c: 'Price' });
    const score = scoreOpportunity(opportunity({ Amount: '131249.99' }), ranked);
    expect(score.floorCents).toBe(13_125_000);
    expect(score.verdict).toBe('Walk Away');
    expect(scoreOpportunity(opportunity({ Amount: '131250' }), ranked).verdict).toBe('Approval Required');
  });
});
