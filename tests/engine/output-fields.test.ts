// Writers write only what changed.
import { changedOutputs, outputRecord, scoreOpportunity } from '../../src/engine';
import { opportunity, policies } from './support/fixtures';

const out = outputRecord(scoreOpportunity(opportunity({ Amount: '130000', Payment_Terms_Days__c: '90' }), policies()));

describe('changed outputs', () => {
  it('is empty when Salesforce already holds the same values, whatever the order and format', () => {
    const stored = {
      ...out,
      Walk_Away_Floor__c: '126000.00',
      Walk_Away_Findings__c: 'PAYMENT_TERMS_EXCEEDED;BELOW_THRESHOLD',
      Walk_Away_Approvals__c: 'C-Level;Legal;VP',
    };
    expect(changedOutputs(stored, out)).toEqual({});
  });

  it('names only the fields that differ', () => {
    expect(
      changedOutputs({ ...out, Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Threshold__c: 141749.99 }, out),
    ).toEqual({
      Walk_Away_Recommendation__c: 'Walk Away',
      Walk_Away_Threshold__c: 141750,
    });
  });

  it('writes everything to a record never scored', () => {
    expect(Object.keys(changedOutputs({}, out))).toHaveLength(8);
  });
});
