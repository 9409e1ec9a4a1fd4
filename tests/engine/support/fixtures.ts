// Builders for engine tests: a policy record as an admin writes it, an opportunity row as an
// export has it. Each test states only the fields it is about.
import { rankPolicies, readOpportunity, readPolicies, type Opportunity, type Policy } from '../../../src/engine';

export const DEFAULT_POLICY: Record<string, unknown> = {
  DeveloperName: 'Default',
  MasterLabel: 'Default',
  Active__c: true,
  Priority__c: 100,
  Min_Margin_Pct__c: 20,
  Target_Margin_Pct__c: 35,
  Margin_Basis__c: 'Cost',
  Max_Liability_Cap_Months__c: 12,
  Max_Payment_Terms_Days__c: 60,
  Max_SLA_Uptime_Pct__c: 99.9,
  Max_Red_Flags__c: 2,
};

export function policies(...records: Record<string, unknown>[]): Policy[] {
  return rankPolicies(readPolicies(records.length ? records : [DEFAULT_POLICY]));
}

/** The article's buyer: costs 80,000 + 25,000, standard terms. */
export const BUYER: Record<string, string> = {
  Id: '006000000000001AAA',
  Amount: '140000',
  Direct_Cost__c: '80000',
  Allocated_Overhead__c: '25000',
};

export function opportunity(fields: Record<string, unknown> = {}): Opportunity {
  const read = readOpportunity({ ...BUYER, ...fields });
  if (!read.ok) throw new Error(`fixture does not read: ${JSON.stringify(read.problems)}`);
  return read.opportunity;
}
