// The opportunity of a plain record (io/export/plainRecord.ts) read from its bytes: the Opportunity
// readOpportunity gives for the record's text, for a record it reads without a problem. Amounts,
// costs and annual revenue are read digit by digit (the engine's plainCentsAt, or plain digits);
// every other field once per distinct value, by readOpportunity itself on a record of that one
// cell, so that its rules stay in the engine alone. A cell in another form, a value with a
// problem, or a buyer's return (its conditions) is not read here: `undefined` says so, and the
// record is read as text, with the messages it always had.
import {
  INPUT_FIELDS,
  plainCentsAt,
  readOpportunity,
  type Cents,
  type InputField,
  type Opportunity,
} from '../engine/index.js';
import { looksLikeFraction } from '../io/export/locale.js';
import { DistinctCells, digitsAt, flagAt, type PlainRecord } from '../io/export/plainRecord.js';

/** How each engine input is read here: every field has a way (a new field must be given one). */
const HOW: Readonly<Record<InputField, 'id' | 'cents' | 'digits' | 'flag' | 'distinct' | 'blank'>> = {
  Id: 'id',
  Amount: 'cents',
  CurrencyIsoCode: 'distinct',
  Direct_Cost__c: 'cents',
  Allocated_Overhead__c: 'cents',
  Liability_Cap_Months__c: 'distinct',
  Unlimited_Liability__c: 'flag',
  IP_Ownership_Transfer__c: 'flag',
  Payment_Terms_Days__c: 'distinct',
  SLA_Uptime_Pct__c: 'distinct',
  Termination_For_Convenience__c: 'flag',
  Uncapped_Indemnity__c: 'flag',
  Customer_Red_Flags__c: 'distinct',
  Use_Case__c: 'distinct',
  Technical_Environment__c: 'distinct',
  'Account.Industry': 'distinct',
  'Account.AnnualRevenue': 'digits',
  Walk_Away_Deal_Size__c: 'cents',
  'Account.BillingCountry': 'distinct',
  // The re-engagement inputs: blank for nearly every deal; a record with any of them is read as text.
  Walk_Away_Buyer_Returned__c: 'blank',
  Walk_Away_Reengage_Budget_Min__c: 'blank',
  Walk_Away_Reengage_Timeline__c: 'blank',
  Walk_Away_Reengage_Stakeholders__c: 'blank',
  Walk_Away_Reengage_Scope__c: 'blank',
  Walk_Away_Buyer_Decision_Date__c: 'blank',
  Walk_Away_Buyer_Stakeholders_Aligned__c: 'blank',
  Walk_Away_Buyer_Scope_Defined__c: 'blank',
};

/** A cell readOpportunity does not read without a problem (or one the row check refuses first). */
const REFUSED = Symbol('refused');
type Read<T> = T | typeof REFUSED;

/** A field's value as readOpportunity reads a record holding only that cell. */
function fieldReader<T>(field: InputField, pick: (o: Opportunity) => T): (text: string) => Read<T> {
  return (text) => {
    const read = readOpportunity({ [field]: text });
    return read.ok ? pick(read.opportunity) : REFUSED;
  };
}

/** The opportunity of a record with no cells: what an absent column reads as. */
const BLANK = (readOpportunity({}) as { opportunity: Opportunity }).opportunity;

/** An amount cell (column `k`, -1: absent): blank is null; undefined when not plain. */
function centsIn(r: PlainRecord, k: number): Cents | null | undefined {
  if (k === -1) return null;
  const s = r.starts[k] as number;
  const e = r.ends[k] as number;
  if (e === s) return null;
  const c = plainCentsAt(r.bytes, s, e);
  return c === -1 ? undefined : c;
}

/** A checkbox cell (column `k`, -1: absent: false); undefined when spelt otherwise. */
function flagIn(r: PlainRecord, k: number): boolean | undefined {
  if (k === -1) return false;
  const f = flagAt(r.bytes, r.starts[k] as number, r.ends[k] as number);
  return f === -1 ? undefined : f === 1;
}

/** A field read once per distinct value (column `k`, -1: absent: `absent`). */
function distinctIn<T>(r: PlainRecord, k: number, cells: DistinctCells<Read<T>>, absent: T): Read<T> {
  return k === -1 ? absent : cells.at(r.bytes, r.starts[k] as number, r.ends[k] as number);
}

