// Every piece of text the panel shows, from Custom Labels (translated in translations/).
// Keys are the label names without the WalkAway_ prefix.
import WalkAway_Advice_ADD_ALTERNATIVES from '@salesforce/label/c.WalkAway_Advice_ADD_ALTERNATIVES';
import WalkAway_Advice_BUILD_PIPELINE from '@salesforce/label/c.WalkAway_Advice_BUILD_PIPELINE';
import WalkAway_Advice_CLOSE_SMALLER_DEALS_FIRST from '@salesforce/label/c.WalkAway_Advice_CLOSE_SMALLER_DEALS_FIRST';
import WalkAway_Advice_RECORD_QUOTA from '@salesforce/label/c.WalkAway_Advice_RECORD_QUOTA';
import WalkAway_Approvals_For from '@salesforce/label/c.WalkAway_Approvals_For';
import WalkAway_Approvals_Heading from '@salesforce/label/c.WalkAway_Approvals_Heading';
import WalkAway_Approvals_None from '@salesforce/label/c.WalkAway_Approvals_None';
import WalkAway_Approver_CLevel from '@salesforce/label/c.WalkAway_Approver_CLevel';
import WalkAway_Approver_Legal from '@salesforce/label/c.WalkAway_Approver_Legal';
import WalkAway_Approver_StrategicReview from '@salesforce/label/c.WalkAway_Approver_StrategicReview';
import WalkAway_Approver_VP from '@salesforce/label/c.WalkAway_Approver_VP';
import WalkAway_Batna_AdviceHeading from '@salesforce/label/c.WalkAway_Batna_AdviceHeading';
import WalkAway_Batna_Heading from '@salesforce/label/c.WalkAway_Batna_Heading';
import WalkAway_Batna_Moderate from '@salesforce/label/c.WalkAway_Batna_Moderate';
import WalkAway_Batna_Strength from '@salesforce/label/c.WalkAway_Batna_Strength';
import WalkAway_Batna_Strong from '@salesforce/label/c.WalkAway_Batna_Strong';
import WalkAway_Batna_Unknown from '@salesforce/label/c.WalkAway_Batna_Unknown';
import WalkAway_Batna_Weak from '@salesforce/label/c.WalkAway_Batna_Weak';
import WalkAway_BuyerReturned from '@salesforce/label/c.WalkAway_BuyerReturned';
import WalkAway_BuyerReturnedOn from '@salesforce/label/c.WalkAway_BuyerReturnedOn';
import WalkAway_Conflict from '@salesforce/label/c.WalkAway_Conflict';
import WalkAway_Counter_Clear from '@salesforce/label/c.WalkAway_Counter_Clear';
import WalkAway_Counter_Heading from '@salesforce/label/c.WalkAway_Counter_Heading';
import WalkAway_Counter_Help from '@salesforce/label/c.WalkAway_Counter_Help';
import WalkAway_Counter_Label from '@salesforce/label/c.WalkAway_Counter_Label';
import WalkAway_Counter_Result from '@salesforce/label/c.WalkAway_Counter_Result';
import WalkAway_Decision_BudgetRange from '@salesforce/label/c.WalkAway_Decision_BudgetRange';
import WalkAway_Decision_Current from '@salesforce/label/c.WalkAway_Decision_Current';
import WalkAway_Decision_DoorClosed from '@salesforce/label/c.WalkAway_Decision_DoorClosed';
import WalkAway_Decision_DoorOpen from '@salesforce/label/c.WalkAway_Decision_DoorOpen';
import WalkAway_Decision_ExceptionApproved from '@salesforce/label/c.WalkAway_Decision_ExceptionApproved';
import WalkAway_Decision_ExitReasonRequired from '@salesforce/label/c.WalkAway_Decision_ExitReasonRequired';
import WalkAway_Decision_Heading from '@salesforce/label/c.WalkAway_Decision_Heading';
import WalkAway_Decision_JustificationRequired from '@salesforce/label/c.WalkAway_Decision_JustificationRequired';
import WalkAway_Decision_Label from '@salesforce/label/c.WalkAway_Decision_Label';
import WalkAway_Decision_NoneYet from '@salesforce/label/c.WalkAway_Decision_NoneYet';
import WalkAway_Decision_Proceeding from '@salesforce/label/c.WalkAway_Decision_Proceeding';
import WalkAway_Decision_ReadOnly from '@salesforce/label/c.WalkAway_Decision_ReadOnly';
import WalkAway_Decision_Save from '@salesforce/label/c.WalkAway_Decision_Save';
import WalkAway_Decision_Saved from '@salesforce/label/c.WalkAway_Decision_Saved';
import WalkAway_Error_Details from '@salesforce/label/c.WalkAway_Error_Details';
import WalkAway_Error_FieldValue from '@salesforce/label/c.WalkAway_Error_FieldValue';
import WalkAway_Error_Policy from '@salesforce/label/c.WalkAway_Error_Policy';
import WalkAway_Error_SaveTitle from '@salesforce/label/c.WalkAway_Error_SaveTitle';
import WalkAway_Error_Title from '@salesforce/label/c.WalkAway_Error_Title';
import WalkAway_Error_Unknown from '@salesforce/label/c.WalkAway_Error_Unknown';
import WalkAway_Exception_ApprovedAmount from '@salesforce/label/c.WalkAway_Exception_ApprovedAmount';
import WalkAway_Exception_Justification from '@salesforce/label/c.WalkAway_Exception_Justification';
import WalkAway_ExitReason_Economics from '@salesforce/label/c.WalkAway_ExitReason_Economics';
import WalkAway_ExitReason_Label from '@salesforce/label/c.WalkAway_ExitReason_Label';
import WalkAway_ExitReason_OpportunityCost from '@salesforce/label/c.WalkAway_ExitReason_OpportunityCost';
import WalkAway_ExitReason_RelationshipRedFlags from '@salesforce/label/c.WalkAway_ExitReason_RelationshipRedFlags';
import WalkAway_ExitReason_StrategicMisfit from '@salesforce/label/c.WalkAway_ExitReason_StrategicMisfit';
import WalkAway_ExitReason_UnacceptableRisk from '@salesforce/label/c.WalkAway_ExitReason_UnacceptableRisk';
import WalkAway_FindingTitle_BELOW_FLOOR from '@salesforce/label/c.WalkAway_FindingTitle_BELOW_FLOOR';
import WalkAway_FindingTitle_BELOW_THRESHOLD from '@salesforce/label/c.WalkAway_FindingTitle_BELOW_THRESHOLD';
import WalkAway_FindingTitle_COMPANY_TOO_LARGE from '@salesforce/label/c.WalkAway_FindingTitle_COMPANY_TOO_LARGE';
import WalkAway_FindingTitle_COMPANY_TOO_SMALL from '@salesforce/label/c.WalkAway_FindingTitle_COMPANY_TOO_SMALL';
import WalkAway_FindingTitle_ENVIRONMENT_MISFIT from '@salesforce/label/c.WalkAway_FindingTitle_ENVIRONMENT_MISFIT';
import WalkAway_FindingTitle_GEOGRAPHY_MISFIT from '@salesforce/label/c.WalkAway_FindingTitle_GEOGRAPHY_MISFIT';
import WalkAway_FindingTitle_INDUSTRY_MISFIT from '@salesforce/label/c.WalkAway_FindingTitle_INDUSTRY_MISFIT';
import WalkAway_FindingTitle_IP_OWNERSHIP_TRANSFER from '@salesforce/label/c.WalkAway_FindingTitle_IP_OWNERSHIP_TRANSFER';
import WalkAway_FindingTitle_LIABILITY_CAP_EXCEEDED from '@salesforce/label/c.WalkAway_FindingTitle_LIABILITY_CAP_EXCEEDED';
import WalkAway_FindingTitle_MISSING_AMOUNT from '@salesforce/label/c.WalkAway_FindingTitle_MISSING_AMOUNT';
import WalkAway_FindingTitle_MISSING_COST from '@salesforce/label/c.WalkAway_FindingTitle_MISSING_COST';
import WalkAway_FindingTitle_NO_POLICY from '@salesforce/label/c.WalkAway_FindingTitle_NO_POLICY';
import WalkAway_FindingTitle_PAYMENT_TERMS_EXCEEDED from '@salesforce/label/c.WalkAway_FindingTitle_PAYMENT_TERMS_EXCEEDED';
import WalkAway_FindingTitle_RED_FLAGS_EXCEEDED from '@salesforce/label/c.WalkAway_FindingTitle_RED_FLAGS_EXCEEDED';
import WalkAway_FindingTitle_RED_FLAGS_PRESENT from '@salesforce/label/c.WalkAway_FindingTitle_RED_FLAGS_PRESENT';
import WalkAway_FindingTitle_RISKY_TERMINATION from '@salesforce/label/c.WalkAway_FindingTitle_RISKY_TERMINATION';
import WalkAway_FindingTitle_SLA_NOT_DELIVERABLE from '@salesforce/label/c.WalkAway_FindingTitle_SLA_NOT_DELIVERABLE';
import WalkAway_FindingTitle_UNCAPPED_INDEMNITY from '@salesforce/label/c.WalkAway_FindingTitle_UNCAPPED_INDEMNITY';
import WalkAway_FindingTitle_UNLIMITED_LIABILITY from '@salesforce/label/c.WalkAway_FindingTitle_UNLIMITED_LIABILITY';
import WalkAway_FindingTitle_USE_CASE_MISFIT from '@salesforce/label/c.WalkAway_FindingTitle_USE_CASE_MISFIT';
import WalkAway_FindingTitle_WEAK_BATNA from '@salesforce/label/c.WalkAway_FindingTitle_WEAK_BATNA';
import WalkAway_Finding_BELOW_FLOOR from '@salesforce/label/c.WalkAway_Finding_BELOW_FLOOR';
import WalkAway_Finding_BELOW_THRESHOLD from '@salesforce/label/c.WalkAway_Finding_BELOW_THRESHOLD';
import WalkAway_Finding_COMPANY_TOO_LARGE from '@salesforce/label/c.WalkAway_Finding_COMPANY_TOO_LARGE';
import WalkAway_Finding_COMPANY_TOO_SMALL from '@salesforce/label/c.WalkAway_Finding_COMPANY_TOO_SMALL';
import WalkAway_Finding_COST_ZERO from '@salesforce/label/c.WalkAway_Finding_COST_ZERO';
import WalkAway_Finding_COUNTRY_UNKNOWN from '@salesforce/label/c.WalkAway_Finding_COUNTRY_UNKNOWN';
import WalkAway_Finding_ENVIRONMENT_MISFIT from '@salesforce/label/c.WalkAway_Finding_ENVIRONMENT_MISFIT';
import WalkAway_Finding_GEOGRAPHY_MISFIT from '@salesforce/label/c.WalkAway_Finding_GEOGRAPHY_MISFIT';
import WalkAway_Finding_INDUSTRY_MISFIT from '@salesforce/label/c.WalkAway_Finding_INDUSTRY_MISFIT';
import WalkAway_Finding_INDUSTRY_UNKNOWN from '@salesforce/label/c.WalkAway_Finding_INDUSTRY_UNKNOWN';
import WalkAway_Finding_IP_OWNERSHIP_TRANSFER from '@salesforce/label/c.WalkAway_Finding_IP_OWNERSHIP_TRANSFER';
import WalkAway_Finding_LIABILITY_CAP_EXCEEDED from '@salesforce/label/c.WalkAway_Finding_LIABILITY_CAP_EXCEEDED';
import WalkAway_Finding_MISSING_AMOUNT from '@salesforce/label/c.WalkAway_Finding_MISSING_AMOUNT';
import WalkAway_Finding_MISSING_COST from '@salesforce/label/c.WalkAway_Finding_MISSING_COST';
import WalkAway_Finding_NO_POLICY from '@salesforce/label/c.WalkAway_Finding_NO_POLICY';
import WalkAway_Finding_PAYMENT_TERMS_EXCEEDED from '@salesforce/label/c.WalkAway_Finding_PAYMENT_TERMS_EXCEEDED';
import WalkAway_Finding_RED_FLAGS_EXCEEDED from '@salesforce/label/c.WalkAway_Finding_RED_FLAGS_EXCEEDED';
import WalkAway_Finding_RED_FLAGS_PRESENT from '@salesforce/label/c.WalkAway_Finding_RED_FLAGS_PRESENT';
import WalkAway_Finding_REVENUE_UNKNOWN from '@salesforce/label/c.WalkAway_Finding_REVENUE_UNKNOWN';
import WalkAway_Finding_RISKY_TERMINATION from '@salesforce/label/c.WalkAway_Finding_RISKY_TERMINATION';
import WalkAway_Finding_SLA_NOT_DELIVERABLE from '@salesforce/label/c.WalkAway_Finding_SLA_NOT_DELIVERABLE';
import WalkAway_Finding_UNCAPPED_INDEMNITY from '@salesforce/label/c.WalkAway_Finding_UNCAPPED_INDEMNITY';
import WalkAway_Finding_UNLIMITED_LIABILITY from '@salesforce/label/c.WalkAway_Finding_UNLIMITED_LIABILITY';
import WalkAway_Finding_USE_CASE_MISFIT from '@salesforce/label/c.WalkAway_Finding_USE_CASE_MISFIT';
import WalkAway_Finding_WEAK_BATNA from '@salesforce/label/c.WalkAway_Finding_WEAK_BATNA';
import WalkAway_Findings_Heading from '@salesforce/label/c.WalkAway_Findings_Heading';
import WalkAway_Findings_None from '@salesforce/label/c.WalkAway_Findings_None';
import WalkAway_Loading from '@salesforce/label/c.WalkAway_Loading';
import WalkAway_PolicyApplied from '@salesforce/label/c.WalkAway_PolicyApplied';
import WalkAway_Price_AboveThresholdBy from '@salesforce/label/c.WalkAway_Price_AboveThresholdBy';
import WalkAway_Price_Amount from '@salesforce/label/c.WalkAway_Price_Amount';
import WalkAway_Price_BelowFloorBy from '@salesforce/label/c.WalkAway_Price_BelowFloorBy';
import WalkAway_Price_BelowThresholdBy from '@salesforce/label/c.WalkAway_Price_BelowThresholdBy';
import WalkAway_Price_Cost from '@salesforce/label/c.WalkAway_Price_Cost';
import WalkAway_Price_CounterOffer from '@salesforce/label/c.WalkAway_Price_CounterOffer';
import WalkAway_Price_Floor from '@salesforce/label/c.WalkAway_Price_Floor';
import WalkAway_Price_GaugeDescription from '@salesforce/label/c.WalkAway_Price_GaugeDescription';
import WalkAway_Price_Heading from '@salesforce/label/c.WalkAway_Price_Heading';
import WalkAway_Price_Threshold from '@salesforce/label/c.WalkAway_Price_Threshold';
import WalkAway_Price_Unavailable from '@salesforce/label/c.WalkAway_Price_Unavailable';
import WalkAway_ReadOnlyNote from '@salesforce/label/c.WalkAway_ReadOnlyNote';
import WalkAway_Reengage_BudgetMax from '@salesforce/label/c.WalkAway_Reengage_BudgetMax';
import WalkAway_Reengage_BudgetMin from '@salesforce/label/c.WalkAway_Reengage_BudgetMin';
import WalkAway_Reengage_Heading from '@salesforce/label/c.WalkAway_Reengage_Heading';
import WalkAway_Reengage_Notes from '@salesforce/label/c.WalkAway_Reengage_Notes';
import WalkAway_Reengage_Scope from '@salesforce/label/c.WalkAway_Reengage_Scope';
import WalkAway_Reengage_Stakeholders from '@salesforce/label/c.WalkAway_Reengage_Stakeholders';
import WalkAway_Reengage_Timeline from '@salesforce/label/c.WalkAway_Reengage_Timeline';
import WalkAway_Reload from '@salesforce/label/c.WalkAway_Reload';
import WalkAway_Saved from '@salesforce/label/c.WalkAway_Saved';
import WalkAway_Signal_FEW_ALTERNATIVES from '@salesforce/label/c.WalkAway_Signal_FEW_ALTERNATIVES';
import WalkAway_Signal_LARGE_SHARE_OF_QUOTA from '@salesforce/label/c.WalkAway_Signal_LARGE_SHARE_OF_QUOTA';
import WalkAway_Signal_MANY_ALTERNATIVES from '@salesforce/label/c.WalkAway_Signal_MANY_ALTERNATIVES';
import WalkAway_Signal_NO_PIPELINE_DATA from '@salesforce/label/c.WalkAway_Signal_NO_PIPELINE_DATA';
import WalkAway_Signal_NO_QUOTA from '@salesforce/label/c.WalkAway_Signal_NO_QUOTA';
import WalkAway_Signal_PIPELINE_GAP from '@salesforce/label/c.WalkAway_Signal_PIPELINE_GAP';
import WalkAway_Signal_QUARTER_END_GAP from '@salesforce/label/c.WalkAway_Signal_QUARTER_END_GAP';
import WalkAway_Signal_QUOTA_COVERED from '@salesforce/label/c.WalkAway_Signal_QUOTA_COVERED';
import WalkAway_Signal_QUOTA_MET from '@salesforce/label/c.WalkAway_Signal_QUOTA_MET';
import WalkAway_Summary_ApprovalRequired from '@salesforce/label/c.WalkAway_Summary_ApprovalRequired';
import WalkAway_Summary_InsufficientData from '@salesforce/label/c.WalkAway_Summary_InsufficientData';
import WalkAway_Summary_Proceed from '@salesforce/label/c.WalkAway_Summary_Proceed';
import WalkAway_Summary_WalkAway from '@salesforce/label/c.WalkAway_Summary_WalkAway';
import WalkAway_Talk_Avoid from '@salesforce/label/c.WalkAway_Talk_Avoid';
import WalkAway_Talk_DOOR_CLOSED from '@salesforce/label/c.WalkAway_Talk_DOOR_CLOSED';
import WalkAway_Talk_DOOR_CLOSED_1 from '@salesforce/label/c.WalkAway_Talk_DOOR_CLOSED_1';
import WalkAway_Talk_DOOR_CLOSED_2 from '@salesforce/label/c.WalkAway_Talk_DOOR_CLOSED_2';
import WalkAway_Talk_DOOR_CLOSED_3 from '@salesforce/label/c.WalkAway_Talk_DOOR_CLOSED_3';
import WalkAway_Talk_DOOR_OPEN from '@salesforce/label/c.WalkAway_Talk_DOOR_OPEN';
import WalkAway_Talk_DOOR_OPEN_1 from '@salesforce/label/c.WalkAway_Talk_DOOR_OPEN_1';
import WalkAway_Talk_DOOR_OPEN_2 from '@salesforce/label/c.WalkAway_Talk_DOOR_OPEN_2';
import WalkAway_Talk_DOOR_OPEN_3 from '@salesforce/label/c.WalkAway_Talk_DOOR_OPEN_3';
import WalkAway_Talk_ESCALATE from '@salesforce/label/c.WalkAway_Talk_ESCALATE';
import WalkAway_Talk_ESCALATE_1 from '@salesforce/label/c.WalkAway_Talk_ESCALATE_1';
import WalkAway_Talk_ESCALATE_2 from '@salesforce/label/c.WalkAway_Talk_ESCALATE_2';
import WalkAway_Talk_ESCALATE_3 from '@salesforce/label/c.WalkAway_Talk_ESCALATE_3';
import WalkAway_Talk_ForCounter from '@salesforce/label/c.WalkAway_Talk_ForCounter';
import WalkAway_Talk_GATHER from '@salesforce/label/c.WalkAway_Talk_GATHER';
import WalkAway_Talk_GATHER_1 from '@salesforce/label/c.WalkAway_Talk_GATHER_1';
import WalkAway_Talk_GATHER_2 from '@salesforce/label/c.WalkAway_Talk_GATHER_2';
import WalkAway_Talk_HOLD from '@salesforce/label/c.WalkAway_Talk_HOLD';
import WalkAway_Talk_HOLD_1 from '@salesforce/label/c.WalkAway_Talk_HOLD_1';
import WalkAway_Talk_HOLD_2 from '@salesforce/label/c.WalkAway_Talk_HOLD_2';
import WalkAway_Talk_HOLD_3 from '@salesforce/label/c.WalkAway_Talk_HOLD_3';
import WalkAway_Talk_Heading from '@salesforce/label/c.WalkAway_Talk_Heading';
import WalkAway_Talk_REENGAGE from '@salesforce/label/c.WalkAway_Talk_REENGAGE';
import WalkAway_Talk_REENGAGE_1 from '@salesforce/label/c.WalkAway_Talk_REENGAGE_1';
import WalkAway_Talk_REENGAGE_2 from '@salesforce/label/c.WalkAway_Talk_REENGAGE_2';
import WalkAway_Talk_REENGAGE_3 from '@salesforce/label/c.WalkAway_Talk_REENGAGE_3';
import WalkAway_Title from '@salesforce/label/c.WalkAway_Title';
import WalkAway_VerdictFor from '@salesforce/label/c.WalkAway_VerdictFor';
import WalkAway_Verdict_ApprovalRequired from '@salesforce/label/c.WalkAway_Verdict_ApprovalRequired';
import WalkAway_Verdict_InsufficientData from '@salesforce/label/c.WalkAway_Verdict_InsufficientData';
import WalkAway_Verdict_Proceed from '@salesforce/label/c.WalkAway_Verdict_Proceed';
import WalkAway_Verdict_WalkAway from '@salesforce/label/c.WalkAway_Verdict_WalkAway';

