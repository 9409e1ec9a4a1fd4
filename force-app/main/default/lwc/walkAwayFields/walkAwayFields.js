// The Opportunity fields the Walk-Away components read, through @salesforce/schema so that the platform knows the
// component depends on them. All are optional fields of getRecord: a field the user may not see is
// simply absent, and the engine treats it as blank.
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import NAME from '@salesforce/schema/Opportunity.Name';
import LAST_MODIFIED_DATE from '@salesforce/schema/Opportunity.LastModifiedDate';
import AMOUNT from '@salesforce/schema/Opportunity.Amount';
import DIRECT_COST from '@salesforce/schema/Opportunity.Direct_Cost__c';
import ALLOCATED_OVERHEAD from '@salesforce/schema/Opportunity.Allocated_Overhead__c';
import LIABILITY_CAP_MONTHS from '@salesforce/schema/Opportunity.Liability_Cap_Months__c';
import UNLIMITED_LIABILITY from '@salesforce/schema/Opportunity.Unlimited_Liability__c';
import IP_OWNERSHIP_TRANSFER from '@salesforce/schema/Opportunity.IP_Ownership_Transfer__c';
import PAYMENT_TERMS_DAYS from '@salesforce/schema/Opportunity.Payment_Terms_Days__c';
import SLA_UPTIME_PCT from '@salesforce/schema/Opportunity.SLA_Uptime_Pct__c';
import TERMINATION_FOR_CONVENIENCE from '@salesforce/schema/Opportunity.Termination_For_Convenience__c';
import UNCAPPED_INDEMNITY from '@salesforce/schema/Opportunity.Uncapped_Indemnity__c';
import CUSTOMER_RED_FLAGS from '@salesforce/schema/Opportunity.Customer_Red_Flags__c';
import USE_CASE from '@salesforce/schema/Opportunity.Use_Case__c';
import TECHNICAL_ENVIRONMENT from '@salesforce/schema/Opportunity.Technical_Environment__c';
import ACCOUNT_INDUSTRY from '@salesforce/schema/Opportunity.Account.Industry';
import ACCOUNT_ANNUAL_REVENUE from '@salesforce/schema/Opportunity.Account.AnnualRevenue';
import ACCOUNT_BILLING_COUNTRY from '@salesforce/schema/Opportunity.Account.BillingCountry';
import RECOMMENDATION from '@salesforce/schema/Opportunity.Walk_Away_Recommendation__c';
import FLOOR from '@salesforce/schema/Opportunity.Walk_Away_Floor__c';
import THRESHOLD from '@salesforce/schema/Opportunity.Walk_Away_Threshold__c';
import FINDINGS from '@salesforce/schema/Opportunity.Walk_Away_Findings__c';
import APPROVALS from '@salesforce/schema/Opportunity.Walk_Away_Approvals__c';
import BATNA from '@salesforce/schema/Opportunity.Walk_Away_BATNA__c';
import POLICY from '@salesforce/schema/Opportunity.Walk_Away_Policy__c';
import SCORED_AT from '@salesforce/schema/Opportunity.Walk_Away_Scored_At__c';
import DECISION from '@salesforce/schema/Opportunity.Walk_Away_Decision__c';
import EXIT_REASON from '@salesforce/schema/Opportunity.Walk_Away_Exit_Reason__c';
import DECIDED_ON from '@salesforce/schema/Opportunity.Walk_Away_Decided_On__c';
import REENGAGE_BUDGET_MIN from '@salesforce/schema/Opportunity.Walk_Away_Reengage_Budget_Min__c';
import REENGAGE_BUDGET_MAX from '@salesforce/schema/Opportunity.Walk_Away_Reengage_Budget_Max__c';
import REENGAGE_TIMELINE from '@salesforce/schema/Opportunity.Walk_Away_Reengage_Timeline__c';
import REENGAGE_STAKEHOLDERS from '@salesforce/schema/Opportunity.Walk_Away_Reengage_Stakeholders__c';
import REENGAGE_SCOPE from '@salesforce/schema/Opportunity.Walk_Away_Reengage_Scope__c';
import REENGAGE_NOTES from '@salesforce/schema/Opportunity.Walk_Away_Reengage_Notes__c';
import BUYER_RETURNED from '@salesforce/schema/Opportunity.Walk_Away_Buyer_Returned__c';
import BUYER_RETURNED_ON from '@salesforce/schema/Opportunity.Walk_Away_Buyer_Returned_On__c';
import APPROVED_AMOUNT from '@salesforce/schema/Opportunity.Walk_Away_Approved_Amount__c';
import JUSTIFICATION from '@salesforce/schema/Opportunity.Walk_Away_Justification__c';
import LESSONS_LEARNED from '@salesforce/schema/Opportunity.Walk_Away_Lessons_Learned__c';

export { OPPORTUNITY_OBJECT };

/** The picklists the decision form offers (getPicklistValues: the org's values and translations). */
export const DECISION_FIELD = DECISION;
export const EXIT_REASON_FIELD = EXIT_REASON;

/**
 * CurrencyIsoCode exists only in multi-currency orgs. A schema import of it would stop the
 * component from deploying to any other org, so it is asked for by name as an optional field.
 */
export const CURRENCY_ISO_CODE = 'Opportunity.CurrencyIsoCode';

