// Verdict precedence and approvals, as contract.md states them.
import { explainFinding, plainMoney, scoreOpportunity } from '../../src/engine';
import { opportunity, policies } from './support/fixtures';

const score = (fields: Record<string, unknown>) => scoreOpportunity(opportunity(fields), policies());

describe('verdict', () => {
  it('walks away on any walk-away finding, even with data missing', () => {
    const s = score({ Amount: '', IP_Ownership_Transfer__c: 'true' });
    expect(s.verdict).toBe('Walk Away');
    expect(s.findings.map((f) => f.code)).toEqual(['MISSING_AMOUNT', 'IP_OWNERSHIP_TRANSFER']);
  });

  it('says Insufficient Data when an input is missing and nothing walks away', () => {
    expect(score({ Direct_Cost__c: '' }).verdict).toBe('Insufficient Data');
    expect(score({ Direct_Cost__c: '' }).floorCents).toBeNull();
  });

  it('lets missing data outrank an approval', () => {
    expect(score({ Amount: '', Liability_Cap_Months__c: '6' }).verdict).toBe('Insufficient Data');
  });

  it('lists the approvers of every finding present, in a fixed order', () => {
    const s = score({ Amount: '130000', Termination_For_Convenience__c: 'true' });
    expect(s.verdict).toBe('Walk Away');
    expect(s.approvals).toEqual(['VP', 'Legal', 'C-Level']);
  });

  it('does not change the verdict for advisory findings', () => {
    const s = score({ Amount: '150000', Customer_Red_Flags__c: 'Unrealistic ROI' });
    expect(s.verdict).toBe('Proceed');
    expect(s.findings.map((f) => f.code)).toEqual(['RED_FLAGS_PRESENT']);
  });

  it('explains a finding in a sentence a rep can read', () => {
    const s = score({ Amount: '140000' });
    const [first] = s.findings;
    expect(first && explainFinding(first, plainMoney('USD'))).toBe(
      'Price USD 140,000 is USD 1,750 below the threshold of USD 141,750: VP approval and a written justification are needed.',
    );
  });
});
