// The opportunity as the engine sees it, and the one reader that turns a record keyed by field API
// names (a CSV row of an export, or an LDS record flattened by the panel) into it.
import { numberToCents, parseCents, type Cents } from './money.js';
import { parseBoolean, parseDecimal } from './parse.js';
import { readRedFlags } from './redFlagValues.js';

export type Opportunity = {
  readonly id: string | null;
  readonly amountCents: Cents | null;
  /**
   * Walk_Away_Deal_Size__c: the size that picks the policy's amount band, fixed before the
   * negotiation (blank = Amount). See dealSizeOf and dealSizeToStore.
   */
  readonly dealSizeCents: Cents | null;
  readonly currency: string | null;
  readonly directCostCents: Cents | null;
  readonly overheadCents: Cents | null;
  readonly liabilityCapMonths: number | null;
  readonly unlimitedLiability: boolean;
  readonly ipOwnershipTransfer: boolean;
  readonly paymentTermsDays: number | null;
  /** Uptime asked for, in thousandths of a percent (99.95% = 99950). */
  readonly slaUptimeMilli: number | null;
  readonly terminationForConvenience: boolean;
  readonly uncappedIndemnity: boolean;
  readonly redFlags: readonly string[];
  readonly useCase: string | null;
  readonly technicalEnvironment: string | null;
  readonly industry: string | null;
  readonly annualRevenue: number | null;
  /** Account.BillingCountry as written (a code or a name); matched by countryCode. */
  readonly billingCountry: string | null;
  /** The buyer's return and the conditions stated for it (domain.md section 7); see reengagementFindings. */
  readonly reengagement: Reengagement;
};

/**
 * What the rep stated when walking away (the conditions for talking again) and what holds now that
 * the buyer came back. A condition not stated (blank, or unticked) is not checked.
 */
export type Reengagement = {
  /** Walk_Away_Buyer_Returned__c. */
  readonly buyerReturned: boolean;
  /** Walk_Away_Reengage_Budget_Min__c: the lowest Amount we come back for. */
  readonly budgetMinCents: Cents | null;
  /** Walk_Away_Reengage_Timeline__c: the firm decision date asked for (YYYY-MM-DD). */
  readonly decisionBy: string | null;
  /** Walk_Away_Reengage_Stakeholders__c: aligned stakeholders asked for. */
  readonly stakeholdersRequired: boolean;
  /** Walk_Away_Reengage_Scope__c: a defined scope asked for. */
  readonly scopeRequired: boolean;
  /** Walk_Away_Buyer_Decision_Date__c: the decision date the returning buyer committed to. */
  readonly buyerDecisionDate: string | null;
  /** Walk_Away_Buyer_Stakeholders_Aligned__c. */
  readonly stakeholdersAligned: boolean;
  /** Walk_Away_Buyer_Scope_Defined__c. */
  readonly scopeDefined: boolean;
};

/** The Opportunity fields the engine reads (API names, related fields dotted). */
export const INPUT_FIELDS = [
  'Id',
  'Amount',
  'CurrencyIsoCode',
  'Direct_Cost__c',
  'Allocated_Overhead__c',
  'Liability_Cap_Months__c',
  'Unlimited_Liability__c',
  'IP_Ownership_Transfer__c',
  'Payment_Terms_Days__c',
  'SLA_Uptime_Pct__c',
  'Termination_For_Convenience__c',
  'Uncapped_Indemnity__c',
  'Customer_Red_Flags__c',
  'Use_Case__c',
  'Technical_Environment__c',
  'Account.Industry',
  'Account.AnnualRevenue',
  'Walk_Away_Deal_Size__c',
  'Account.BillingCountry',
  'Walk_Away_Buyer_Returned__c',
  'Walk_Away_Reengage_Budget_Min__c',
  'Walk_Away_Reengage_Timeline__c',
  'Walk_Away_Reengage_Stakeholders__c',
  'Walk_Away_Reengage_Scope__c',
  'Walk_Away_Buyer_Decision_Date__c',
  'Walk_Away_Buyer_Stakeholders_Aligned__c',
  'Walk_Away_Buyer_Scope_Defined__c',
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

/** A value that cannot be read: names the field and the value. */
export type FieldProblem = { readonly field: InputField; readonly value: unknown; readonly message: string };

export type ReadResult =
  | { readonly ok: true; readonly opportunity: Opportunity }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

type Raw = Readonly<Record<string, unknown>>;

/** The re-engagement inputs (domain.md section 7): what was stated at the walk-away and what holds now. */
export const REENGAGEMENT_FIELDS = INPUT_FIELDS.slice(INPUT_FIELDS.indexOf('Walk_Away_Buyer_Returned__c'));

/** A date as Salesforce writes it (`2026-12-18`), optionally with a time after it. */
const DATE_TEXT = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;

/** Most deals: no buyer came back and nothing was stated (one shared value, no allocation). */
const NO_REENGAGEMENT: Reengagement = Object.freeze({
  buyerReturned: false,
  budgetMinCents: null,
  decisionBy: null,
  stakeholdersRequired: false,
  scopeRequired: false,
  buyerDecisionDate: null,
  stakeholdersAligned: false,
  scopeDefined: false,
});

/** Whether the character code is printable ASCII other than a space: never white space to trim(). */
const isInk = (c: number): boolean => c > 0x20 && c < 0x7f;

// A cell that starts with a printable ASCII character is not blank, and one that also ends with one
// is its own trimmed text: answered without trim() for nearly every cell of an export.
const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && !isInk(v.charCodeAt(0)) && v.trim() === '');

