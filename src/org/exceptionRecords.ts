// Reads the org's Walk-Away exceptions (one REST query, every page) for the audit and the report.
// A running user who cannot read the exception object or one of its fields (INVALID_TYPE,
// INVALID_FIELD: the org answers so for what the user's permissions hide) gets no records and the
// reason, so that the command says what it could not check instead of failing.
import type { Connection } from '@salesforce/core';
import { APPROVERS, centsToNumber, numberToCents, splitMultiSelect, type Approver } from '../engine/index.js';
import { ApiError } from './errors.js';
import {
  APPROVER_STEP_FIELDS,
  EXCEPTION_FIELDS,
  EXCEPTION_OBJECT,
  EXCEPTION_PARENT_FIELDS,
  relationOf,
} from './exceptionFields.js';
import { fieldList, flatten, queryAll, textOf } from './soql.js';

export type ApprovedStep = {
  readonly approver: Approver;
  readonly userId: string;
  readonly userName: string;
  readonly approvedOn: string | null;
};

export type ExceptionRecord = {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly opportunityId: string;
  readonly opportunityName: string;
  readonly ownerId: string;
  /** The deal's Amount now (null when blank or not visible). */
  readonly dealAmount: number | null;
  readonly dealClosed: boolean;
  readonly dealWon: boolean;
  readonly closeDate: string | null;
  readonly dealVerdict: string | null;
  readonly findings: readonly string[];
  /** Who must approve (Approvers__c), in APPROVERS order. */
  readonly approvers: readonly Approver[];
  readonly amount: number | null;
  readonly policy: string | null;
  readonly requestedBy: string | null;
  readonly requestedByName: string | null;
  readonly requestedOn: string | null;
  readonly steps: readonly ApprovedStep[];
  readonly decidedOn: string | null;
  readonly staleReason: string | null;
};

export type ExceptionRead =
  { readonly ok: true; readonly exceptions: ExceptionRecord[] } | { readonly ok: false; readonly reason: string };

/** Errors an org answers when the running user's permissions hide the object or a field. */
export const HIDDEN: ReadonlySet<string> = new Set(['INVALID_TYPE', 'INVALID_FIELD', 'INSUFFICIENT_ACCESS']);

export const EXCEPTION_SOQL = `SELECT ${fieldList([...EXCEPTION_FIELDS, ...EXCEPTION_PARENT_FIELDS])} FROM ${EXCEPTION_OBJECT}`;

const money = (v: unknown): number | null => {
  const cents = typeof v === 'number' ? numberToCents(v) : undefined;
  return cents === undefined ? null : centsToNumber(cents);
};
/** A `;`-separated field's codes (the engine's multi-select split; a non-text value has none). */
export const codesOf = (v: unknown): string[] => splitMultiSelect(typeof v === 'string' ? v : null);

export function exceptionRecord(raw: Readonly<Record<string, unknown>>): ExceptionRecord {
  const r = flatten(raw as Record<string, unknown>);
  const required = new Set(codesOf(r.Approvers__c));
  const steps: ApprovedStep[] = [];
  for (const approver of APPROVERS) {
    const f = APPROVER_STEP_FIELDS[approver];
    const userId = textOf(r[f.approver]);
    if (userId === null) continue;
    steps.push({
      approver,
      userId,
      userName: textOf(r[`${relationOf(f.approver)}.Name`]) ?? userId,
      approvedOn: textOf(r[f.approvedOn]),
    });
  }
  return {
    id: String(r.Id ?? ''),
    name: textOf(r.Name) ?? String(r.Id ?? ''),
    status: textOf(r.Status__c) ?? '',
    opportunityId: String(r.Opportunity__c ?? ''),
    opportunityName: textOf(r['Opportunity__r.Name']) ?? '',
    ownerId: textOf(r['Opportunity__r.OwnerId']) ?? '',
    dealAmount: money(r['Opportunity__r.Amount']),
    dealClosed: r['Opportunity__r.IsClosed'] === true,
    dealWon: r['Opportunity__r.IsWon'] === true,
    closeDate: textOf(r['Opportunity__r.CloseDate']),
    dealVerdict: textOf(r['Opportunity__r.Walk_Away_Recommendation__c']),
    findings: codesOf(r.Findings__c),
    approvers: APPROVERS.filter((a) => required.has(a)),
    amount: money(r.Amount__c),
    policy: textOf(r.Policy__c),
    requestedBy: textOf(r.Requested_By__c),
    requestedByName: textOf(r[`${relationOf('Requested_By__c')}.Name`]),
    requestedOn: textOf(r.Requested_On__c),
    steps,
    decidedOn: textOf(r.Decided_On__c),
    staleReason: textOf(r.Stale_Reason__c),
  };
}

/** Exceptions by the deal they belong to (Opportunity__c), in the order read. */
export function exceptionsByDeal(exceptions: readonly ExceptionRecord[]): Map<string, ExceptionRecord[]> {
  const byDeal = new Map<string, ExceptionRecord[]>();
  for (const e of exceptions) {
    const list = byDeal.get(e.opportunityId);
    if (list) list.push(e);
    else byDeal.set(e.opportunityId, [e]);
  }
  return byDeal;
}

/** Every exception the running user may read; or why none could be read. */
export async function readExceptions(conn: Connection): Promise<ExceptionRead> {
  try {
    const rows = await queryAll(conn, EXCEPTION_SOQL);
    return { ok: true, exceptions: rows.map(exceptionRecord) };
  } catch (error) {
    if (error instanceof ApiError && HIDDEN.has(error.errorCode)) {
      return { ok: false, reason: `${error.errorCode}: ${error.message}` };
    }
    throw error;
  }
}
