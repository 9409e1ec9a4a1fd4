// Fit both ways and geography (domain.md section 3: "wrong size: too small or too large", "wrong
// geography"): COMPANY_TOO_LARGE and GEOGRAPHY_MISFIT need a strategic review.
import { countryCode, readPolicy, scoreOpportunity, PolicyError } from '../../src/engine';
import { DEFAULT_POLICY, opportunity, policies } from './support/fixtures';

const SIZE = { ...DEFAULT_POLICY, Min_Annual_Revenue__c: 50_000_000, Max_Annual_Revenue__c: 5_000_000_000 };
const GEO = { ...DEFAULT_POLICY, Supported_Countries__c: 'ID; sg ;Malaysia; United Kingdom' };
const OK = { Amount: '155000' };
const codes = (fields: Record<string, unknown>, policy: Record<string, unknown>) =>
  scoreOpportunity(opportunity({ ...OK, ...fields }), policies(policy)).findings.map((f) => f.code);

describe('company size, both ways', () => {
  it.each([
    ['49999999', ['COMPANY_TOO_SMALL']],
    ['50000000', []],
    ['5000000000', []],
    ['5000000001', ['COMPANY_TOO_LARGE']],
  ])('revenue %s gives %j', (revenue, expected) => {
    expect(codes({ 'Account.AnnualRevenue': revenue }, SIZE)).toEqual(expected);
  });

  it('a too-large company needs a strategic review, nothing more', () => {
    const score = scoreOpportunity(
      opportunity({ ...OK, 'Account.AnnualRevenue': '9000000000' }),
      policies({ ...DEFAULT_POLICY, Max_Annual_Revenue__c: 5_000_000_000 }),
    );
    expect(score.verdict).toBe('Approval Required');
    expect(score.approvals).toEqual(['Strategic Review']);
    expect(score.findings[0]?.figures).toEqual({ annualRevenue: 9_000_000_000, maxAnnualRevenue: 5_000_000_000 });
  });

  it('an unknown revenue under a maximum only is no finding (it cannot be shown too large)', () => {
    expect(codes({}, { ...DEFAULT_POLICY, Max_Annual_Revenue__c: 5_000_000_000 })).toEqual([]);
  });
});

describe('geography', () => {
  it.each([
    ['ID', []],
    ['Indonesia', []],
    [' indonesia ', []],
    ['SG', []],
    ['Singapore', []],
    ['gb', []],
    ['UK', []],
    ['Great Britain', []],
    ['MY', []],
    ['Australia', ['GEOGRAPHY_MISFIT']],
    ['US', ['GEOGRAPHY_MISFIT']],
    ['Narnia', ['GEOGRAPHY_MISFIT']],
    ['', ['GEOGRAPHY_MISFIT']],
  ])('billing country %j gives %j', (country, expected) => {
    expect(codes({ 'Account.BillingCountry': country }, GEO)).toEqual(expected);
  });

  it('names the country and the countries served, as codes', () => {
    const score = scoreOpportunity(opportunity({ ...OK, 'Account.BillingCountry': 'Australia' }), policies(GEO));
    expect(score.verdict).toBe('Approval Required');
    expect(score.approvals).toEqual(['Strategic Review']);
    expect(score.findings[0]).toMatchObject({
      code: 'GEOGRAPHY_MISFIT',
      field: 'Account.BillingCountry',
      figures: { country: 'Australia', countryCode: 'AU', served: ['ID', 'SG', 'MY', 'GB'] },
    });
  });

  it('a policy without countries serves every country, a blank one too', () => {
    expect(codes({ 'Account.BillingCountry': 'Narnia' }, DEFAULT_POLICY)).toEqual([]);
    expect(codes({}, DEFAULT_POLICY)).toEqual([]);
  });

  it('refuses a policy naming a country that does not exist, naming record, field and country', () => {
    expect(() => readPolicy({ ...DEFAULT_POLICY, Supported_Countries__c: 'ID;Atlantis' })).toThrow(PolicyError);
    expect(() => readPolicy({ ...DEFAULT_POLICY, Supported_Countries__c: 'ID;Atlantis' })).toThrow(
      'Policy Default: Supported_Countries__c names "Atlantis", which is not an ISO 3166 country code or English country name (value: "ID;Atlantis")',
    );
  });
});

describe('countryCode (ISO 3166 alpha-2 from the generated table)', () => {
  it.each([
    ['ID', 'ID'],
    ['id', 'ID'],
    ['Indonesia', 'ID'],
    ['gb', 'GB'],
    ['United Kingdom', 'GB'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ["Côte d'Ivoire", 'CI'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Vietnam', 'VN'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Republic of the Congo', 'CG'],
  ])('%j is %s', (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it('knows nothing made up, and leaves out a name two countries share', () => {
    expect(countryCode('XX')).toBeNull();
    expect(countryCode('Congo')).toBeNull(); // two countries carry that name: ambiguous, left out
    expect(countryCode('')).toBeNull();
    expect(countryCode(null)).toBeNull();
  });
});
