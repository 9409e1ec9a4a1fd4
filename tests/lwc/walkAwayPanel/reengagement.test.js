// A buyer who comes back (domain.md section 7, issue #12 item 3): with conditions 155K-165K stated,
// the buyer back at 150K is never told "Proceed. Go ahead."; the panel names the unmet condition.
import { updateRecord } from 'lightning/uiRecordApi';
import { OPPORTUNITY, mount, unmountAll, sentences, findings, withFields } from './support';

const RETURNED = {
  Walk_Away_Decision__c: 'Walked Away - Door Open',
  Walk_Away_Buyer_Returned__c: true,
  Walk_Away_Reengage_Budget_Min__c: 155000,
  Walk_Away_Reengage_Budget_Max__c: 165000,
};
const at = (values) => mount({ record: withFields(OPPORTUNITY, { ...RETURNED, ...values }) });

describe('a returning buyer', () => {
  beforeEach(() => updateRecord.mockResolvedValue({}));
  afterEach(unmountAll);

  it('back at 150,000 under a 155,000 minimum: Proceed on the limits, but not "Go ahead", and the budget named', async () => {
    const element = await at({ Amount: 150000 });
    const read = sentences(element);
    expect(read).toContain('Proceed');
    expect(read).not.toContain('Price and terms are inside your limits. Go ahead.');
    expect(read).toContain(
      "Price and terms are inside your limits, but the buyer's return does not meet the conditions you set. Negotiate it as a new deal, not a win.",
    );
    expect(findings(element)).toEqual([
      'For information · Re-engagement conditions not met: The buyer came back, but conditions you set for talking again do not hold: the price $150,000 is below the $155,000 minimum you stated. Treat the return as a new negotiation under your limits, not as a win.',
    ]);
  });

  it('names a missing firm decision date and unaligned stakeholders', async () => {
    const element = await at({
      Amount: 155000,
      Walk_Away_Reengage_Timeline__c: '2026-12-18',
      Walk_Away_Reengage_Stakeholders__c: true,
    });
    expect(findings(element)).toEqual([
      'For information · Re-engagement conditions not met: The buyer came back, but conditions you set for talking again do not hold: no firm decision date by Dec 18, 2026; key stakeholders not aligned. Treat the return as a new negotiation under your limits, not as a win.',
    ]);
  });

  it('back at 155,000 with every stated condition met: a plain Proceed', async () => {
    const element = await at({
      Amount: 155000,
      Walk_Away_Reengage_Timeline__c: '2026-12-18',
      Walk_Away_Buyer_Decision_Date__c: '2026-12-15',
      Walk_Away_Reengage_Stakeholders__c: true,
      Walk_Away_Buyer_Stakeholders_Aligned__c: true,
    });
    expect(sentences(element)).toContain('Price and terms are inside your limits. Go ahead.');
    expect(findings(element)).toEqual([]);
  });
});
