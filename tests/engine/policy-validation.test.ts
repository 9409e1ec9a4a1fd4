// An invalid policy is an error naming the record and the field.
import { PolicyError, readPolicies, readPolicy } from '../../src/engine';
import { DEFAULT_POLICY } from './support/fixtures';

function issuesOf(record: Record<string, unknown>): { policy: string; field: string; message: string }[] {
  try {
    readPolicy(record);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).issues.map(({ policy, field, message }) => ({ policy, field, message }));
  }
  throw new Error('expected the policy to be rejected');
}

describe('policy validation', () => {
  it('reads the default policy with its defaults filled in', () => {
    const policy = readPolicy(DEFAULT_POLICY);
    expect(policy).toMatchObject({
      name: 'Default',
      active: true,
      basis: 'Cost',
      minMarginBp: 2000,
      targetMarginBp: 3500,
    });
    expect(policy.batna.strongAlternatives).toBe(5);
    expect(policy.maxSlaUptimeMilli).toBe(99_900);
  });

  it.each([
    [{ Min_Margin_Pct__c: -1 }, 'Min_Margin_Pct__c', 'must be at least 0'],
    [{ Target_Margin_Pct__c: 'high' }, 'Target_Margin_Pct__c', 'must be a number'],
    [{ Min_Margin_Pct__c: undefined }, 'Min_Margin_Pct__c', 'must be a number'],
    [{ Margin_Basis__c: 'Revenue' }, 'Margin_Basis__c', 'must be one of Cost, Price'],
    [{ Target_Margin_Pct__c: 10 }, 'Target_Margin_Pct__c', 'must be at least Min_Margin_Pct__c (20)'],
    [
      { Margin_Basis__c: 'Price', Target_Margin_Pct__c: 100 },
      'Target_Margin_Pct__c',
      'must be below 100 when Margin_Basis__c is Price',
    ],
    [{ Min_Amount__c: 500000, Max_Amount__c: 100000 }, 'Max_Amount__c', 'must be above Min_Amount__c (500000)'],
    [{ Min_Margin_Pct__c: 20.125 }, 'Min_Margin_Pct__c', 'must have at most two decimals'],
    [{ Max_SLA_Uptime_Pct__c: 101 }, 'Max_SLA_Uptime_Pct__c', 'must be at most 100'],
    [{ Max_Red_Flags__c: 1.5 }, 'Max_Red_Flags__c', 'must be a whole number'],
    [{ Currency_Iso_Code__c: 'US' }, 'Currency_Iso_Code__c', 'has an invalid format'],
    [{ Currency_Iso_Code__c: 'US$' }, 'Currency_Iso_Code__c', 'has an invalid format'],
    [
      { Max_Annual_Revenue__c: 1000, Min_Annual_Revenue__c: 5000 },
      'Max_Annual_Revenue__c',
      'must be at least Min_Annual_Revenue__c (5000)',
    ],
    [{ Max_Annual_Revenue__c: -1 }, 'Max_Annual_Revenue__c', 'must be at least 0'],
    [{ Batna_Weak_Alternatives__c: 6 }, 'Batna_Strong_Alternatives__c', 'must be above Batna_Weak_Alternatives__c (6)'],
  ])('rejects %j naming %s', (change, field, message) => {
    expect(issuesOf({ ...DEFAULT_POLICY, ...change })).toContainEqual({ policy: 'Default', field, message });
  });

  it('reads a currency in any case with spaces around as its ISO code', () => {
    expect(readPolicy({ ...DEFAULT_POLICY, Currency_Iso_Code__c: ' usd ' }).currency).toBe('USD');
  });

  it('refuses a field the policy type does not have, naming the record and the field', () => {
    expect(issuesOf({ ...DEFAULT_POLICY, Max_Annual_Revenu__c: 100, Min_Margin_Pct__c: 20 })).toEqual([
      { policy: 'Default', field: 'Max_Annual_Revenu__c', message: 'is not a field of Walk_Away_Policy__mdt' },
    ]);
    // Even a blank one: the admin meant something by it.
    expect(issuesOf({ ...DEFAULT_POLICY, Geography__c: null })).toEqual([
      { policy: 'Default', field: 'Geography__c', message: 'is not a field of Walk_Away_Policy__mdt' },
    ]);
  });

  it('accepts the standard fields of a custom metadata record', () => {
    const record = { ...DEFAULT_POLICY, Id: 'm00000000000001', Label: 'Default', QualifiedApiName: 'Default' };
    expect(readPolicy(record).name).toBe('Default');
  });

  it('reports every invalid record of a set at once, and duplicate names', () => {
    const records = [
      { ...DEFAULT_POLICY, DeveloperName: 'Small', Min_Margin_Pct__c: 'x' },
      { ...DEFAULT_POLICY, DeveloperName: 'Large', Margin_Basis__c: 'x' },
      DEFAULT_POLICY,
      DEFAULT_POLICY,
    ];
    expect(() => readPolicies(records)).toThrow(PolicyError);
    try {
      readPolicies(records);
    } catch (error) {
      const msg = (error as Error).message;
      expect(msg).toContain('Policy Small: Min_Margin_Pct__c must be a number (value: "x")');
      expect(msg).toContain('Policy Large: Margin_Basis__c must be one of Cost, Price');
      expect(msg).toContain('Policy Default: DeveloperName is used by two records');
    }
  });
});
