// The audit of what already happened: Closed Won deals and the exceptions behind them
// (issue #11 item 7). A closed deal is judged on what the org stored when it was won, never
// recomputed with today's policies: its stored verdict and findings, made stricter by its Amount
// against the stored floor and threshold (a verdict edited by hand does not hide a price below
// them). The checks follow the org's Closed Won validation rules (Walk_Away_No_Win_Below_Floor,
// Walk_Away_Win_Needs_Exception; tied by tests/metadata/closed-audit-rules.test.ts), so the audit
// finds what reached Closed Won around them: a bypass, a rule deployed later, data loaded in bulk.
import { exceptionRoute, verdictRank, VERDICTS, type Verdict } from '../engine/index.js';
import type { AuditFinding } from './audit.js';
import { codesOf, type ExceptionRecord } from './exceptionRecords.js';

/** What the audit reads of a Closed Won deal (the approval snapshot the org's trigger writes). */
export const WON_FIELDS = [
  'Id',
  'Name',
  'OwnerId',
  'Amount',
  'CloseDate',
  'Walk_Away_Recommendation__c',
  'Walk_Away_Findings__c',
  'Walk_Away_Floor__c',
  'Walk_Away_Threshold__c',
  'Walk_Away_Policy__c',
  'Walk_Away_Terms__c',
  'Walk_Away_Approved_Exception__c',
  'Walk_Away_Approved_Amount__c',
  'Walk_Away_Approved_Findings__c',
  'Walk_Away_Approved_Policy__c',
  'Walk_Away_Approved_Terms__c',
] as const;

type Row = Readonly<Record<string, unknown>>;

const VERDICT_VALUES: ReadonlySet<string> = new Set(VERDICTS);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const stricter = (a: Verdict | null, b: Verdict | null): Verdict | null =>
  a === null ? b : b === null ? a : verdictRank(a) >= verdictRank(b) ? a : b;

/** The verdict a Closed Won deal had when it was won: stored, or stricter by its Amount against the stored limits. */
export function verdictAtWin(deal: Row): { verdict: Verdict | null; findings: string[]; belowFloor: boolean } {
  const findings = codesOf(deal.Walk_Away_Findings__c);
  const stored = str(deal.Walk_Away_Recommendation__c);
  const amount = num(deal.Amount) ?? 0;
  const floor = num(deal.Walk_Away_Floor__c);
  const threshold = num(deal.Walk_Away_Threshold__c);
  const belowFloor = exceptionRoute(findings).refusedBy !== null || (floor !== null && amount < floor);
  if (belowFloor && !findings.includes('BELOW_FLOOR')) findings.push('BELOW_FLOOR');
  const belowThreshold = !belowFloor && threshold !== null && amount < threshold;
  if (belowThreshold && !findings.includes('BELOW_THRESHOLD')) findings.push('BELOW_THRESHOLD');
  let verdict = VERDICT_VALUES.has(stored) ? (stored as Verdict) : null;
  if (belowFloor) verdict = 'Walk Away';
  else if (belowThreshold) verdict = stricter(verdict, 'Approval Required');
  return { verdict, findings, belowFloor };
}

/** Why the deal's recorded approval does not hold for it as it was won (empty: it holds). */
function approvalGaps(deal: Row, covered: readonly string[], approved: ExceptionRecord | undefined): string[] {
  const gaps: string[] = [];
  const amount = num(deal.Amount);
  const approvedAmount = num(deal.Walk_Away_Approved_Amount__c);
  if (approvedAmount === null) gaps.push('no approved Amount recorded');
  else if (amount === null || amount < approvedAmount) {
    gaps.push(`Amount ${amount ?? 'blank'} is below the approved Amount ${approvedAmount}`);
  }
  const policy = str(deal.Walk_Away_Policy__c);
  const approvedPolicy = str(deal.Walk_Away_Approved_Policy__c);
  if (policy !== approvedPolicy)
    gaps.push(`policy ${policy || '(none)'}, approved under ${approvedPolicy || '(none)'}`);
  if (str(deal.Walk_Away_Terms__c) !== str(deal.Walk_Away_Approved_Terms__c)) gaps.push('terms changed since approval');
  const granted = new Set(codesOf(deal.Walk_Away_Approved_Findings__c));
  const uncovered = covered.filter((c) => !granted.has(c));
  if (uncovered.length) gaps.push(`does not cover ${uncovered.join(', ')}`);
  if (approved && approved.status !== 'Approved') gaps.push(`${approved.name} is ${approved.status}`);
  return gaps;
}

/**
 * One Closed Won deal: won below the floor or against a Walk Away verdict, won needing approval
 * without an approved exception, or won on an exception that no longer held. `exceptions` are the
 * deal's own (null when the running user cannot read them: the check uses the deal's snapshot).
 */
