// The public vocabulary of Walk-Away: verdicts, approvers, BATNA strengths and finding codes
// (contract.md and docs/contract-additions.md). Every other module takes its names from here.

export const VERDICTS = ['Proceed', 'Approval Required', 'Walk Away', 'Insufficient Data'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** The verdicts by name, for code that branches on one (the panel) instead of spelling it again. */
export const VERDICT = {
  PROCEED: VERDICTS[0],
  APPROVAL_REQUIRED: VERDICTS[1],
  WALK_AWAY: VERDICTS[2],
  INSUFFICIENT_DATA: VERDICTS[3],
} as const;

/** Approvers, in the order they are listed on a record. */
export const APPROVERS = ['VP', 'Legal', 'C-Level', 'Strategic Review'] as const;
export type Approver = (typeof APPROVERS)[number];

export const BATNA_STRENGTHS = ['Strong', 'Moderate', 'Weak', 'Unknown'] as const;
export type BatnaStrength = (typeof BATNA_STRENGTHS)[number];

export const EXIT_REASONS = [
  'Economics',
  'Unacceptable Risk',
  'Strategic Misfit',
  'Relationship Red Flags',
  'Opportunity Cost',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** Walk_Away_Decision__c: what the rep decided (restricted picklist, tied by tests/metadata/contract-fields). */
export const DECISIONS = [
  'Walked Away - Door Open',
  'Walked Away - Door Closed',
  'Exception Approved',
  'Proceeding',
] as const;
export type Decision = (typeof DECISIONS)[number];
/** The decisions by name, for code that branches on one (the panel's decision form). */
export const DECISION = {
  DOOR_OPEN: DECISIONS[0],
  DOOR_CLOSED: DECISIONS[1],
  EXCEPTION_APPROVED: DECISIONS[2],
  PROCEEDING: DECISIONS[3],
} as const;
/** The decisions that walk away from the deal (an exit reason is required). */
export const WALKED_AWAY_DECISIONS: readonly Decision[] = [DECISION.DOOR_OPEN, DECISION.DOOR_CLOSED];
export const EXCEPTION_APPROVED: Decision = DECISION.EXCEPTION_APPROVED;

/** What a finding does to the verdict. `Advisory` findings inform and change nothing. */
export type FindingEffect = 'Walk Away' | 'Approval Required' | 'Insufficient Data' | 'Advisory';

export type FindingRule = {
  readonly effect: FindingEffect;
  readonly approvers: readonly Approver[];
  readonly exitReason: ExitReason | null;
};

const TERMS: FindingRule = { effect: 'Walk Away', approvers: ['Legal', 'C-Level'], exitReason: 'Unacceptable Risk' };
const FIT: FindingRule = {
  effect: 'Approval Required',
  approvers: ['Strategic Review'],
  exitReason: 'Strategic Misfit',
};
const MISSING: FindingRule = { effect: 'Insufficient Data', approvers: [], exitReason: null };
const ADVISORY: FindingRule = { effect: 'Advisory', approvers: [], exitReason: null };

/** Every finding code, in the order findings are listed, with its effect and who may grant an exception. */
export const FINDING_RULES = {
  MISSING_AMOUNT: MISSING,
  MISSING_COST: MISSING,
  NO_POLICY: MISSING,
  BELOW_FLOOR: { effect: 'Walk Away', approvers: [], exitReason: 'Economics' },
  BELOW_THRESHOLD: { effect: 'Approval Required', approvers: ['VP'], exitReason: 'Economics' },
  UNLIMITED_LIABILITY: TERMS,
  LIABILITY_CAP_EXCEEDED: TERMS,
  IP_OWNERSHIP_TRANSFER: TERMS,
  PAYMENT_TERMS_EXCEEDED: TERMS,
  SLA_NOT_DELIVERABLE: TERMS,
  RISKY_TERMINATION: TERMS,
  UNCAPPED_INDEMNITY: TERMS,
  INDUSTRY_MISFIT: FIT,
  COMPANY_TOO_SMALL: FIT,
  COMPANY_TOO_LARGE: FIT,
  GEOGRAPHY_MISFIT: FIT,
  USE_CASE_MISFIT: FIT,
  ENVIRONMENT_MISFIT: FIT,
  RED_FLAGS_EXCEEDED: { effect: 'Walk Away', approvers: ['VP'], exitReason: 'Relationship Red Flags' },
  RED_FLAGS_PRESENT: ADVISORY,
  WEAK_BATNA: ADVISORY,
  REENGAGEMENT_CONDITIONS_UNMET: ADVISORY,
} as const satisfies Record<string, FindingRule>;

export type FindingCode = keyof typeof FINDING_RULES;
export const FINDING_CODES = Object.keys(FINDING_RULES) as FindingCode[];

export const MARGIN_BASES = ['Cost', 'Price'] as const;
export type MarginBasis = (typeof MARGIN_BASES)[number];

/** Red flags a rep can record (Customer_Red_Flags__c), grouped as domain.md section 4 groups them. */
export const RED_FLAGS = {
  Behaviour: [
    'Unreasonable Demands',
    'Disrespectful to Team',
    'Constant Scope Changes',
    'No Implementation Planning',
    'Everything Vendor Responsibility',
    'Vendor Conflict History',
  ],
  Economics: ['Financial Instability', 'Vendor Payment History', 'Unrealistic ROI', 'Will Not Resource Initiative'],
  Expectations: [
    'Out of Scope Expectations',
    'Unrealistic Timeline',
    'Will Not Follow Process',
    'Dismisses Vendor Expertise',
  ],
} as const;

export type RedFlag = (typeof RED_FLAGS)[keyof typeof RED_FLAGS][number];
/** Every red flag, in the picklist's order (tests/metadata/contract-fields ties it to the field). */
export const RED_FLAG_VALUES: readonly RedFlag[] = Object.values(RED_FLAGS).flat();

/**
 * The re-engagement conditions a rep states when walking away with the door open (domain.md
 * section 7), in the order REENGAGEMENT_CONDITIONS_UNMET names them.
 */
export const REENGAGEMENT_CONDITIONS = ['BUDGET', 'DECISION_DATE', 'STAKEHOLDERS', 'SCOPE'] as const;
export type ReengagementCondition = (typeof REENGAGEMENT_CONDITIONS)[number];