export const LABELS = {
  Advice_ADD_ALTERNATIVES: WalkAway_Advice_ADD_ALTERNATIVES,
  Advice_BUILD_PIPELINE: WalkAway_Advice_BUILD_PIPELINE,
  Advice_CLOSE_SMALLER_DEALS_FIRST: WalkAway_Advice_CLOSE_SMALLER_DEALS_FIRST,
  Advice_RECORD_QUOTA: WalkAway_Advice_RECORD_QUOTA,
  Approvals_For: WalkAway_Approvals_For,
  Approvals_Heading: WalkAway_Approvals_Heading,
  Approvals_None: WalkAway_Approvals_None,
  Approver_CLevel: WalkAway_Approver_CLevel,
  Approver_Legal: WalkAway_Approver_Legal,
  Approver_StrategicReview: WalkAway_Approver_StrategicReview,
  Approver_VP: WalkAway_Approver_VP,
  Batna_AdviceHeading: WalkAway_Batna_AdviceHeading,
  Batna_Heading: WalkAway_Batna_Heading,
  Batna_Moderate: WalkAway_Batna_Moderate,
  Batna_Strength: WalkAway_Batna_Strength,
  Batna_Strong: WalkAway_Batna_Strong,
  Batna_Unknown: WalkAway_Batna_Unknown,
  Batna_Weak: WalkAway_Batna_Weak,
  BuyerReturned: WalkAway_BuyerReturned,
  BuyerReturnedOn: WalkAway_BuyerReturnedOn,
  Conflict: WalkAway_Conflict,
  Counter_Clear: WalkAway_Counter_Clear,
  Counter_Heading: WalkAway_Counter_Heading,
  Counter_Help: WalkAway_Counter_Help,
  Counter_Label: WalkAway_Counter_Label,
  Counter_Result: WalkAway_Counter_Result,
  Decision_BudgetRange: WalkAway_Decision_BudgetRange,
  Decision_Current: WalkAway_Decision_Current,
  Decision_DoorClosed: WalkAway_Decision_DoorClosed,
  Decision_DoorOpen: WalkAway_Decision_DoorOpen,
  Decision_ExceptionApproved: WalkAway_Decision_ExceptionApproved,
  Decision_ExitReasonRequired: WalkAway_Decision_ExitReasonRequired,
  Decision_Heading: WalkAway_Decision_Heading,
  Decision_JustificationRequired: WalkAway_Decision_JustificationRequired,
  Decision_Label: WalkAway_Decision_Label,
  Decision_NoneYet: WalkAway_Decision_NoneYet,
  Decision_Proceeding: WalkAway_Decision_Proceeding,
  Decision_ReadOnly: WalkAway_Decision_ReadOnly,
  Decision_Save: WalkAway_Decision_Save,
  Decision_Saved: WalkAway_Decision_Saved,
  Error_Details: WalkAway_Error_Details,
  Error_FieldValue: WalkAway_Error_FieldValue,
  Error_Policy: WalkAway_Error_Policy,
  Error_SaveTitle: WalkAway_Error_SaveTitle,
  Error_Title: WalkAway_Error_Title,
  Error_Unknown: WalkAway_Error_Unknown,
  Exception_ApprovedAmount: WalkAway_Exception_ApprovedAmount,
  Exception_Justification: WalkAway_Exception_Justification,
  ExitReason_Economics: WalkAway_ExitReason_Economics,
  ExitReason_Label: WalkAway_ExitReason_Label,
  ExitReason_OpportunityCost: WalkAway_ExitReason_OpportunityCost,
  ExitReason_RelationshipRedFlags: WalkAway_ExitReason_RelationshipRedFlags,
  ExitReason_StrategicMisfit: WalkAway_ExitReason_StrategicMisfit,
  ExitReason_UnacceptableRisk: WalkAway_ExitReason_UnacceptableRisk,
  FindingTitle_BELOW_FLOOR: WalkAway_FindingTitle_BELOW_FLOOR,
  FindingTitle_BELOW_THRESHOLD: WalkAway_FindingTitle_BELOW_THRESHOLD,
  FindingTitle_COMPANY_TOO_SMALL: WalkAway_FindingTitle_COMPANY_TOO_SMALL,
  FindingTitle_COMPANY_TOO_LARGE: WalkAway_FindingTitle_COMPANY_TOO_LARGE,
  FindingTitle_GEOGRAPHY_MISFIT: WalkAway_FindingTitle_GEOGRAPHY_MISFIT,
  Finding_COMPANY_TOO_LARGE: WalkAway_Finding_COMPANY_TOO_LARGE,
  Finding_GEOGRAPHY_MISFIT: WalkAway_Finding_GEOGRAPHY_MISFIT,
  Finding_COUNTRY_UNKNOWN: WalkAway_Finding_COUNTRY_UNKNOWN,
  Finding_COST_ZERO: WalkAway_Finding_COST_ZERO,
  FindingTitle_ENVIRONMENT_MISFIT: WalkAway_FindingTitle_ENVIRONMENT_MISFIT,
  FindingTitle_INDUSTRY_MISFIT: WalkAway_FindingTitle_INDUSTRY_MISFIT,
  FindingTitle_IP_OWNERSHIP_TRANSFER: WalkAway_FindingTitle_IP_OWNERSHIP_TRANSFER,
  FindingTitle_LIABILITY_CAP_EXCEEDED: WalkAway_FindingTitle_LIABILITY_CAP_EXCEEDED,
  FindingTitle_MISSING_AMOUNT: WalkAway_FindingTitle_MISSING_AMOUNT,
  FindingTitle_MISSING_COST: WalkAway_FindingTitle_MISSING_COST,
  FindingTitle_NO_POLICY: WalkAway_FindingTitle_NO_POLICY,
  FindingTitle_PAYMENT_TERMS_EXCEEDED: WalkAway_FindingTitle_PAYMENT_TERMS_EXCEEDED,
  FindingTitle_RED_FLAGS_EXCEEDED: WalkAway_FindingTitle_RED_FLAGS_EXCEEDED,
  FindingTitle_RED_FLAGS_PRESENT: WalkAway_FindingTitle_RED_FLAGS_PRESENT,
  FindingTitle_RISKY_TERMINATION: WalkAway_FindingTitle_RISKY_TERMINATION,
  FindingTitle_SLA_NOT_DELIVERABLE: WalkAway_FindingTitle_SLA_NOT_DELIVERABLE,
  FindingTitle_UNCAPPED_INDEMNITY: WalkAway_FindingTitle_UNCAPPED_INDEMNITY,
  FindingTitle_UNLIMITED_LIABILITY: WalkAway_FindingTitle_UNLIMITED_LIABILITY,
  FindingTitle_USE_CASE_MISFIT: WalkAway_FindingTitle_USE_CASE_MISFIT,
  FindingTitle_WEAK_BATNA: WalkAway_FindingTitle_WEAK_BATNA,
  Finding_BELOW_FLOOR: WalkAway_Finding_BELOW_FLOOR,
  Finding_BELOW_THRESHOLD: WalkAway_Finding_BELOW_THRESHOLD,
  Finding_COMPANY_TOO_SMALL: WalkAway_Finding_COMPANY_TOO_SMALL,
  Finding_ENVIRONMENT_MISFIT: WalkAway_Finding_ENVIRONMENT_MISFIT,
  Finding_INDUSTRY_MISFIT: WalkAway_Finding_INDUSTRY_MISFIT,
  Finding_INDUSTRY_UNKNOWN: WalkAway_Finding_INDUSTRY_UNKNOWN,
  Finding_IP_OWNERSHIP_TRANSFER: WalkAway_Finding_IP_OWNERSHIP_TRANSFER,
  Finding_LIABILITY_CAP_EXCEEDED: WalkAway_Finding_LIABILITY_CAP_EXCEEDED,
  Finding_MISSING_AMOUNT: WalkAway_Finding_MISSING_AMOUNT,
  Finding_MISSING_COST: WalkAway_Finding_MISSING_COST,
  Finding_NO_POLICY: WalkAway_Finding_NO_POLICY,
  Finding_PAYMENT_TERMS_EXCEEDED: WalkAway_Finding_PAYMENT_TERMS_EXCEEDED,
  Finding_RED_FLAGS_EXCEEDED: WalkAway_Finding_RED_FLAGS_EXCEEDED,
  Finding_RED_FLAGS_PRESENT: WalkAway_Finding_RED_FLAGS_PRESENT,
  Finding_REVENUE_UNKNOWN: WalkAway_Finding_REVENUE_UNKNOWN,
  Finding_RISKY_TERMINATION: WalkAway_Finding_RISKY_TERMINATION,
  Finding_SLA_NOT_DELIVERABLE: WalkAway_Finding_SLA_NOT_DELIVERABLE,
  Finding_UNCAPPED_INDEMNITY: WalkAway_Finding_UNCAPPED_INDEMNITY,
  Finding_UNLIMITED_LIABILITY: WalkAway_Finding_UNLIMITED_LIABILITY,
  Finding_USE_CASE_MISFIT: WalkAway_Finding_USE_CASE_MISFIT,
  Finding_WEAK_BATNA: WalkAway_Finding_WEAK_BATNA,
  Findings_Heading: WalkAway_Findings_Heading,
  Findings_None: WalkAway_Findings_None,
  Loading: WalkAway_Loading,
  PolicyApplied: WalkAway_PolicyApplied,
  Price_AboveThresholdBy: WalkAway_Price_AboveThresholdBy,
  Price_Amount: WalkAway_Price_Amount,
  Price_BelowFloorBy: WalkAway_Price_BelowFloorBy,
  Price_BelowThresholdBy: WalkAway_Price_BelowThresholdBy,
  Price_Cost: WalkAway_Price_Cost,
  Price_CounterOffer: WalkAway_Price_CounterOffer,
  Price_Floor: WalkAway_Price_Floor,
  Price_GaugeDescription: WalkAway_Price_GaugeDescription,
  Price_Heading: WalkAway_Price_Heading,
  Price_Threshold: WalkAway_Price_Threshold,
  Price_Unavailable: WalkAway_Price_Unavailable,
  ReadOnlyNote: WalkAway_ReadOnlyNote,
  Reengage_BudgetMax: WalkAway_Reengage_BudgetMax,
  Reengage_BudgetMin: WalkAway_Reengage_BudgetMin,
  Reengage_Heading: WalkAway_Reengage_Heading,
  Reengage_Notes: WalkAway_Reengage_Notes,
  Reengage_Scope: WalkAway_Reengage_Scope,
  Reengage_Stakeholders: WalkAway_Reengage_Stakeholders,
  Reengage_Timeline: WalkAway_Reengage_Timeline,
  Reload: WalkAway_Reload,
  Saved: WalkAway_Saved,
  Signal_FEW_ALTERNATIVES: WalkAway_Signal_FEW_ALTERNATIVES,
  Signal_LARGE_SHARE_OF_QUOTA: WalkAway_Signal_LARGE_SHARE_OF_QUOTA,
  Signal_MANY_ALTERNATIVES: WalkAway_Signal_MANY_ALTERNATIVES,
  Signal_NO_PIPELINE_DATA: WalkAway_Signal_NO_PIPELINE_DATA,
  Signal_NO_QUOTA: WalkAway_Signal_NO_QUOTA,
  Signal_PIPELINE_GAP: WalkAway_Signal_PIPELINE_GAP,
  Signal_QUARTER_END_GAP: WalkAway_Signal_QUARTER_END_GAP,
  Signal_QUOTA_COVERED: WalkAway_Signal_QUOTA_COVERED,
  Signal_QUOTA_MET: WalkAway_Signal_QUOTA_MET,
  Summary_ApprovalRequired: WalkAway_Summary_ApprovalRequired,
  Summary_InsufficientData: WalkAway_Summary_InsufficientData,
  Summary_Proceed: WalkAway_Summary_Proceed,
  Summary_WalkAway: WalkAway_Summary_WalkAway,
  Talk_Avoid: WalkAway_Talk_Avoid,
  Talk_DOOR_CLOSED: WalkAway_Talk_DOOR_CLOSED,
  Talk_DOOR_CLOSED_1: WalkAway_Talk_DOOR_CLOSED_1,
  Talk_DOOR_CLOSED_2: WalkAway_Talk_DOOR_CLOSED_2,
  Talk_DOOR_CLOSED_3: WalkAway_Talk_DOOR_CLOSED_3,
  Talk_DOOR_OPEN: WalkAway_Talk_DOOR_OPEN,
  Talk_DOOR_OPEN_1: WalkAway_Talk_DOOR_OPEN_1,
  Talk_DOOR_OPEN_2: WalkAway_Talk_DOOR_OPEN_2,
  Talk_DOOR_OPEN_3: WalkAway_Talk_DOOR_OPEN_3,
  Talk_ESCALATE: WalkAway_Talk_ESCALATE,
  Talk_ESCALATE_1: WalkAway_Talk_ESCALATE_1,
  Talk_ESCALATE_2: WalkAway_Talk_ESCALATE_2,
  Talk_ESCALATE_3: WalkAway_Talk_ESCALATE_3,
  Talk_ForCounter: WalkAway_Talk_ForCounter,
  Talk_GATHER: WalkAway_Talk_GATHER,
  Talk_GATHER_1: WalkAway_Talk_GATHER_1,
  Talk_GATHER_2: WalkAway_Talk_GATHER_2,
  Talk_HOLD: WalkAway_Talk_HOLD,
  Talk_HOLD_1: WalkAway_Talk_HOLD_1,
  Talk_HOLD_2: WalkAway_Talk_HOLD_2,
  Talk_HOLD_3: WalkAway_Talk_HOLD_3,
  Talk_Heading: WalkAway_Talk_Heading,
  Talk_REENGAGE: WalkAway_Talk_REENGAGE,
  Talk_REENGAGE_1: WalkAway_Talk_REENGAGE_1,
  Talk_REENGAGE_2: WalkAway_Talk_REENGAGE_2,
  Talk_REENGAGE_3: WalkAway_Talk_REENGAGE_3,
  Title: WalkAway_Title,
  VerdictFor: WalkAway_VerdictFor,
  Verdict_ApprovalRequired: WalkAway_Verdict_ApprovalRequired,
  Verdict_InsufficientData: WalkAway_Verdict_InsufficientData,
  Verdict_Proceed: WalkAway_Verdict_Proceed,
  Verdict_WalkAway: WalkAway_Verdict_WalkAway,
};
