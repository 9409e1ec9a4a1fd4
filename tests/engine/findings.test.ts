// Every finding code, what triggers it, and the boundary where it starts.
import { FINDING_CODES, scoreOpportunity, type FindingCode } from '../../src/engine';
import { DEFAULT_POLICY, opportunity, policies } from './support/fixtures';

const FIT_POLICY = {
  ...DEFAULT_POLICY,
  Focus_Industries__c: 'Financial Services;Healthcare',
  Min_Annual_Revenue__c: 50_000_000,
  Max_Annual_Revenue__c: 900_000_000,
  Supported_Countries__c: 'ID;SG',
  Supported_Use_Cases__c: 'Sales Automation;Customer Service',
  Supported_Environments__c: 'Salesforce;SAP',
};
const FIT_OK = {
  Amount: '155000',
  'Account.Industry': 'Healthcare',
  'Account.AnnualRevenue': '50000000',
  Use_Case__c: 'Sales Automation',
  Technical_Environment__c: 'SAP',
  'Account.BillingCountry': 'Indonesia',
};

const codesOf = (fields: Record<string, unknown>, policy = DEFAULT_POLICY): FindingCode[] =>
  scoreOpportunity(opportunity(fields), policies(policy)).findings.map((f) => f.code);

describe('findings', () => {
  const cases: [FindingCode, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
    // code, fields that trigger it, fields just inside the limit, policy
    ['MISSING_AMOUNT', { Amount: '' }, { Amount: '0.01' }, DEFAULT_POLICY],
    ['MISSING_COST', { Allocated_Overhead__c: '' }, { Allocated_Overhead__c: '0' }, DEFAULT_POLICY],
    ['BELOW_FLOOR', { Amount: '125999.99' }, { Amount: '126000' }, DEFAULT_POLICY],
    ['BELOW_THRESHOLD', { Amount: '141749.99' }, { Amount: '141750' }, DEFAULT_POLICY],
    ['UNLIMITED_LIABILITY', { Unlimited_Liability__c: 'true' }, { Unlimited_Liability__c: 'false' }, DEFAULT_POLICY],
    ['LIABILITY_CAP_EXCEEDED', { Liability_Cap_Months__c: '13' }, { Liability_Cap_Months__c: '12' }, DEFAULT_POLICY],
    ['IP_OWNERSHIP_TRANSFER', { IP_Ownership_Transfer__c: '1' }, { IP_Ownership_Transfer__c: '0' }, DEFAULT_POLICY],
    ['PAYMENT_TERMS_EXCEEDED', { Payment_Terms_Days__c: '61' }, { Payment_Terms_Days__c: '60' }, DEFAULT_POLICY],
    ['SLA_NOT_DELIVERABLE', { SLA_Uptime_Pct__c: '99.91' }, { SLA_Uptime_Pct__c: '99.9' }, DEFAULT_POLICY],
    [
      'RISKY_TERMINATION',
      { Termination_For_Convenience__c: 'TRUE' },
      { Termination_For_Convenience__c: '' },
      DEFAULT_POLICY,
    ],
    ['UNCAPPED_INDEMNITY', { Uncapped_Indemnity__c: true }, { Uncapped_Indemnity__c: false }, DEFAULT_POLICY],
    ['INDUSTRY_MISFIT', { ...FIT_OK, 'Account.Industry': 'Retail' }, FIT_OK, FIT_POLICY],
    ['COMPANY_TOO_SMALL', { ...FIT_OK, 'Account.AnnualRevenue': '49999999' }, FIT_OK, FIT_POLICY],
    ['COMPANY_TOO_LARGE', { ...FIT_OK, 'Account.AnnualRevenue': '900000001' }, FIT_OK, FIT_POLICY],
    ['GEOGRAPHY_MISFIT', { ...FIT_OK, 'Account.BillingCountry': 'Brazil' }, FIT_OK, FIT_POLICY],
    ['USE_CASE_MISFIT', { ...FIT_OK, Use_Case__c: 'Analytics' }, FIT_OK, FIT_POLICY],
    ['ENVIRONMENT_MISFIT', { ...FIT_OK, Technical_Environment__c: 'Oracle' }, FIT_OK, FIT_POLICY],
    [
      'RED_FLAGS_EXCEEDED',
      { Customer_Red_Flags__c: 'Unrealistic ROI;Unrealistic Timeline;Financial Instability' },
      { Customer_Red_Flags__c: 'Unrealistic ROI;Unrealistic Timeline' },
      DEFAULT_POLICY,
    ],
    ['RED_FLAGS_PRESENT', { Customer_Red_Flags__c: 'Unrealistic ROI' }, { Customer_Red_Flags__c: '' }, DEFAULT_POLICY],
  ];

  it.each(cases)('%s is raised past its limit and not at it', (code, trigger, inside, policy) => {
    expect(codesOf({ Amount: '155000', ...trigger }, policy)).toContain(code);
    expect(codesOf({ Amount: '155000', ...inside }, policy)).not.toContain(code);
  });

  it('covers every finding code but the ones tested elsewhere (NO_POLICY, WEAK_BATNA, re-engagement)', () => {
    const tested = new Set<string>([
      ...cases.map((c) => c[0]),
      'NO_POLICY',
      'WEAK_BATNA',
      'REENGAGEMENT_CONDITIONS_UNMET', // tests/engine/reengagement.test.ts
    ]);
    expect(FINDING_CODES.filter((c) => !tested.has(c))).toEqual([]);
  });

  it('treats an unknown industry, revenue or country under a restriction as a misfit, an unknown use case as none', () => {
    const codes = codesOf({ Amount: '155000' }, FIT_POLICY);
    expect(codes).toEqual(['INDUSTRY_MISFIT', 'COMPANY_TOO_SMALL', 'GEOGRAPHY_MISFIT']);
  });

  it('checks the non-negotiable checkboxes even when no policy applies', () => {
    const score = scoreOpportunity(opportunity({ Unlimited_Liability__c: 'true' }), []);
    expect(score.findings.map((f) => f.code)).toEqual(['NO_POLICY', 'UNLIMITED_LIABILITY']);
    expect(score.verdict).toBe('Walk Away');
  });

  it('explains each finding with the figures behind it', () => {
    const score = scoreOpportunity(opportunity({ Amount: '100000', Payment_Terms_Days__c: '90' }), policies());
    expect(score.findings).toEqual([
      expect.objectContaining({
        code: 'BELOW_FLOOR',
        field: 'Amount',
        figures: { amountCents: 10_000_000, floorCents: 12_600_000, thresholdCents: 14_175_000, gapCents: 2_600_000 },
      }),
      expect.objectContaining({ code: 'PAYMENT_TERMS_EXCEEDED', figures: { askedDays: 90, maxDays: 60 } }),
    ]);
  });

  it('names both blank cost fields', () => {
    const score = scoreOpportunity(opportunity({ Direct_Cost__c: '', Allocated_Overhead__c: ' ' }), policies());
    expect(score.findings[0]).toMatchObject({
      code: 'MISSING_COST',
      figures: { fields: ['Direct_Cost__c', 'Allocated_Overhead__c'] },
    });
  });
});
