// The walk-away policy (Walk_Away_Policy__mdt): validated from a record whose keys are the field
// API names, whether it came from a custom metadata XML file, from Apex or from a test.
import * as z from 'zod/mini';
import type { MarginBasis } from './codes.js';
import { MARGIN_BASES } from './codes.js';
import { numberToCents, percentToBasisPoints, type Cents } from './money.js';
import { countryCode } from './countries.js';
import { splitMultiSelect } from './parse.js';

export type Policy = {
  readonly name: string;
  readonly label: string;
  readonly active: boolean;
  readonly priority: number | null;
  readonly minAmountCents: Cents | null;
  readonly maxAmountCents: Cents | null;
  readonly currency: string | null;
  readonly segmentIndustries: readonly string[] | null;
  readonly basis: MarginBasis;
  readonly minMarginBp: number;
  readonly targetMarginBp: number;
  readonly maxLiabilityCapMonths: number | null;
  readonly maxPaymentTermsDays: number | null;
  /** Highest uptime the service can commit to, in thousandths of a percent (99.9% = 99900). */
  readonly maxSlaUptimeMilli: number | null;
  readonly focusIndustries: readonly string[] | null;
  readonly minAnnualRevenue: number | null;
  readonly maxAnnualRevenue: number | null;
  /** Supported_Countries__c as ISO 3166 alpha-2 codes (written as codes or English names); blank = all. */
  readonly supportedCountries: readonly string[] | null;
  readonly supportedUseCases: readonly string[] | null;
  readonly supportedEnvironments: readonly string[] | null;
  readonly maxRedFlags: number | null;
  /** Days an approved exception under this policy holds, and a request may wait (blank = no limit; the audit checks). */
  readonly exceptionMaxAgeDays: number | null;
  readonly batna: BatnaSettings;
};

export type BatnaSettings = {
  readonly strongAlternatives: number;
  readonly weakAlternatives: number;
  readonly strongCoveragePct: number;
  readonly weakCoveragePct: number;
  readonly maxDealSharePct: number;
  readonly lateQuarterDays: number;
};

export const DEFAULT_BATNA: BatnaSettings = {
  strongAlternatives: 5,
  weakAlternatives: 1,
  strongCoveragePct: 100,
  weakCoveragePct: 50,
  maxDealSharePct: 50,
  lateQuarterDays: 21,
};

export type PolicyIssue = {
  readonly policy: string;
  readonly field: string;
  readonly value: unknown;
  readonly message: string;
};

/** An invalid policy: stops a run before anything is written. */
export class PolicyError extends Error {
  public readonly issues: readonly PolicyIssue[];
  public constructor(issues: readonly PolicyIssue[]) {
    super(
      issues.map((i) => `Policy ${i.policy}: ${i.field} ${i.message} (value: ${JSON.stringify(i.value)})`).join('\n'),
    );
    this.name = 'PolicyError';
    this.issues = issues;
  }
}

const blank = <T extends z.core.SomeType>(t: T) => z.optional(z.nullable(t));
const num = (min: number, max: number) => blank(z.number().check(z.gte(min), z.lte(max)));
const count = (max: number) => blank(z.number().check(z.int(), z.gte(0), z.lte(max)));

const PolicyRecord = z.object({
  DeveloperName: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)),
  MasterLabel: blank(z.string()),
  Active__c: blank(z.boolean()),
  Priority__c: num(0, 1e9),
  Min_Amount__c: num(0, 1e13),
  Max_Amount__c: num(0, 1e13),
  Currency_Iso_Code__c: blank(z.string().check(z.regex(/^\s*[A-Za-z]{3}\s*$/))),
  Segment_Industries__c: blank(z.string()),
  Min_Margin_Pct__c: z.number().check(z.gte(0), z.lte(1000)),
  Target_Margin_Pct__c: z.number().check(z.gte(0), z.lte(1000)),
  Margin_Basis__c: blank(z.enum(MARGIN_BASES)),
  Max_Liability_Cap_Months__c: num(0, 1200),
  Max_Payment_Terms_Days__c: num(0, 3650),
  Max_SLA_Uptime_Pct__c: num(0, 100),
  Focus_Industries__c: blank(z.string()),
  Min_Annual_Revenue__c: num(0, 1e15),
  Max_Annual_Revenue__c: num(0, 1e15),
  Supported_Countries__c: blank(z.string()),
  Supported_Use_Cases__c: blank(z.string()),
  Supported_Environments__c: blank(z.string()),
  Max_Red_Flags__c: count(100),
  Exception_Max_Age_Days__c: count(3650),
  Batna_Strong_Alternatives__c: count(10000),
  Batna_Weak_Alternatives__c: count(10000),
  Batna_Strong_Coverage_Pct__c: num(0, 10000),
  Batna_Weak_Coverage_Pct__c: num(0, 10000),
  Batna_Max_Deal_Share_Pct__c: num(0, 100),
  Batna_Late_Quarter_Days__c: count(92),
  Description__c: blank(z.string()),
});

