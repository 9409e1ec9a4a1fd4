// The exceptions part of `walkaway report` (issue #11 item 7): exceptions requested in the quarter by
// approver and outcome, and the value of bad deals avoided against the value let through. Pure:
// it works on what report.ts read (exceptionRecords.ts, approvalHistory.ts, the Closed Won deals
// of audit.ts) and judges a won deal as `walkaway audit` does (closedAudit.ts), never anew.
import { APPROVERS, type Approver, type Verdict } from '../engine/index.js';
import type { AuditProblem } from './audit.js';
import { auditSelfApproval, auditWonDeal, verdictAtWin } from './closedAudit.js';
import { EXCEPTION_STATUSES, type ExceptionStatus } from './exceptionFields.js';
import { exceptionsByDeal, type ExceptionRecord } from './exceptionRecords.js';
import type { Rejection } from './approvalHistory.js';

export type Total = { count: number; value: number };

/** Requested, Approved, Rejected, Recalled, Stale: how many exceptions and their Amount__c. */
export type Outcomes = Record<ExceptionStatus, Total>;

/** One person who acted on exceptions requested in the quarter. */
export type ExceptionApprover = {
  /** The user's name (their Id when the name is not readable), or NO_APPROVER. */
  approver: string;
  /** Null for NO_APPROVER. */
  userId: string | null;
  /** The steps this person approved (VP, Legal, C-Level, Strategic Review). */
  approvedSteps: Approver[];
  /** Exceptions this person rejected (from the approval history). */
  rejected: number;
  /** Every exception this person acted on, each once, by its status now. */
  total: Total;
  outcomes: Outcomes;
  /** Of these, exceptions this person had requested and approved a step of. */
  selfApproved: number;
};

export type SelfApprovedException = {
  exceptionId: string;
  exception: string;
  status: string;
  opportunityId: string;
  opportunityName: string;
  amount: number | null;
  /** The closed audit's words (SELF_APPROVED). */
  detail: string;
};

export type ExceptionsReport = {
  /** Why the exceptions could not be read (the org's error), or null. Then everything below is empty. */
  unreadable: string | null;
  /** Why the approval history could not be read (rejecters unknown), or null. */
  historyUnreadable: string | null;
  /** Exceptions whose Requested_On__c falls in the quarter, with their Amount__c. */
  requested: Total;
  /** The same, each once, by status now. */
  outcomes: Outcomes;
  /** By person; an exception counts under each person who acted on it. */
  byApprover: ExceptionApprover[];
  selfApproved: SelfApprovedException[];
};

export type AvoidedBy = 'WALKED_AWAY' | 'EXCEPTION_REJECTED';
export type AvoidedDeal = {
  id: string;
  name: string;
  amount: number;
  avoidedBy: AvoidedBy;
  /** The rejected exception's Name (EXCEPTION_REJECTED), else null. */
  exception: string | null;
  /** Decided on (walked away) or requested on (rejected exception). */
  on: string | null;
};

export type Avoided = {
  /** Every deal once: walked away from, else with a rejected exception. */
  total: Total;
  walkedAway: Total;
  exceptionsRejected: Total;
  deals: AvoidedDeal[];
};

export type LetThroughDeal = {
  id: string;
  name: string;
  ownerId: string;
  amount: number;
  closeDate: string | null;
  verdictAtWin: Verdict;
  /** The approved exception recorded on the deal (Walk_Away_Approved_Exception__c, an Id), or null. */
  exception: string | null;
  /** Its Name (WAE-00001) when the exception could be read, else null. */
  exceptionName: string | null;
  /** The closed audit's problem; null when an approved, current exception covered the deal. */
  problem: AuditProblem | null;
  detail: string | null;
};

export type LetThrough = {
  /** Every deal Closed Won in the quarter, flagged or not (for scale). */
  closedWon: Total;
  /** Closed Won with a Walk Away or Approval Required verdict at the win. */
  total: Total;
  withApprovedException: Total;
  againstRules: Total;
  deals: LetThroughDeal[];
};

/** The row of exceptions nobody has acted on yet (or whose rejecter the history does not show). */
export const NO_APPROVER = '(no approver recorded)';

const zero = (): Total => ({ count: 0, value: 0 });
const add = (t: Total, value: number): void => {
  t.count += 1;
  t.value = Math.round((t.value + value) * 100) / 100;
};
const outcomes = (): Outcomes => Object.fromEntries(EXCEPTION_STATUSES.map((s) => [s, zero()])) as Outcomes;
const statusOf = (e: ExceptionRecord): ExceptionStatus =>
  (EXCEPTION_STATUSES as readonly string[]).includes(e.status) ? (e.status as ExceptionStatus) : 'Requested';
const amountOf = (e: ExceptionRecord): number => e.amount ?? e.dealAmount ?? 0;
const dayOf = (instant: string | null): string | null => (instant === null ? null : instant.slice(0, 10));

/** Requested in the quarter: the day of Requested_On__c as the org stores it (UTC), as the org's report filters. */
export function requestedIn(e: ExceptionRecord, quarter: { start: string; end: string }): boolean {
  const day = dayOf(e.requestedOn);
  return day !== null && day >= quarter.start && day <= quarter.end;
}

