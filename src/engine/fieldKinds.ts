// What kind of value each field the engine reads holds: the one list the export reader (which
// converts spreadsheet-formatted cells by kind) and the panel preview (which types CSV cells the
// way LDS would) take their columns from. readOpportunity reads each input field as its kind says
// (tests/engine/field-kinds.test.ts holds the two together).
import type { InputField } from './opportunity.js';

export type FieldKind = 'id' | 'text' | 'picklist' | 'multipicklist' | 'number' | 'boolean' | 'date';

/** The kind of every field of INPUT_FIELDS (a field missing here does not compile). */
export const INPUT_FIELD_KINDS = {
  Id: 'id',
  Amount: 'number',
  CurrencyIsoCode: 'picklist',
  Direct_Cost__c: 'number',
  Allocated_Overhead__c: 'number',
  Liability_Cap_Months__c: 'number',
  Unlimited_Liability__c: 'boolean',
  IP_Ownership_Transfer__c: 'boolean',
  Payment_Terms_Days__c: 'number',
  SLA_Uptime_Pct__c: 'number',
  Termination_For_Convenience__c: 'boolean',
  Uncapped_Indemnity__c: 'boolean',
  Customer_Red_Flags__c: 'multipicklist',
  Use_Case__c: 'picklist',
  Technical_Environment__c: 'picklist',
  'Account.Industry': 'picklist',
  'Account.AnnualRevenue': 'number',
  Walk_Away_Deal_Size__c: 'number',
  'Account.BillingCountry': 'text',
  Walk_Away_Buyer_Returned__c: 'boolean',
  Walk_Away_Reengage_Budget_Min__c: 'number',
  Walk_Away_Reengage_Timeline__c: 'date',
  Walk_Away_Reengage_Stakeholders__c: 'boolean',
  Walk_Away_Reengage_Scope__c: 'boolean',
  Walk_Away_Buyer_Decision_Date__c: 'date',
  Walk_Away_Buyer_Stakeholders_Aligned__c: 'boolean',
  Walk_Away_Buyer_Scope_Defined__c: 'boolean',
} as const satisfies Record<InputField, FieldKind>;

/** The fields of an owner's pipeline that BATNA is computed from (pipeline.ts reads them). */
export const PIPELINE_FIELD_KINDS = {
  OwnerId: 'id',
  CloseDate: 'date',
  Probability: 'number',
  IsClosed: 'boolean',
  IsWon: 'boolean',
  'Owner.Walk_Away_Quarterly_Quota__c': 'number',
} as const satisfies Record<string, FieldKind>;

/** The fields, input and pipeline, that hold values of `kind`. */
export function fieldsOfKind(kind: FieldKind): string[] {
  const all: Record<string, FieldKind> = { ...INPUT_FIELD_KINDS, ...PIPELINE_FIELD_KINDS };
  return Object.keys(all).filter((field) => all[field] === kind);
}