// The readers of one kind of field each, at module level (not closures made again for every record):
// each reads a field's value and adds what it cannot read to `problems`. readOpportunity reads the
// record's fields by name (raw.Amount, not raw[field] in a helper): a lookup by a name known in
// advance is several times faster than one by a variable key, once per field of a million deals.

function textOf(v: unknown): string | null {
  if (typeof v === 'string' && isInk(v.charCodeAt(0)) && isInk(v.charCodeAt(v.length - 1))) return v;
  if (isBlank(v)) return null;
  return typeof v === 'string' ? v.trim() : String(v);
}

function centsOf(v: unknown, field: InputField, problems: FieldProblem[]): Cents | null {
  if (isBlank(v)) return null;
  const c = typeof v === 'number' ? numberToCents(v) : typeof v === 'string' ? parseCents(v) : undefined;
  if (c === undefined) problems.push({ field, value: v, message: 'is not an amount' });
  else if (c < 0) problems.push({ field, value: v, message: 'cannot be negative' });
  return c ?? null;
}

function decimalOf(v: unknown, field: InputField, max: number, problems: FieldProblem[]): number | null {
  if (isBlank(v)) return null;
  const n = parseDecimal(v);
  if (n === undefined) problems.push({ field, value: v, message: 'is not a number' });
  else if (n < 0 || n > max) problems.push({ field, value: v, message: `must be between 0 and ${max}` });
  else return n;
  return null;
}

function dateOf(v: unknown, field: InputField, problems: FieldProblem[]): string | null {
  if (isBlank(v)) return null;
  const m = typeof v === 'string' ? DATE_TEXT.exec(v) : null;
  const day = m?.[1];
  const time = day === undefined ? NaN : Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over into March: a real day prints back as itself.
  if (day === undefined || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) {
    problems.push({ field, value: v, message: 'is not a date (YYYY-MM-DD)' });
    return null;
  }
  return day;
}

function flagOf(v: unknown, field: InputField, problems: FieldProblem[]): boolean {
  const b = parseBoolean(v);
  if (b === undefined) problems.push({ field, value: v, message: 'is not true or false' });
  return b ?? false;
}

/** The re-engagement inputs of a record: blank for most deals (NO_REENGAGEMENT), else read. */
function reengagementOf(raw: Raw, problems: FieldProblem[]): Reengagement {
  const returned = raw.Walk_Away_Buyer_Returned__c;
  const budgetMin = raw.Walk_Away_Reengage_Budget_Min__c;
  const timeline = raw.Walk_Away_Reengage_Timeline__c;
  const stakeholders = raw.Walk_Away_Reengage_Stakeholders__c;
  const scope = raw.Walk_Away_Reengage_Scope__c;
  const decisionDate = raw.Walk_Away_Buyer_Decision_Date__c;
  const aligned = raw.Walk_Away_Buyer_Stakeholders_Aligned__c;
  const defined = raw.Walk_Away_Buyer_Scope_Defined__c;
  if (
    isBlank(returned) &&
    isBlank(budgetMin) &&
    isBlank(timeline) &&
    isBlank(stakeholders) &&
    isBlank(scope) &&
    isBlank(decisionDate) &&
    isBlank(aligned) &&
    isBlank(defined)
  ) {
    return NO_REENGAGEMENT;
  }
  return {
    buyerReturned: flagOf(returned, 'Walk_Away_Buyer_Returned__c', problems),
    budgetMinCents: centsOf(budgetMin, 'Walk_Away_Reengage_Budget_Min__c', problems),
    decisionBy: dateOf(timeline, 'Walk_Away_Reengage_Timeline__c', problems),
    stakeholdersRequired: flagOf(stakeholders, 'Walk_Away_Reengage_Stakeholders__c', problems),
    scopeRequired: flagOf(scope, 'Walk_Away_Reengage_Scope__c', problems),
    buyerDecisionDate: dateOf(decisionDate, 'Walk_Away_Buyer_Decision_Date__c', problems),
    stakeholdersAligned: flagOf(aligned, 'Walk_Away_Buyer_Stakeholders_Aligned__c', problems),
    scopeDefined: flagOf(defined, 'Walk_Away_Buyer_Scope_Defined__c', problems),
  };
}

