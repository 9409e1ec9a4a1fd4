// The active walk-away policies, read from the org's custom metadata (every field of the type) and
// validated by the engine. An invalid policy stops the run before anything is written.
import type { Connection } from '@salesforce/core';
import { rankPolicies, readPolicies, type Policy } from '../engine/index.js';
import { fieldList, flatten, queryAll } from './soql.js';

export const POLICY_FIELDS = [
  'DeveloperName',
  'MasterLabel',
  'Active__c',
  'Priority__c',
  'Min_Amount__c',
  'Max_Amount__c',
  'Currency_Iso_Code__c',
  'Segment_Industries__c',
  'Min_Margin_Pct__c',
  'Target_Margin_Pct__c',
  'Margin_Basis__c',
  'Max_Liability_Cap_Months__c',
  'Max_Payment_Terms_Days__c',
  'Max_SLA_Uptime_Pct__c',
  'Focus_Industries__c',
  'Min_Annual_Revenue__c',
  'Supported_Use_Cases__c',
  'Supported_Environments__c',
  'Max_Red_Flags__c',
  'Batna_Strong_Alternatives__c',
  'Batna_Weak_Alternatives__c',
  'Batna_Strong_Coverage_Pct__c',
  'Batna_Weak_Coverage_Pct__c',
  'Batna_Max_Deal_Share_Pct__c',
  'Batna_Late_Quarter_Days__c',
] as const;

export const POLICY_SOQL = `SELECT ${fieldList(POLICY_FIELDS)} FROM Walk_Away_Policy__mdt WHERE Active__c = true`;

/** Active policies, ranked (throws the engine's PolicyError naming record and field). */
export async function readOrgPolicies(conn: Connection): Promise<Policy[]> {
  const records = (await queryAll(conn, POLICY_SOQL)).map((r) => flatten(r));
  return rankPolicies(readPolicies(records));
}
