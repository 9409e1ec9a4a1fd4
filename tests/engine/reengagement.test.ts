// A buyer who comes back (domain.md section 7, issue #12 item 3): the return is a new negotiation
// under the same limits, never a win by itself. Each stated condition that does not hold is named
// by REENGAGEMENT_CONDITIONS_UNMET; a condition not stated is not checked; the finding is advisory.
import { explainFinding, plainMoney, readOpportunity, scoreOpportunity, unmetConditions } from '../../src/engine';
import { opportunity, policies } from './support/fixtures';

/** The article's buyer, walked away from at 140K with conditions 155K-165K, a firm date, stakeholders and scope. */
const RETURNED = {
  Walk_Away_Buyer_Returned__c: 'true',
  Walk_Away_Reengage_Budget_Min__c: '155000',
  Walk_Away_Reengage_Budget_Max__c: '165000',
  Walk_Away_Reengage_Timeline__c: '2026-12-18',
  Walk_Away_Reengage_Stakeholders__c: 'true',
  Walk_Away_Reengage_Scope__c: 'true',
  Walk_Away_Buyer_Decision_Date__c: '2026-12-18',
  Walk_Away_Buyer_Stakeholders_Aligned__c: 'true',
  Walk_Away_Buyer_Scope_Defined__c: 'true',
};
const scoreOf = (fields: Record<string, string>) => scoreOpportunity(opportunity(fields), policies());
const unmet = (fields: Record<string, string>) => unmetConditions(opportunity({ ...RETURNED, ...fields }));

describe('the article: conditions 155K-165K stated, the buyer back at 150K', () => {
  const score = scoreOf({ ...RETURNED, Amount: '150000' });

  it('is not a plain "Proceed": the finding names the budget', () => {
    expect(score.findings.map((f) => f.code)).toEqual(['REENGAGEMENT_CONDITIONS_UNMET']);
    expect(score.findings[0]?.figures).toMatchObject({ unmet: ['BUDGET'], amountCents: 15_000_000 });
    expect(explainFinding(score.findings[0]!, plainMoney('USD'))).toBe(
      'The buyer came back, but conditions stated for re-engaging do not hold: price USD 150,000 is below the USD 155,000 minimum stated. A return is a new negotiation under the same limits, not a win.',
    );
  });

  it('is advisory: the price above the threshold (141,750) still decides the verdict, with no approver', () => {
    expect(score.verdict).toBe('Proceed');
    expect(score.approvals).toEqual([]);
    expect(score.findings[0]?.effect).toBe('Advisory');
  });

  it('the return at 155,000 with every condition met is a plain Proceed', () => {
    const back = scoreOf({ ...RETURNED, Amount: '155000' });
    expect(back.findings).toEqual([]);
    expect(back.verdict).toBe('Proceed');
  });

  it('a return at 140,000 is still judged by the limits: VP approval, and the budget named', () => {
    const back = scoreOf({ ...RETURNED, Amount: '140000' });
    expect(back.findings.map((f) => f.code)).toEqual(['BELOW_THRESHOLD', 'REENGAGEMENT_CONDITIONS_UNMET']);
    expect(back.verdict).toBe('Approval Required');
    expect(back.approvals).toEqual(['VP']);
  });
});

describe('each condition on its boundary', () => {
  it('budget: at the minimum holds, a cent below does not, a blank Amount cannot be confirmed', () => {
    expect(unmet({ Amount: '155000' })).toEqual([]);
    expect(unmet({ Amount: '154999.99' })).toEqual(['BUDGET']);
    expect(unmet({ Amount: '' })).toEqual(['BUDGET']);
  });

  it('decision date: on the date asked holds, a day later or none does not', () => {
    expect(unmet({ Amount: '155000', Walk_Away_Buyer_Decision_Date__c: '2026-12-17' })).toEqual([]);
    expect(unmet({ Amount: '155000', Walk_Away_Buyer_Decision_Date__c: '2026-12-19' })).toEqual(['DECISION_DATE']);
    expect(unmet({ Amount: '155000', Walk_Away_Buyer_Decision_Date__c: '' })).toEqual(['DECISION_DATE']);
  });

  it('stakeholders and scope: required and not confirmed', () => {
    expect(
      unmet({
        Amount: '155000',
        Walk_Away_Buyer_Stakeholders_Aligned__c: 'false',
        Walk_Away_Buyer_Scope_Defined__c: '',
      }),
    ).toEqual(['STAKEHOLDERS', 'SCOPE']);
  });

  it('names every unmet condition, in order', () => {
    const score = scoreOf({
      Walk_Away_Buyer_Returned__c: 'true',
      Walk_Away_Reengage_Budget_Min__c: '155000',
      Walk_Away_Reengage_Timeline__c: '2026-12-18',
      Walk_Away_Reengage_Stakeholders__c: 'true',
      Walk_Away_Reengage_Scope__c: 'true',
      Amount: '150000',
    });
    expect(score.findings[0]?.figures.unmet).toEqual(['BUDGET', 'DECISION_DATE', 'STAKEHOLDERS', 'SCOPE']);
    expect(explainFinding(score.findings[0]!, plainMoney('USD'))).toBe(
      'The buyer came back, but conditions stated for re-engaging do not hold: price USD 150,000 is below the USD 155,000 minimum stated; no firm decision date (by 2026-12-18 asked); key stakeholders not aligned; scope not clearly defined. A return is a new negotiation under the same limits, not a win.',
    );
  });
});

describe('what is not checked', () => {
  it('a condition the rep did not state (blank minimum, no date asked, boxes unticked)', () => {
    expect(scoreOf({ Walk_Away_Buyer_Returned__c: 'true', Amount: '150000' }).findings.map((f) => f.code)).toEqual([]);
  });

  it('conditions while the buyer has not come back', () => {
    const stated = { ...RETURNED, Walk_Away_Buyer_Returned__c: 'false' };
    expect(scoreOf({ ...stated, Amount: '150000', Walk_Away_Buyer_Stakeholders_Aligned__c: '' }).findings).toEqual([]);
  });

  it('the top of the budget range: a buyer paying more than the maximum stated meets the budget', () => {
    expect(unmet({ Amount: '200000' })).toEqual([]);
  });
});

describe('reading the re-engagement fields', () => {
  it('refuses a date that is not one, naming the field and the value', () => {
    const read = readOpportunity({
      Walk_Away_Reengage_Timeline__c: '2026-02-30',
      Walk_Away_Buyer_Decision_Date__c: 'soon',
    });
    expect(!read.ok && read.problems).toEqual([
      { field: 'Walk_Away_Reengage_Timeline__c', value: '2026-02-30', message: 'is not a date (YYYY-MM-DD)' },
      { field: 'Walk_Away_Buyer_Decision_Date__c', value: 'soon', message: 'is not a date (YYYY-MM-DD)' },
    ]);
  });

  it('reads a date with a time after it, as some exports write it', () => {
    const o = opportunity({ ...RETURNED, Walk_Away_Buyer_Decision_Date__c: '2026-12-18T00:00:00.000Z' });
    expect(o.reengagement.buyerDecisionDate).toBe('2026-12-18');
  });
});
