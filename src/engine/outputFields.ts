// The output fields written back to the Opportunity (contract.md), and the comparison that keeps
// writers from writing what is already stored.
import type { BatnaStrength, Verdict } from './codes.js';
import { centsToNumber } from './money.js';
import type { Score } from './score.js';

export const OUTPUT_FIELDS = [
  'Walk_Away_Recommendation__c',
  'Walk_Away_Floor__c',
  'Walk_Away_Threshold__c',
  'Walk_Away_Findings__c',
  'Walk_Away_Approvals__c',
  'Walk_Away_BATNA__c',
  'Walk_Away_Policy__c',
  'Walk_Away_Deal_Size__c',
] as const;
export type OutputField = (typeof OUTPUT_FIELDS)[number];

/** Values as Salesforce holds them: money in currency units, multi-selects `;`-joined, blanks null. */
export type OutputRecord = {
  Walk_Away_Recommendation__c: Verdict;
  Walk_Away_Floor__c: number | null;
  Walk_Away_Threshold__c: number | null;
  Walk_Away_Findings__c: string | null;
  Walk_Away_Approvals__c: string | null;
  Walk_Away_BATNA__c: BatnaStrength;
  Walk_Away_Policy__c: string | null;
  /**
   * The deal size that picked the policy: what is stored, else Amount. Unchanged once stored, so
   * writers set it only the first time a deal is scored (dealSizeToStore says the same).
   */
  Walk_Away_Deal_Size__c: number | null;
};

export function outputRecord(score: Score): OutputRecord {
  return {
    Walk_Away_Recommendation__c: score.verdict,
    Walk_Away_Floor__c: score.floorCents === null ? null : centsToNumber(score.floorCents),
    Walk_Away_Threshold__c: score.thresholdCents === null ? null : centsToNumber(score.thresholdCents),
    Walk_Away_Findings__c: score.findings.length ? score.findings.map((f) => f.code).join(';') : null,
    Walk_Away_Approvals__c: score.approvals.length ? score.approvals.join(';') : null,
    Walk_Away_BATNA__c: score.batna.strength,
    Walk_Away_Policy__c: score.policy,
    Walk_Away_Deal_Size__c: score.dealSizeCents === null ? null : centsToNumber(score.dealSizeCents),
  };
}

const MULTI: ReadonlySet<OutputField> = new Set(['Walk_Away_Findings__c', 'Walk_Away_Approvals__c']);
const MONEY: ReadonlySet<OutputField> = new Set([
  'Walk_Away_Floor__c',
  'Walk_Away_Threshold__c',
  'Walk_Away_Deal_Size__c',
]);

function normalise(field: OutputField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (MONEY.has(field)) {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? String(Math.round(n * 100)) : String(value);
  }
  if (MULTI.has(field)) {
    return String(value)
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .sort()
      .join(';');
  }
  return String(value);
}

/**
 * The output fields whose computed value differs from the stored one (multi-select order and
 * money formatting ignored). Empty when nothing needs writing.
 */
export function changedOutputs(stored: Readonly<Record<string, unknown>>, next: OutputRecord): Partial<OutputRecord> {
  const changed: Partial<Record<OutputField, unknown>> = {};
  for (const field of OUTPUT_FIELDS) {
    if (normalise(field, stored[field]) !== normalise(field, next[field])) changed[field] = next[field];
  }
  return changed as Partial<OutputRecord>;
}
