// Every public name of contract.md and docs/contract-additions.md exists in force-app with the
// type the contract gives it, and every picklist value the engine can write is a value of the field.
import {
  APPROVERS,
  BATNA_STRENGTHS,
  DECISIONS,
  EXIT_REASONS,
  FINDING_CODES,
  RED_FLAGS,
  VERDICTS,
} from '../../src/engine/codes';
import { INPUT_FIELDS } from '../../src/engine/opportunity';
import { OUTPUT_FIELDS } from '../../src/engine/outputFields';
import { fieldsOf, pathExists } from './support/forceApp';

/** The contract's field types, as Metadata API type names. */
const CONTRACT: Record<string, Record<string, string>> = {
  Opportunity: {
    Direct_Cost__c: 'Currency',
    Allocated_Overhead__c: 'Currency',
    Liability_Cap_Months__c: 'Number',
    Unlimited_Liability__c: 'Checkbox',
    IP_Ownership_Transfer__c: 'Checkbox',
    Payment_Terms_Days__c: 'Number',
    SLA_Uptime_Pct__c: 'Percent',
    Termination_For_Convenience__c: 'Checkbox',
    Uncapped_Indemnity__c: 'Checkbox',
    Customer_Red_Flags__c: 'MultiselectPicklist',
    Use_Case__c: 'Picklist',
    Technical_Environment__c: 'Picklist',
    Walk_Away_Recommendation__c: 'Picklist',
    Walk_Away_Floor__c: 'Currency',
    Walk_Away_Threshold__c: 'Currency',
    Walk_Away_Findings__c: 'MultiselectPicklist',
    Walk_Away_Approvals__c: 'MultiselectPicklist',
    Walk_Away_BATNA__c: 'Picklist',
    Walk_Away_Policy__c: 'Text',
    Walk_Away_Scored_At__c: 'DateTime',
    Walk_Away_Decision__c: 'Picklist',
    Walk_Away_Exit_Reason__c: 'Picklist',
    Walk_Away_Decided_On__c: 'Date',
    Walk_Away_Reengage_Budget_Min__c: 'Currency',
    Walk_Away_Reengage_Budget_Max__c: 'Currency',
    Walk_Away_Reengage_Timeline__c: 'Date',
    Walk_Away_Reengage_Stakeholders__c: 'Checkbox',
    Walk_Away_Reengage_Scope__c: 'Checkbox',
    Walk_Away_Reengage_Notes__c: 'LongTextArea',
    Walk_Away_Buyer_Returned__c: 'Checkbox',
    Walk_Away_Buyer_Returned_On__c: 'Date',
    Walk_Away_Approved_Amount__c: 'Currency',
    Walk_Away_Justification__c: 'LongTextArea',
    Walk_Away_Deal_Size__c: 'Currency',
    Walk_Away_Buyer_Decision_Date__c: 'Date',
    Walk_Away_Buyer_Stakeholders_Aligned__c: 'Checkbox',
    Walk_Away_Buyer_Scope_Defined__c: 'Checkbox',
    Walk_Away_Lessons_Learned__c: 'LongTextArea',
  },
  User: { Walk_Away_Quarterly_Quota__c: 'Currency' },
  Walk_Away_Policy__mdt: {
    Active__c: 'Checkbox',
    Priority__c: 'Number',
    Min_Amount__c: 'Number',
    Max_Amount__c: 'Number',
    Min_Margin_Pct__c: 'Number',
    Target_Margin_Pct__c: 'Number',
    Margin_Basis__c: 'Text',
    Max_Liability_Cap_Months__c: 'Number',
    Max_Payment_Terms_Days__c: 'Number',
    Max_SLA_Uptime_Pct__c: 'Number',
    Focus_Industries__c: 'Text',
    Min_Annual_Revenue__c: 'Number',
    Currency_Iso_Code__c: 'Text',
    Segment_Industries__c: 'Text',
    Supported_Use_Cases__c: 'Text',
    Supported_Environments__c: 'Text',
    Max_Red_Flags__c: 'Number',
    Exception_Max_Age_Days__c: 'Number',
    Batna_Strong_Alternatives__c: 'Number',
    Batna_Weak_Alternatives__c: 'Number',
    Batna_Strong_Coverage_Pct__c: 'Number',
    Batna_Weak_Coverage_Pct__c: 'Number',
    Batna_Max_Deal_Share_Pct__c: 'Number',
    Batna_Late_Quarter_Days__c: 'Number',
    Description__c: 'TextArea',
    Max_Annual_Revenue__c: 'Number',
    Supported_Countries__c: 'Text',
  },
};