export function auditWonDeal(deal: Row, exceptions: readonly ExceptionRecord[] | null): AuditFinding | null {
  const { verdict, findings, belowFloor } = verdictAtWin(deal);
  if (verdict !== 'Walk Away' && verdict !== 'Approval Required') return null;
  const stored = str(deal.Walk_Away_Recommendation__c);
  const base = {
    id: str(deal.Id),
    name: str(deal.Name),
    ownerId: str(deal.OwnerId),
    stored: stored || null,
    recomputed: verdict,
  };
  const won = `Closed Won on ${str(deal.CloseDate) || '(no date)'} at ${num(deal.Amount) ?? 'a blank Amount'}`;
  if (belowFloor) {
    const floor = num(deal.Walk_Away_Floor__c);
    return {
      ...base,
      problem: 'WON_AGAINST_WALK_AWAY',
      detail: `${won}, below the floor${floor === null ? '' : ` ${floor}`} (BELOW_FLOOR): no exception can allow it`,
    };
  }
  const covered = exceptionRoute(findings).covered;
  const approvedId = str(deal.Walk_Away_Approved_Exception__c);
  const approved = approvedId ? exceptions?.find((e) => e.id === approvedId) : undefined;
  if (approvedId) {
    const gaps = approvalGaps(deal, covered, approved);
    if (!gaps.length) return null;
    const name = approved?.name ?? approvedId;
    return verdict === 'Walk Away'
      ? {
          ...base,
          problem: 'WON_AGAINST_WALK_AWAY',
          detail: `${won} against a Walk Away verdict; ${name}: ${gaps.join('; ')}`,
        }
      : {
          ...base,
          problem: 'WON_ON_STALE_EXCEPTION',
          detail: `${won} on ${name}, which no longer held: ${gaps.join('; ')}`,
        };
  }
  const needs = `${covered.length ? covered.join(', ') : 'no finding an exception covers'}`;
  const stale = (exceptions ?? []).filter((e) => e.status === 'Stale');
  const others = (exceptions ?? []).filter((e) => e.status !== 'Stale').map((e) => `${e.name} is ${e.status}`);
  if (verdict === 'Walk Away') {
    return {
      ...base,
      problem: 'WON_AGAINST_WALK_AWAY',
      detail: [
        `${won} against a Walk Away verdict (${needs}) with no approved exception`,
        ...stale.map((e) => `${e.name} went stale: ${e.staleReason ?? 'no reason recorded'}`),
        ...others,
      ].join('; '),
    };
  }
  if (stale.length) {
    return {
      ...base,
      problem: 'WON_ON_STALE_EXCEPTION',
      detail: [
        `${won} needing approval (${needs})`,
        ...stale.map((e) => `${e.name} went stale: ${e.staleReason ?? 'no reason recorded'}`),
        ...others,
      ].join('; '),
    };
  }
  return {
    ...base,
    problem: 'WON_WITHOUT_EXCEPTION',
    detail: [`${won} needing approval (${needs}) with no approved exception`, ...others].join('; '),
  };
}

/** An exception approved, at any step, by the user who asked for it. */
export function auditSelfApproval(e: ExceptionRecord): AuditFinding | null {
  if (e.requestedBy === null) return null;
  const own = e.steps.filter((s) => s.userId === e.requestedBy);
  if (!own.length) return null;
  const who = e.requestedByName ? `${e.requestedByName} (${e.requestedBy})` : e.requestedBy;
  const steps = own.map((s) => `${s.approver}${s.approvedOn ? ` on ${s.approvedOn.slice(0, 10)}` : ''}`).join(', ');
  return {
    id: e.opportunityId,
    name: e.opportunityName,
    ownerId: e.ownerId,
    problem: 'SELF_APPROVED',
    stored: e.dealVerdict,
    recomputed: null,
    detail: `${e.name} (${e.status}): requested by ${who}, who approved it: ${steps}`,
  };
}

const DAY_MS = 86_400_000;
const dayOf = (instant: string): number => Date.parse(`${instant.slice(0, 10)}T00:00:00Z`);

/**
 * An exception older than its policy's Exception_Max_Age_Days__c: approved longer ago than that
 * (counted to today on an open deal, to the close date on a won one), or a request waiting longer
 * for its approvers. `limitOf` gives the limit of a policy by DeveloperName (null: no limit).
 */
export function auditExceptionAge(
  e: ExceptionRecord,
  limitOf: (policy: string) => number | null,
  today: string,
): AuditFinding | null {
  if (e.policy === null || (e.dealClosed && !e.dealWon)) return null;
  const limit = limitOf(e.policy);
  if (limit === null) return null;
  const base = {
    id: e.opportunityId,
    name: e.opportunityName,
    ownerId: e.ownerId,
    problem: 'EXCEPTION_TOO_OLD' as const,
    stored: e.dealVerdict,
    recomputed: null,
  };
  const beyond = `beyond the ${limit}-day limit of policy ${e.policy}`;
  if (e.status === 'Approved') {
    const approvedOn =
      e.decidedOn ??
      e.steps
        .map((s) => s.approvedOn ?? '')
        .sort()
        .at(-1) ??
      '';
    const until = e.dealWon ? e.closeDate : today;
    if (!approvedOn || !until) return null;
    const age = Math.floor((dayOf(until) - dayOf(approvedOn)) / DAY_MS);
    if (age <= limit) return null;
    const when = e.dealWon ? `when the deal was won on ${until}` : 'today';
    return {
      ...base,
      detail: `${e.name} approved on ${approvedOn.slice(0, 10)} was ${age} days old ${when}: ${beyond}`,
    };
  }
  if (e.status === 'Requested' && !e.dealClosed && e.requestedOn) {
    const age = Math.floor((dayOf(today) - dayOf(e.requestedOn)) / DAY_MS);
    if (age <= limit) return null;
    return {
      ...base,
      detail: `${e.name} requested on ${e.requestedOn.slice(0, 10)} has waited ${age} days for its approvers: ${beyond}`,
    };
  }
  return null;
}
