// Which policy judges a deal: active, currency, segment, amount band, priority, then name.
import { rankPolicies, readPolicies, scoreOpportunity, selectPolicy } from '../../src/engine';
import { DEFAULT_POLICY, opportunity } from './support/fixtures';

const ENTERPRISE = { ...DEFAULT_POLICY, DeveloperName: 'Enterprise', Priority__c: 10, Min_Amount__c: 500000 };
const MID = { ...DEFAULT_POLICY, DeveloperName: 'Mid', Priority__c: 10, Min_Amount__c: 100000, Max_Amount__c: 500000 };
const EUR = { ...DEFAULT_POLICY, DeveloperName: 'Euro', Priority__c: 1, Currency_Iso_Code__c: 'EUR' };
const GOV = { ...DEFAULT_POLICY, DeveloperName: 'Gov', Priority__c: 1, Segment_Industries__c: 'Government; Education' };
const OFF = { ...DEFAULT_POLICY, DeveloperName: 'Off', Priority__c: 0, Active__c: false };

const ranked = rankPolicies(readPolicies([DEFAULT_POLICY, ENTERPRISE, MID, EUR, GOV, OFF]));
const pick = (fields: Record<string, unknown>) =>
  selectPolicy(ranked, opportunity({ CurrencyIsoCode: 'USD', ...fields }))?.name ?? null;

describe('policy selection', () => {
  it('skips inactive policies', () => {
    expect(ranked.map((p) => p.name)).not.toContain('Off');
  });

  it('takes the band with min inclusive and max exclusive', () => {
    expect(pick({ Amount: '99999.99' })).toBe('Default');
    expect(pick({ Amount: '100000' })).toBe('Mid');
    expect(pick({ Amount: '499999.99' })).toBe('Mid');
    expect(pick({ Amount: '500000' })).toBe('Enterprise');
  });

  it('matches currency and segment when the policy names them', () => {
    expect(pick({ Amount: '50000', CurrencyIsoCode: 'EUR' })).toBe('Euro');
    expect(pick({ Amount: '50000', CurrencyIsoCode: 'USD' })).toBe('Default');
    expect(pick({ Amount: '50000', CurrencyIsoCode: 'USD', 'Account.Industry': 'Education' })).toBe('Gov');
  });

  it('matches currency and segment ignoring case and surrounding spaces', () => {
    expect(pick({ Amount: '50000', CurrencyIsoCode: 'eur' })).toBe('Euro');
    expect(pick({ Amount: '50000', CurrencyIsoCode: ' Eur ' })).toBe('Euro');
    expect(pick({ Amount: '50000', CurrencyIsoCode: 'usd', 'Account.Industry': ' EDUCATION ' })).toBe('Gov');
    const lower = rankPolicies(readPolicies([{ ...DEFAULT_POLICY, Currency_Iso_Code__c: ' usd ' }]));
    expect(selectPolicy(lower, opportunity({ Amount: '50000', CurrencyIsoCode: 'USD' }))?.name).toBe('Default');
  });

  it('judges a deal without a currency (single-currency org) by a currency policy too', () => {
    const usdOnly = rankPolicies(readPolicies([{ ...DEFAULT_POLICY, Currency_Iso_Code__c: 'USD' }]));
    expect(selectPolicy(usdOnly, opportunity({ Amount: '50000' }))?.name).toBe('Default');
    expect(selectPolicy(usdOnly, opportunity({ Amount: '50000', CurrencyIsoCode: 'IDR' }))).toBeNull();
  });

  it('judges a deal with a blank Amount by a policy without an amount band', () => {
    expect(pick({ Amount: '', CurrencyIsoCode: 'USD' })).toBe('Default');
  });

  it('breaks priority ties by DeveloperName, whatever the input order', () => {
    const a = { ...DEFAULT_POLICY, DeveloperName: 'Beta', Priority__c: 5 };
    const b = { ...DEFAULT_POLICY, DeveloperName: 'Alpha', Priority__c: 5 };
    expect(rankPolicies(readPolicies([a, b]))[0]?.name).toBe('Alpha');
    expect(rankPolicies(readPolicies([b, a]))[0]?.name).toBe('Alpha');
  });

  it('puts a blank priority after every numbered one', () => {
    const blank = { ...DEFAULT_POLICY, DeveloperName: 'Aaa', Priority__c: null };
    expect(rankPolicies(readPolicies([blank, DEFAULT_POLICY]))[0]?.name).toBe('Default');
  });

  it('gives NO_POLICY and Insufficient Data when nothing applies', () => {
    const only = rankPolicies(readPolicies([EUR]));
    const score = scoreOpportunity(opportunity({ CurrencyIsoCode: 'USD' }), only);
    expect(score.verdict).toBe('Insufficient Data');
    expect(score.findings.map((f) => f.code)).toContain('NO_POLICY');
    expect(score.floorCents).toBeNull();
  });
});
