// The article's worked example, end to end through the engine.
import { scoreOpportunity, outputRecord } from '../../src/engine';
import { opportunity, policies } from './support/fixtures';

describe('the buyer example (costs 80,000 + 25,000, policy 20% / 35% on cost)', () => {
  const ranked = policies();

  it('sets the floor at 126,000 and the threshold at 141,750', () => {
    const score = scoreOpportunity(opportunity(), ranked);
    expect(score.totalCostCents).toBe(10_500_000);
    expect(score.floorCents).toBe(12_600_000);
    expect(score.thresholdCents).toBe(14_175_000);
  });

  it('needs VP approval when the buyer demands 140,000', () => {
    const score = scoreOpportunity(opportunity({ Amount: '140000' }), ranked);
    expect(score.verdict).toBe('Approval Required');
    expect(score.approvals).toEqual(['VP']);
    expect(score.findings.map((f) => f.code)).toEqual(['BELOW_THRESHOLD']);
    expect(score.findings[0]?.figures.gapCents).toBe(175_000);
  });

  it('proceeds when the buyer returns at 155,000', () => {
    const score = scoreOpportunity(opportunity({ Amount: '155000' }), ranked);
    expect(score.verdict).toBe('Proceed');
    expect(score.findings).toEqual([]);
    expect(score.approvals).toEqual([]);
  });

  it('writes the output fields Salesforce stores', () => {
    expect(outputRecord(scoreOpportunity(opportunity({ Amount: '125000' }), ranked))).toEqual({
      Walk_Away_Recommendation__c: 'Walk Away',
      Walk_Away_Floor__c: 126000,
      Walk_Away_Threshold__c: 141750,
      Walk_Away_Findings__c: 'BELOW_FLOOR',
      Walk_Away_Approvals__c: null,
      Walk_Away_BATNA__c: 'Unknown',
      Walk_Away_Policy__c: 'Default',
      Walk_Away_Deal_Size__c: 125000,
    });
  });
});