type PolicyRecordFields = z.infer<typeof PolicyRecord>;

/** Every field of Walk_Away_Policy__mdt that the engine reads, in the order of the type. */
export const POLICY_RECORD_FIELDS: readonly string[] = Object.keys(PolicyRecord.shape);

/** Standard fields every custom metadata record has: present in queries, never a policy setting. */
const STANDARD_FIELDS: ReadonlySet<string> = new Set([
  'Id',
  'Label',
  'Language',
  'NamespacePrefix',
  'QualifiedApiName',
  'SystemModstamp',
]);
const KNOWN_FIELDS: ReadonlySet<string> = new Set([...POLICY_RECORD_FIELDS, ...STANDARD_FIELDS]);

/** Fields of a record that Walk_Away_Policy__mdt does not have (an admin's typo or a newer field). */
export function unknownPolicyFields(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).filter((field) => !KNOWN_FIELDS.has(field));
}

function describe(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & {
    minimum?: unknown;
    maximum?: unknown;
    expected?: unknown;
    values?: unknown[];
  };
  switch (i.code) {
    case 'too_small':
      return `must be at least ${String(i.minimum)}`;
    case 'too_big':
      return `must be at most ${String(i.maximum)}`;
    case 'invalid_type':
      return i.expected === 'int'
        ? 'must be a whole number'
        : `must be ${/^[aeiou]/.test(String(i.expected)) ? 'an' : 'a'} ${String(i.expected)}`;
    case 'invalid_value':
      return `must be one of ${(i.values ?? []).map(String).join(', ')}`;
    case 'invalid_format':
      return 'has an invalid format';
    default:
      return 'is invalid';
  }
}

const list = (value: string | null | undefined): string[] | null => {
  const items = splitMultiSelect(value);
  return items.length ? items : null;
};

/**
 * Validates one policy record. Throws PolicyError naming the record and every invalid field:
 * margins out of range for their basis, target below minimum, a band whose min exceeds its max.
 */