/**
 * Walk_Away_Deal_Size__c picks the policy's amount band; the panel stores Amount in it when the
 * deal is first scored. Walk_Away_Approved_Exception__c is the approved, current exception (written
 * by the exception triggers). Asked for by name as optional fields, so that the panel deploys and
 * works in an org that does not have them yet.
 */
export const DEAL_SIZE = 'Opportunity.Walk_Away_Deal_Size__c';
export const APPROVED_EXCEPTION = 'Opportunity.Walk_Away_Approved_Exception__c';

/**
 * What holds now that the buyer came back, against the re-engagement conditions (the engine's
 * REENGAGEMENT_CONDITIONS_UNMET). Asked for by name as optional fields, like the deal size.
 */
export const BUYER_DECISION_DATE = 'Opportunity.Walk_Away_Buyer_Decision_Date__c';
export const BUYER_STAKEHOLDERS_ALIGNED = 'Opportunity.Walk_Away_Buyer_Stakeholders_Aligned__c';
export const BUYER_SCOPE_DEFINED = 'Opportunity.Walk_Away_Buyer_Scope_Defined__c';

export const INPUT_FIELDS = [
  AMOUNT,
  DIRECT_COST,
  ALLOCATED_OVERHEAD,
  LIABILITY_CAP_MONTHS,
  UNLIMITED_LIABILITY,
  IP_OWNERSHIP_TRANSFER,
  PAYMENT_TERMS_DAYS,
  SLA_UPTIME_PCT,
  TERMINATION_FOR_CONVENIENCE,
  UNCAPPED_INDEMNITY,
  CUSTOMER_RED_FLAGS,
  USE_CASE,
  TECHNICAL_ENVIRONMENT,
  ACCOUNT_INDUSTRY,
  ACCOUNT_ANNUAL_REVENUE,
  ACCOUNT_BILLING_COUNTRY,
  DEAL_SIZE,
  BUYER_DECISION_DATE,
  BUYER_STAKEHOLDERS_ALIGNED,
  BUYER_SCOPE_DEFINED,
];

/** Written by the panel (and by the CLI) whenever the verdict changes. */
export const OUTPUT_FIELDS = [RECOMMENDATION, FLOOR, THRESHOLD, FINDINGS, APPROVALS, BATNA, POLICY, SCORED_AT];

/** Entered by the rep in the decision form (c-walk-away-decision). */
export const DECISION_FIELDS = [
  DECISION,
  EXIT_REASON,
  DECIDED_ON,
  REENGAGE_BUDGET_MIN,
  REENGAGE_BUDGET_MAX,
  REENGAGE_TIMELINE,
  REENGAGE_STAKEHOLDERS,
  REENGAGE_SCOPE,
  REENGAGE_NOTES,
  BUYER_RETURNED,
  BUYER_RETURNED_ON,
  JUSTIFICATION,
  LESSONS_LEARNED,
];

/** Read, never written by the panel: set when approvers approve an exception. */
export const EXCEPTION_FIELDS = [APPROVED_AMOUNT, APPROVED_EXCEPTION];

/** Everything getRecord is asked for, all as optional fields. */
export const RECORD_FIELDS = [
  NAME,
  LAST_MODIFIED_DATE,
  CURRENCY_ISO_CODE,
  ...INPUT_FIELDS,
  ...OUTPUT_FIELDS,
  ...DECISION_FIELDS,
  ...EXCEPTION_FIELDS,
];

/** The API name of a field reference (schema import or `Object.Field` string), without the object. */
export function fieldName(field) {
  const name = typeof field === 'string' ? field : field.fieldApiName;
  return name.startsWith('Opportunity.') ? name.slice('Opportunity.'.length) : name;
}

export const F = {
  NAME: fieldName(NAME),
  LAST_MODIFIED_DATE: fieldName(LAST_MODIFIED_DATE),
  CURRENCY_ISO_CODE: fieldName(CURRENCY_ISO_CODE),
  AMOUNT: fieldName(AMOUNT),
  DEAL_SIZE: fieldName(DEAL_SIZE),
  APPROVED_EXCEPTION: fieldName(APPROVED_EXCEPTION),
  RECOMMENDATION: fieldName(RECOMMENDATION),
  SCORED_AT: fieldName(SCORED_AT),
  DECISION: fieldName(DECISION),
  EXIT_REASON: fieldName(EXIT_REASON),
  DECIDED_ON: fieldName(DECIDED_ON),
  REENGAGE_BUDGET_MIN: fieldName(REENGAGE_BUDGET_MIN),
  REENGAGE_BUDGET_MAX: fieldName(REENGAGE_BUDGET_MAX),
  REENGAGE_TIMELINE: fieldName(REENGAGE_TIMELINE),
  REENGAGE_STAKEHOLDERS: fieldName(REENGAGE_STAKEHOLDERS),
  REENGAGE_SCOPE: fieldName(REENGAGE_SCOPE),
  REENGAGE_NOTES: fieldName(REENGAGE_NOTES),
  BUYER_RETURNED: fieldName(BUYER_RETURNED),
  BUYER_RETURNED_ON: fieldName(BUYER_RETURNED_ON),
  APPROVED_AMOUNT: fieldName(APPROVED_AMOUNT),
  JUSTIFICATION: fieldName(JUSTIFICATION),
  LESSONS_LEARNED: fieldName(LESSONS_LEARNED),
};

export { flattenRecord, centsOf, pipelineFigures } from './record';