/** Exceptions by approver and outcome. `rejections` by exception Id (null: the history was not read). */
export function exceptionsReport(
  exceptions: readonly ExceptionRecord[],
  rejections: ReadonlyMap<string, Rejection> | null,
): Omit<ExceptionsReport, 'unreadable' | 'historyUnreadable'> {
  const requested = zero();
  const all = outcomes();
  const people = new Map<string, ExceptionApprover>();
  const selfApproved: SelfApprovedException[] = [];
  const row = (userId: string | null, name: string): ExceptionApprover => {
    const key = userId ?? '';
    let r = people.get(key);
    if (!r) {
      r = {
        approver: name,
        userId,
        approvedSteps: [],
        rejected: 0,
        total: zero(),
        outcomes: outcomes(),
        selfApproved: 0,
      };
      people.set(key, r);
    }
    return r;
  };
  for (const e of exceptions) {
    const status = statusOf(e);
    const value = amountOf(e);
    add(requested, value);
    add(all[status], value);
    const self = auditSelfApproval(e);
    if (self) {
      selfApproved.push({
        exceptionId: e.id,
        exception: e.name,
        status: e.status,
        opportunityId: e.opportunityId,
        opportunityName: e.opportunityName,
        amount: e.amount,
        detail: self.detail,
      });
    }
    const acted = new Set<ExceptionApprover>();
    for (const step of e.steps) {
      const r = row(step.userId, step.userName);
      if (!r.approvedSteps.includes(step.approver)) r.approvedSteps.push(step.approver);
      if (self && step.userId === e.requestedBy && !acted.has(r)) r.selfApproved += 1;
      acted.add(r);
    }
    const rejection = status === 'Rejected' ? rejections?.get(e.id) : undefined;
    if (rejection) {
      const r = row(rejection.userId, rejection.userName);
      r.rejected += 1;
      acted.add(r);
    }
    if (!acted.size) acted.add(row(null, NO_APPROVER));
    for (const r of acted) {
      add(r.total, value);
      add(r.outcomes[status], value);
    }
  }
  for (const r of people.values()) r.approvedSteps = APPROVERS.filter((a) => r.approvedSteps.includes(a));
  const byApprover = [...people.values()].sort(
    (a, b) =>
      Number(a.userId === null) - Number(b.userId === null) ||
      b.total.count - a.total.count ||
      a.approver.localeCompare(b.approver),
  );
  return { requested, outcomes: all, byApprover, selfApproved };
}

/**
 * Bad deals avoided: deals walked away from in the quarter (their Amount), and deals whose exception
 * requested in the quarter was rejected (the Amount asked) that were neither walked away from
 * (counted once) nor Closed Won since. One deal with several rejected requests counts once, at the
 * last request.
 */
export function avoidedDeals(
  walkAways: ReadonlyArray<{ id: string; name: string; amount: number; decidedOn: string | null }>,
  exceptionsInQuarter: readonly ExceptionRecord[],
): Avoided {
  const result: Avoided = { total: zero(), walkedAway: zero(), exceptionsRejected: zero(), deals: [] };
  const walked = new Set(walkAways.map((d) => d.id));
  for (const d of walkAways) {
    result.deals.push({
      id: d.id,
      name: d.name,
      amount: d.amount,
      avoidedBy: 'WALKED_AWAY',
      exception: null,
      on: d.decidedOn,
    });
  }
  const rejected = new Map<string, ExceptionRecord>();
  for (const e of exceptionsInQuarter) {
    if (e.status !== 'Rejected' || e.dealWon || walked.has(e.opportunityId)) continue;
    const before = rejected.get(e.opportunityId);
    if (!before || (before.requestedOn ?? '') <= (e.requestedOn ?? '')) rejected.set(e.opportunityId, e);
  }
  for (const e of rejected.values()) {
    result.deals.push({
      id: e.opportunityId,
      name: e.opportunityName,
      amount: amountOf(e),
      avoidedBy: 'EXCEPTION_REJECTED',
      exception: e.name,
      on: dayOf(e.requestedOn),
    });
  }
  for (const d of result.deals) {
    add(result.total, d.amount);
    add(d.avoidedBy === 'WALKED_AWAY' ? result.walkedAway : result.exceptionsRejected, d.amount);
  }
  result.deals.sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id));
  return result;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * Let through: deals Closed Won in the quarter whose verdict at the win (the closed audit's
 * verdictAtWin) was Walk Away or Approval Required; with an approved, current exception when the
 * closed audit finds nothing (auditWonDeal), else against the rules. `exceptions`: every exception
 * read (null: unreadable, the audit then judges on the deal's approval snapshot).
 */
export function letThrough(
  won: ReadonlyArray<Readonly<Record<string, unknown>>>,
  exceptions: readonly ExceptionRecord[] | null,
): LetThrough {
  const result: LetThrough = {
    closedWon: zero(),
    total: zero(),
    withApprovedException: zero(),
    againstRules: zero(),
    deals: [],
  };
  const byDeal = exceptionsByDeal(exceptions ?? []);
  const names = new Map((exceptions ?? []).map((e) => [e.id, e.name]));
  for (const deal of won) {
    const amount = num(deal.Amount);
    add(result.closedWon, amount);
    const { verdict } = verdictAtWin(deal);
    if (verdict !== 'Walk Away' && verdict !== 'Approval Required') continue;
    const finding = auditWonDeal(deal, exceptions === null ? null : (byDeal.get(str(deal.Id)) ?? []));
    add(result.total, amount);
    add(finding ? result.againstRules : result.withApprovedException, amount);
    result.deals.push({
      id: str(deal.Id),
      name: str(deal.Name),
      ownerId: str(deal.OwnerId),
      amount,
      closeDate: str(deal.CloseDate) || null,
      verdictAtWin: verdict,
      exception: str(deal.Walk_Away_Approved_Exception__c) || null,
      exceptionName: names.get(str(deal.Walk_Away_Approved_Exception__c)) ?? null,
      problem: finding?.problem ?? null,
      detail: finding?.detail ?? null,
    });
  }
  result.deals.sort(
    (a, b) =>
      Number(a.problem === null) - Number(b.problem === null) || b.amount - a.amount || a.id.localeCompare(b.id),
  );
  return result;
}