/**
 * Reads one record. Blank cells are blank (null / false / []); a value of the wrong kind is a
 * problem naming the field, and every problem of the record is returned at once.
 */
export function readOpportunity(raw: Raw): ReadResult {
  const problems: FieldProblem[] = [];
  const id = textOf(raw.Id);
  const amountCents = centsOf(raw.Amount, 'Amount', problems);
  const dealSizeCents = centsOf(raw.Walk_Away_Deal_Size__c, 'Walk_Away_Deal_Size__c', problems);
  const directCostCents = centsOf(raw.Direct_Cost__c, 'Direct_Cost__c', problems);
  const overheadCents = centsOf(raw.Allocated_Overhead__c, 'Allocated_Overhead__c', problems);
  const liabilityCapMonths = decimalOf(raw.Liability_Cap_Months__c, 'Liability_Cap_Months__c', 1200, problems);
  const paymentTermsDays = decimalOf(raw.Payment_Terms_Days__c, 'Payment_Terms_Days__c', 3650, problems);
  const uptime = decimalOf(raw.SLA_Uptime_Pct__c, 'SLA_Uptime_Pct__c', 100, problems);
  const annualRevenue = decimalOf(raw['Account.AnnualRevenue'], 'Account.AnnualRevenue', 1e15, problems);
  const redFlags = readRedFlags(textOf(raw.Customer_Red_Flags__c));
  if (redFlags.unknown.length) {
    // Refused, never counted: a value the restricted picklist does not have is a typo or an old export.
    const values = redFlags.unknown.map((v) => `"${v}"`).join(', ');
    const what = redFlags.unknown.length === 1 ? 'a value' : 'values';
    problems.push({
      field: 'Customer_Red_Flags__c',
      value: raw.Customer_Red_Flags__c,
      message: `has ${what} the picklist does not have: ${values}`,
    });
  }
  const opportunity: Opportunity = {
    id,
    amountCents,
    dealSizeCents,
    currency: textOf(raw.CurrencyIsoCode),
    directCostCents,
    overheadCents,
    liabilityCapMonths,
    unlimitedLiability: flagOf(raw.Unlimited_Liability__c, 'Unlimited_Liability__c', problems),
    ipOwnershipTransfer: flagOf(raw.IP_Ownership_Transfer__c, 'IP_Ownership_Transfer__c', problems),
    paymentTermsDays,
    slaUptimeMilli: uptime === null ? null : Math.round(uptime * 1000),
    terminationForConvenience: flagOf(raw.Termination_For_Convenience__c, 'Termination_For_Convenience__c', problems),
    uncappedIndemnity: flagOf(raw.Uncapped_Indemnity__c, 'Uncapped_Indemnity__c', problems),
    redFlags: redFlags.flags,
    useCase: textOf(raw.Use_Case__c),
    technicalEnvironment: textOf(raw.Technical_Environment__c),
    industry: textOf(raw['Account.Industry']),
    annualRevenue,
    billingCountry: textOf(raw['Account.BillingCountry']),
    reengagement: reengagementOf(raw, problems),
  };
  return problems.length ? { ok: false, problems } : { ok: true, opportunity };
}

/**
 * The deal size that picks the policy's amount band: Walk_Away_Deal_Size__c, or Amount while it
 * is blank. A discount on Amount never moves a deal whose size is recorded into another band.
 */
export function dealSizeOf(opportunity: Opportunity): Cents | null {
  return opportunity.dealSizeCents ?? opportunity.amountCents;
}

/**
 * What to store in Walk_Away_Deal_Size__c when the deal is scored: Amount, the first time (the
 * field is blank and Amount is not); null when nothing is to be stored (already set, or no Amount).
 * Writers (panel, CLI) store it; afterwards only users who may edit costs change it.
 */
export function dealSizeToStore(opportunity: Opportunity): Cents | null {
  return opportunity.dealSizeCents === null ? opportunity.amountCents : null;
}

/**
 * The same opportunity at another price (the buyer's price on the panel), with its deal size
 * pinned first, so that the price is judged under the same policy as the deal itself.
 */
export function atPrice(opportunity: Opportunity, amountCents: Cents | null): Opportunity {
  return { ...opportunity, dealSizeCents: dealSizeOf(opportunity), amountCents };
}