export function readPolicy(
  record: Readonly<Record<string, unknown>>,
  name = String(record.DeveloperName ?? '?'),
): Policy {
  const unknown = unknownPolicyFields(record);
  if (unknown.length) {
    throw new PolicyError(
      unknown.map((field) => ({
        policy: name,
        field,
        value: record[field],
        message: 'is not a field of Walk_Away_Policy__mdt',
      })),
    );
  }
  const parsed = PolicyRecord.safeParse(record);
  if (!parsed.success) {
    throw new PolicyError(
      parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? 'record');
        return { policy: name, field, value: record[field], message: describe(issue) };
      }),
    );
  }
  const r: PolicyRecordFields = parsed.data;
  const issues: PolicyIssue[] = [];
  const bp = (field: 'Min_Margin_Pct__c' | 'Target_Margin_Pct__c'): number => {
    const value = percentToBasisPoints(r[field]);
    if (value === undefined)
      issues.push({ policy: name, field, value: r[field], message: 'must have at most two decimals' });
    return value ?? 0;
  };
  const basis = r.Margin_Basis__c ?? 'Cost';
  const minMarginBp = bp('Min_Margin_Pct__c');
  const targetMarginBp = bp('Target_Margin_Pct__c');
  if (basis === 'Price') {
    for (const field of ['Min_Margin_Pct__c', 'Target_Margin_Pct__c'] as const) {
      if (r[field] >= 100) {
        issues.push({
          policy: name,
          field,
          value: r[field],
          message: 'must be below 100 when Margin_Basis__c is Price',
        });
      }
    }
  }
  if (targetMarginBp < minMarginBp) {
    issues.push({
      policy: name,
      field: 'Target_Margin_Pct__c',
      value: r.Target_Margin_Pct__c,
      message: `must be at least Min_Margin_Pct__c (${r.Min_Margin_Pct__c})`,
    });
  }
  const cents = (field: 'Min_Amount__c' | 'Max_Amount__c'): Cents | null =>
    r[field] == null ? null : (numberToCents(r[field]) ?? null);
  const minAmountCents = cents('Min_Amount__c');
  const maxAmountCents = cents('Max_Amount__c');
  if (minAmountCents !== null && maxAmountCents !== null && minAmountCents >= maxAmountCents) {
    issues.push({
      policy: name,
      field: 'Max_Amount__c',
      value: r.Max_Amount__c,
      message: `must be above Min_Amount__c (${r.Min_Amount__c})`,
    });
  }
  const batna: BatnaSettings = {
    strongAlternatives: r.Batna_Strong_Alternatives__c ?? DEFAULT_BATNA.strongAlternatives,
    weakAlternatives: r.Batna_Weak_Alternatives__c ?? DEFAULT_BATNA.weakAlternatives,
    strongCoveragePct: r.Batna_Strong_Coverage_Pct__c ?? DEFAULT_BATNA.strongCoveragePct,
    weakCoveragePct: r.Batna_Weak_Coverage_Pct__c ?? DEFAULT_BATNA.weakCoveragePct,
    maxDealSharePct: r.Batna_Max_Deal_Share_Pct__c ?? DEFAULT_BATNA.maxDealSharePct,
    lateQuarterDays: r.Batna_Late_Quarter_Days__c ?? DEFAULT_BATNA.lateQuarterDays,
  };
  if (batna.weakAlternatives >= batna.strongAlternatives) {
    issues.push({
      policy: name,
      field: 'Batna_Strong_Alternatives__c',
      value: batna.strongAlternatives,
      message: `must be above Batna_Weak_Alternatives__c (${batna.weakAlternatives})`,
    });
  }
  if (batna.weakCoveragePct > batna.strongCoveragePct) {
    issues.push({
      policy: name,
      field: 'Batna_Strong_Coverage_Pct__c',
      value: batna.strongCoveragePct,
      message: `must be at least Batna_Weak_Coverage_Pct__c (${batna.weakCoveragePct})`,
    });
  }
  if (r.Min_Annual_Revenue__c != null && r.Max_Annual_Revenue__c != null) {
    if (r.Max_Annual_Revenue__c < r.Min_Annual_Revenue__c) {
      issues.push({
        policy: name,
        field: 'Max_Annual_Revenue__c',
        value: r.Max_Annual_Revenue__c,
        message: `must be at least Min_Annual_Revenue__c (${r.Min_Annual_Revenue__c})`,
      });
    }
  }
  const countries = list(r.Supported_Countries__c);
  const supportedCountries: string[] = [];
  for (const country of countries ?? []) {
    const code = countryCode(country);
    if (code === null) {
      issues.push({
        policy: name,
        field: 'Supported_Countries__c',
        value: r.Supported_Countries__c,
        message: `names ${JSON.stringify(country)}, which is not an ISO 3166 country code or English country name`,
      });
    } else if (!supportedCountries.includes(code)) supportedCountries.push(code);
  }
  if (issues.length) throw new PolicyError(issues);
  return {
    name: r.DeveloperName,
    label: r.MasterLabel ?? r.DeveloperName,
    active: r.Active__c ?? false,
    priority: r.Priority__c ?? null,
    minAmountCents,
    maxAmountCents,
    currency: r.Currency_Iso_Code__c == null ? null : r.Currency_Iso_Code__c.trim().toUpperCase(),
    segmentIndustries: list(r.Segment_Industries__c),
    basis,
    minMarginBp,
    targetMarginBp,
    maxLiabilityCapMonths: r.Max_Liability_Cap_Months__c ?? null,
    maxPaymentTermsDays: r.Max_Payment_Terms_Days__c ?? null,
    maxSlaUptimeMilli: r.Max_SLA_Uptime_Pct__c == null ? null : Math.round(r.Max_SLA_Uptime_Pct__c * 1000),
    focusIndustries: list(r.Focus_Industries__c),
    minAnnualRevenue: r.Min_Annual_Revenue__c ?? null,
    maxAnnualRevenue: r.Max_Annual_Revenue__c ?? null,
    supportedCountries: countries === null ? null : supportedCountries,
    supportedUseCases: list(r.Supported_Use_Cases__c),
    supportedEnvironments: list(r.Supported_Environments__c),
    maxRedFlags: r.Max_Red_Flags__c ?? null,
    exceptionMaxAgeDays: r.Exception_Max_Age_Days__c ?? null,
    batna,
  };
}

/**
 * Validates every record; all problems of all records are reported together. Duplicate
 * DeveloperNames are an error too.
 */
export function readPolicies(records: readonly Readonly<Record<string, unknown>>[]): Policy[] {
  const issues: PolicyIssue[] = [];
  const policies: Policy[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    try {
      const policy = readPolicy(record);
      if (seen.has(policy.name)) {
        issues.push({
          policy: policy.name,
          field: 'DeveloperName',
          value: policy.name,
          message: 'is used by two records',
        });
      }
      seen.add(policy.name);
      policies.push(policy);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length) throw new PolicyError(issues);
  return policies;
}
