// A floor of zero protects nothing (zero total cost is MISSING_COST), and below the floor there is
// no exception, so no approver is listed whatever else the deal asks for (issue #12 item 5).
import { outputRecord, scoreOpportunity } from '../../src/engine';
import { opportunity, policies } from './support/fixtures';

const ranked = policies();
const codes = (fields: Record<string, unknown>) =>
  scoreOpportunity(opportunity(fields), ranked).findings.map((f) => f.code);

describe('zero total cost', () => {
  it('is MISSING_COST with no floor or threshold, so no price proceeds', () => {
    const score = scoreOpportunity(
      opportunity({ Direct_Cost__c: '0', Allocated_Overhead__c: '0', Amount: '1' }),
      ranked,
    );
    expect(score.verdict).toBe('Insufficient Data');
    expect(score.findings.map((f) => f.code)).toEqual(['MISSING_COST']);
    expect(score.findings[0]?.figures.zeroTotal).toBe(true);
    expect([score.floorCents, score.thresholdCents]).toEqual([null, null]);
    expect(outputRecord(score).Walk_Away_Floor__c).toBeNull();
  });

  it('one cent of cost is a cost: floor and threshold are set from it', () => {
    const score = scoreOpportunity(
      opportunity({ Direct_Cost__c: '0', Allocated_Overhead__c: '0.01', Amount: '1' }),
      ranked,
    );
    expect(score.verdict).toBe('Proceed');
    expect([score.floorCents, score.thresholdCents]).toEqual([2, 2]);
  });

  it('one zero cost beside a real one is fine', () => {
    expect(codes({ Direct_Cost__c: '105000', Allocated_Overhead__c: '0', Amount: '141750' })).toEqual([]);
  });

  it('still walks away on a non-negotiable term', () => {
    const score = scoreOpportunity(
      opportunity({ Direct_Cost__c: '0', Allocated_Overhead__c: '0', Unlimited_Liability__c: 'true' }),
      ranked,
    );
    expect(score.verdict).toBe('Walk Away');
  });
});

describe('approvals below the floor', () => {
  it('are empty, whatever other findings would need an approver', () => {
    const score = scoreOpportunity(
      opportunity({ Amount: '125999.99', Unlimited_Liability__c: 'true', Payment_Terms_Days__c: '90' }),
      ranked,
    );
    expect(score.findings.map((f) => f.code)).toEqual(['BELOW_FLOOR', 'UNLIMITED_LIABILITY', 'PAYMENT_TERMS_EXCEEDED']);
    expect(score.approvals).toEqual([]);
    expect(outputRecord(score).Walk_Away_Approvals__c).toBeNull();
  });

  it('at the floor itself the usual approvers are listed', () => {
    const score = scoreOpportunity(opportunity({ Amount: '126000', Unlimited_Liability__c: 'true' }), ranked);
    expect(score.approvals).toEqual(['VP', 'Legal', 'C-Level']);
  });
});
