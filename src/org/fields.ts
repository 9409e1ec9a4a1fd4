// The Opportunity fields the org commands read: the engine's inputs, the pipeline figures, the
// stored outputs and the decision fields (contract.md, docs/contract-additions.md).
import { INPUT_FIELDS, OUTPUT_FIELDS } from '../engine/index.js';

export const SCORED_AT = 'Walk_Away_Scored_At__c';
export const DECISION_FIELDS = [
  'Walk_Away_Decision__c',
  'Walk_Away_Exit_Reason__c',
  'Walk_Away_Decided_On__c',
  'Walk_Away_Approved_Amount__c',
  'Walk_Away_Buyer_Returned__c',
  'Walk_Away_Buyer_Returned_On__c',
] as const;
export const PIPELINE_FIELDS = ['OwnerId', 'AccountId', 'CloseDate', 'Probability', 'IsClosed', 'IsWon'] as const;

/** Every field the rescore and the audit read; CurrencyIsoCode only where the org has it. */
export function opportunityFields(multiCurrency: boolean): string[] {
  const fields = new Set<string>([
    ...INPUT_FIELDS,
    'Name',
    ...PIPELINE_FIELDS,
    ...OUTPUT_FIELDS,
    SCORED_AT,
    ...DECISION_FIELDS,
    'LastModifiedDate',
  ]);
  if (!multiCurrency) fields.delete('CurrencyIsoCode');
  return [...fields];
}

/** Custom fields the package must have deployed for the org commands to run. */
export const REQUIRED_CUSTOM_FIELDS = [
  ...INPUT_FIELDS.filter((f) => f.endsWith('__c')),
  ...OUTPUT_FIELDS,
  SCORED_AT,
  ...DECISION_FIELDS,
];
