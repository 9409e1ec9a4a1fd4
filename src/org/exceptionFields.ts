// What `walkaway audit` and `walkaway report` read of Walk-Away exceptions (Walk_Away_Exception__c,
// a Lookup child of the Opportunity), and of the approval snapshot the org writes on the deal when
// an exception is approved. The Walk_Away_Integration permission set grants exactly these
// (tests/metadata/permission-sets.test.ts compares them).

export const EXCEPTION_OBJECT = 'Walk_Away_Exception__c';

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