/** Picklist values as the contract spells them (the engine's lists are checked as well, below). */
const CONTRACT_VALUES: Record<string, readonly string[]> = {
  Walk_Away_Recommendation__c: ['Proceed', 'Approval Required', 'Walk Away', 'Insufficient Data'],
  Walk_Away_Approvals__c: ['VP', 'Legal', 'C-Level', 'Strategic Review'],
  Walk_Away_BATNA__c: ['Strong', 'Moderate', 'Weak', 'Unknown'],
  Walk_Away_Decision__c: ['Walked Away - Door Open', 'Walked Away - Door Closed', 'Exception Approved', 'Proceeding'],
  Walk_Away_Exit_Reason__c: [
    'Economics',
    'Unacceptable Risk',
    'Strategic Misfit',
    'Relationship Red Flags',
    'Opportunity Cost',
  ],
  Walk_Away_Findings__c: [
    'MISSING_COST',
    'MISSING_AMOUNT',
    'NO_POLICY',
    'BELOW_FLOOR',
    'BELOW_THRESHOLD',
    'UNLIMITED_LIABILITY',
    'LIABILITY_CAP_EXCEEDED',
    'IP_OWNERSHIP_TRANSFER',
    'PAYMENT_TERMS_EXCEEDED',
    'SLA_NOT_DELIVERABLE',
    'RISKY_TERMINATION',
    'UNCAPPED_INDEMNITY',
    'INDUSTRY_MISFIT',
    'COMPANY_TOO_SMALL',
    'COMPANY_TOO_LARGE',
    'GEOGRAPHY_MISFIT',
    'USE_CASE_MISFIT',
    'ENVIRONMENT_MISFIT',
    'RED_FLAGS_EXCEEDED',
    'RED_FLAGS_PRESENT',
    'WEAK_BATNA',
    'REENGAGEMENT_CONDITIONS_UNMET',
  ],
  Customer_Red_Flags__c: Object.values(RED_FLAGS).flat(),
  Use_Case__c: [
    'Sales Automation',
    'Customer Service',
    'Marketing Automation',
    'Analytics',
    'Custom Development',
    'Other',
  ],
  Technical_Environment__c: ['Salesforce', 'Microsoft Dynamics', 'SAP', 'Oracle', 'HubSpot', 'Custom Built', 'Other'],
};

/** What the engine writes, field by field. */
const ENGINE_VALUES: Record<string, readonly string[]> = {
  Walk_Away_Recommendation__c: VERDICTS,
  Walk_Away_Findings__c: FINDING_CODES,
  Walk_Away_Approvals__c: APPROVERS,
  Walk_Away_BATNA__c: BATNA_STRENGTHS,
  Walk_Away_Exit_Reason__c: EXIT_REASONS,
  Walk_Away_Decision__c: DECISIONS,
};

const opportunity = fieldsOf('Opportunity');
const valuesOf = (field: string): string[] => (opportunity.get(field)?.values ?? []).map((v) => v.api);

describe.each(Object.entries(CONTRACT))('%s', (object, contract) => {
  const defined = fieldsOf(object);
  test.each(Object.entries(contract))('%s is a %s field', (field, type) => {
    expect(defined.get(field)?.type).toBe(type);
  });
  test('every field has a description; every record field has help text a rep can read', () => {
    const undocumented = [...defined.values()].filter(
      (f) => f.description.length < 20 || (object !== 'Walk_Away_Policy__mdt' && f.helpText.length < 20),
    );
    expect(undocumented.map((f) => f.name)).toEqual([]);
  });
});

test.each(Object.entries(CONTRACT_VALUES))('%s has exactly the contract values, restricted', (field, values) => {
  expect(valuesOf(field)).toEqual([...values]);
  expect(opportunity.get(field)?.restricted).toBe(true);
});

test.each(Object.entries(ENGINE_VALUES))('every value the engine writes to %s exists', (field, values) => {
  expect([...values].sort()).toEqual(valuesOf(field).sort());
});

test('finding codes have readable labels, not the code itself', () => {
  const labels = opportunity.get('Walk_Away_Findings__c')?.values ?? [];
  expect(labels.filter((v) => v.label === v.api || !/[a-z]/.test(v.label))).toEqual([]);
});

test('every picklist on Opportunity is restricted', () => {
  const open = [...opportunity.values()].filter((f) => /Picklist$/.test(f.type) && !f.restricted);
  expect(open.map((f) => f.name)).toEqual([]);
});

test('the policy name is Text(40) and floor/threshold are Currency(16,2)', () => {
  expect(opportunity.get('Walk_Away_Policy__c')?.length).toBe(40);
  for (const field of ['Walk_Away_Floor__c', 'Walk_Away_Threshold__c']) {
    const f = opportunity.get(field);
    expect([f?.precision, f?.scale]).toEqual([18, 2]);
  }
});

test('every field the engine reads and writes exists', () => {
  const missing = [...INPUT_FIELDS, ...OUTPUT_FIELDS].filter((path) => !pathExists('Opportunity', path));
  expect(missing).toEqual([]);
});
