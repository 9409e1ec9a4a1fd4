// Every piece of text the exception component shows, from Custom Labels (translated in translations/).
import Heading from '@salesforce/label/c.WalkAway_Exc_Heading';
import Request from '@salesforce/label/c.WalkAway_Exc_Request';
import Justification from '@salesforce/label/c.WalkAway_Exc_Justification';
import JustificationTooShort from '@salesforce/label/c.WalkAway_Exc_JustificationTooShort';
import Submit from '@salesforce/label/c.WalkAway_Exc_Submit';
import Cancel from '@salesforce/label/c.WalkAway_Exc_Cancel';
import NoneBelowFloor from '@salesforce/label/c.WalkAway_Exc_NoneBelowFloor';
import RequestedBy from '@salesforce/label/c.WalkAway_Exc_RequestedBy';
import ApprovedBy from '@salesforce/label/c.WalkAway_Exc_ApprovedBy';
import Waiting from '@salesforce/label/c.WalkAway_Exc_Waiting';
import Applies from '@salesforce/label/c.WalkAway_Exc_Applies';
import Stale from '@salesforce/label/c.WalkAway_Exc_Stale';
import Approve from '@salesforce/label/c.WalkAway_Exc_Approve';
import Reject from '@salesforce/label/c.WalkAway_Exc_Reject';
import Comment from '@salesforce/label/c.WalkAway_Exc_Comment';
import ErrorTitle from '@salesforce/label/c.WalkAway_Exc_ErrorTitle';
import Sent from '@salesforce/label/c.WalkAway_Exc_Sent';
import StatusRequested from '@salesforce/label/c.WalkAway_Exc_Status_Requested';
import StatusApproved from '@salesforce/label/c.WalkAway_Exc_Status_Approved';
import StatusRejected from '@salesforce/label/c.WalkAway_Exc_Status_Rejected';
import StatusRecalled from '@salesforce/label/c.WalkAway_Exc_Status_Recalled';
import StatusStale from '@salesforce/label/c.WalkAway_Exc_Status_Stale';
import ApproverVP from '@salesforce/label/c.WalkAway_Approver_VP';
import ApproverLegal from '@salesforce/label/c.WalkAway_Approver_Legal';
import ApproverCLevel from '@salesforce/label/c.WalkAway_Approver_CLevel';
import ApproverStrategicReview from '@salesforce/label/c.WalkAway_Approver_StrategicReview';

export const LABELS = {
  Heading,
  Request,
  Justification,
  JustificationTooShort,
  Submit,
  Cancel,
  NoneBelowFloor,
  RequestedBy,
  ApprovedBy,
  Waiting,
  Applies,
  Stale,
  Approve,
  Reject,
  Comment,
  ErrorTitle,
  Sent,
};

/** Status__c values (Requested, Approved, Rejected, Recalled, Stale) to their text. */
export const STATUS_LABELS = {
  Requested: StatusRequested,
  Approved: StatusApproved,
  Rejected: StatusRejected,
  Recalled: StatusRecalled,
  Stale: StatusStale,
};

/** The engine's approvers (APPROVERS) to their text, as the panel shows them. */
export const APPROVER_LABELS = {
  VP: ApproverVP,
  Legal: ApproverLegal,
  'C-Level': ApproverCLevel,
  'Strategic Review': ApproverStrategicReview,
};
