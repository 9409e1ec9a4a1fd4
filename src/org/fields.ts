// The fields each org command reads and writes, in one place: the snapshot query (score, simulate,
// audit), the report query, and the rescore's write. The Walk_Away_Integration permission set
// grants exactly these (tests/metadata/permission-sets.test.ts compares them), so that the CLI runs
// as a user holding that permission set and nothing more.
import { INPUT_FIELDS, OUTPUT_FIELDS } from '../engine/index.js';

export const SCORED_AT = 'Walk_Away_Scored_At__c';
/** Changes on every write by anyone (also system updates): the lost-update check compares it. */
export const MODSTAMP = 'SystemModstamp';
/** What the audit reads of a decision: an approved exception and its amount. */
export const AUDIT_DECISION_FIELDS = ['Walk_Away_Decision__c', 'Walk_Away_Approved_Amount__c'] as const;
export const PIPELINE_FIELDS = ['OwnerId', 'AccountId', 'CloseDate', 'Probability', 'IsClosed', 'IsWon'] as const;

/** What `walkaway score` writes: the engine's outputs and the time of scoring. */
export const WRITTEN_FIELDS = [...OUTPUT_FIELDS, SCORED_AT] as const;

/** Every Opportunity field the snapshot (score, simulate, audit) reads; CurrencyIsoCode only where the org has it. */
export function opportunityFields(multiCurrency: boolean): string[] {
  const fields = new Set<string>([
    ...INPUT_FIELDS,
    'Name',
    ...PIPELINE_FIELDS,
    ...OUTPUT_FIELDS,
    SCORED_AT,
    ...AUDIT_DECISION_FIELDS,
    'LastModifiedDate',
    MODSTAMP,
  ]);
  if (!multiCurrency) fields.delete('CurrencyIsoCode');
  return [...fields];
}

/** Opportunity fields the snapshot needs to see (deployed, and readable by the running user). */
export const REQUIRED_FIELDS = opportunityFields(false).filter((f) => !f.includes('.'));

/** What `walkaway report` reads (Opportunity fields, Owner.Name through the relationship). */
export const REPORT_FIELDS = [
  'Id',
  'Name',
  'OwnerId',
  'Owner.Name',
  'Amount',
  'Walk_Away_Decision__c',
  'Walk_Away_Exit_Reason__c',
  'Walk_Away_Decided_On__c',
  'Walk_Away_Recommendation__c',
  'Walk_Away_Approvals__c',
  'Walk_Away_Buyer_Returned__c',
  'Walk_Away_Buyer_Returned_On__c',
  'Walk_Away_Reengage_Budget_Min__c',
  'Walk_Away_Reengage_Budget_Max__c',
  'Walk_Away_Lessons_Learned__c',
] as const;

/** User fields the snapshot reads (the quota each owner's BATNA is judged against). */
export const USER_FIELDS = ['Id', 'Walk_Away_Quarterly_Quota__c'] as const;
