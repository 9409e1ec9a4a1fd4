// What `walkaway audit` and `walkaway report` read of Walk-Away exceptions (Walk_Away_Exception__c,
// a Lookup child of the Opportunity), and of the approval snapshot the org writes on the deal when
// an exception is approved. The Walk_Away_Integration permission set grants exactly these
// (tests/metadata/permission-sets.test.ts compares them).

export const EXCEPTION_OBJECT = 'Walk_Away_Exception__c';

/** Status__c values (the picklist, tied by tests/metadata/exceptions.test.ts). */
export const EXCEPTION_STATUSES = ['Requested', 'Approved', 'Rejected', 'Recalled', 'Stale'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

/** Who approved each step, and when, by approver (the engine's APPROVERS). */
export const APPROVER_STEP_FIELDS = {
  VP: { approver: 'VP_Approver__c', approvedOn: 'VP_Approved_On__c' },
  Legal: { approver: 'Legal_Approver__c', approvedOn: 'Legal_Approved_On__c' },
  'C-Level': { approver: 'C_Level_Approver__c', approvedOn: 'C_Level_Approved_On__c' },
  'Strategic Review': { approver: 'Strategic_Approver__c', approvedOn: 'Strategic_Approved_On__c' },
} as const;

/** Exception fields the audit and the report read. */
export const EXCEPTION_FIELDS = [
  'Id',
  'Name',
  'Opportunity__c',
  'Status__c',
  'Findings__c',
  'Approvers__c',
  'Amount__c',
  'Policy__c',
  'Terms__c',
  'Requested_By__c',
  'Requested_On__c',
  ...Object.values(APPROVER_STEP_FIELDS).flatMap((s) => [s.approver, s.approvedOn]),
  'Decided_On__c',
  'Stale_Reason__c',
] as const;

/** A lookup's parent relationship in SOQL: VP_Approver__c -> VP_Approver__r. */
export const relationOf = (lookup: string): string => lookup.replace(/__c$/, '__r');

/** Through the lookups: the people's names and the deal (fields without field-level security, or read above). */
export const EXCEPTION_PARENT_FIELDS = [
  `${relationOf('Requested_By__c')}.Name`,
  ...Object.values(APPROVER_STEP_FIELDS).map((s) => `${relationOf(s.approver)}.Name`),
  'Opportunity__r.Name',
  'Opportunity__r.OwnerId',
  'Opportunity__r.Amount',
  'Opportunity__r.IsClosed',
  'Opportunity__r.IsWon',
  'Opportunity__r.CloseDate',
  'Opportunity__r.Walk_Away_Recommendation__c',
] as const;