export class OpportunityCells {
  private readonly at: Readonly<Record<InputField, number>>;
  private readonly blanks: readonly number[];
  private readonly currency = new DistinctCells(fieldReader('CurrencyIsoCode', (o) => o.currency));
  private readonly liabilityCap = new DistinctCells(
    fieldReader('Liability_Cap_Months__c', (o) => o.liabilityCapMonths),
  );
  private readonly paymentTerms = new DistinctCells(fieldReader('Payment_Terms_Days__c', (o) => o.paymentTermsDays));
  // A fraction (0.9995) is refused before it is read: the row check says it looks like one.
  private readonly uptime = new DistinctCells((text) =>
    looksLikeFraction(text) ? REFUSED : fieldReader('SLA_Uptime_Pct__c', (o) => o.slaUptimeMilli)(text),
  );
  private readonly redFlags = new DistinctCells(fieldReader('Customer_Red_Flags__c', (o) => o.redFlags));
  private readonly useCase = new DistinctCells(fieldReader('Use_Case__c', (o) => o.useCase));
  private readonly environment = new DistinctCells(
    fieldReader('Technical_Environment__c', (o) => o.technicalEnvironment),
  );
  private readonly industry = new DistinctCells(fieldReader('Account.Industry', (o) => o.industry));
  private readonly country = new DistinctCells(fieldReader('Account.BillingCountry', (o) => o.billingCountry));

  /** For records of these columns (PlainRecord.columns). */
  public constructor(public readonly columns: readonly (string | null)[]) {
    const at = {} as Record<InputField, number>;
    for (const field of INPUT_FIELDS) at[field] = columns.indexOf(field);
    this.at = at;
    this.blanks = INPUT_FIELDS.filter((f) => HOW[f] === 'blank' && at[f] !== -1).map((f) => at[f]);
  }

  /**
   * readOpportunity's opportunity for the record, Id `id` (its Id cell as written), when it reads
   * without a problem and in the forms read here; undefined otherwise (read the record as text).
   */
  public read(r: PlainRecord, id: string): Opportunity | undefined {
    const { starts, ends } = r;
    for (const k of this.blanks) if (ends[k] !== starts[k]) return undefined;
    const at = this.at;
    const amountCents = centsIn(r, at.Amount);
    const dealSizeCents = centsIn(r, at.Walk_Away_Deal_Size__c);
    const directCostCents = centsIn(r, at.Direct_Cost__c);
    const overheadCents = centsIn(r, at.Allocated_Overhead__c);
    if (
      amountCents === undefined ||
      dealSizeCents === undefined ||
      directCostCents === undefined ||
      overheadCents === undefined
    ) {
      return undefined;
    }
    let annualRevenue: number | null = null;
    const revenueAt = at['Account.AnnualRevenue'];
    if (revenueAt !== -1 && ends[revenueAt] !== starts[revenueAt]) {
      annualRevenue = digitsAt(r.bytes, starts[revenueAt] as number, ends[revenueAt] as number);
      if (annualRevenue === -1) return undefined;
    }
    const unlimitedLiability = flagIn(r, at.Unlimited_Liability__c);
    const ipOwnershipTransfer = flagIn(r, at.IP_Ownership_Transfer__c);
    const terminationForConvenience = flagIn(r, at.Termination_For_Convenience__c);
    const uncappedIndemnity = flagIn(r, at.Uncapped_Indemnity__c);
    if (
      unlimitedLiability === undefined ||
      ipOwnershipTransfer === undefined ||
      terminationForConvenience === undefined ||
      uncappedIndemnity === undefined
    ) {
      return undefined;
    }
    const currency = distinctIn(r, at.CurrencyIsoCode, this.currency, BLANK.currency);
    const liabilityCapMonths = distinctIn(r, at.Liability_Cap_Months__c, this.liabilityCap, BLANK.liabilityCapMonths);
    const paymentTermsDays = distinctIn(r, at.Payment_Terms_Days__c, this.paymentTerms, BLANK.paymentTermsDays);
    const slaUptimeMilli = distinctIn(r, at.SLA_Uptime_Pct__c, this.uptime, BLANK.slaUptimeMilli);
    const redFlags = distinctIn(r, at.Customer_Red_Flags__c, this.redFlags, BLANK.redFlags);
    const useCase = distinctIn(r, at.Use_Case__c, this.useCase, BLANK.useCase);
    const technicalEnvironment = distinctIn(
      r,
      at.Technical_Environment__c,
      this.environment,
      BLANK.technicalEnvironment,
    );
    const industry = distinctIn(r, at['Account.Industry'], this.industry, BLANK.industry);
    const billingCountry = distinctIn(r, at['Account.BillingCountry'], this.country, BLANK.billingCountry);
    if (
      currency === REFUSED ||
      liabilityCapMonths === REFUSED ||
      paymentTermsDays === REFUSED ||
      slaUptimeMilli === REFUSED ||
      redFlags === REFUSED ||
      useCase === REFUSED ||
      technicalEnvironment === REFUSED ||
      industry === REFUSED ||
      billingCountry === REFUSED
    ) {
      return undefined;
    }
    // In readOpportunity's order: the same shape as the opportunities it makes.
    return {
      id,
      amountCents,
      dealSizeCents,
      currency,
      directCostCents,
      overheadCents,
      liabilityCapMonths,
      unlimitedLiability,
      ipOwnershipTransfer,
      paymentTermsDays,
      slaUptimeMilli,
      terminationForConvenience,
      uncappedIndemnity,
      redFlags,
      useCase,
      technicalEnvironment,
      industry,
      annualRevenue,
      billingCountry,
      reengagement: BLANK.reengagement,
    };
  }
}
