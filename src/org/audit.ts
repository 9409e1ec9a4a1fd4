// `walkaway audit`: recomputes every open deal and compares with what the org stores. Stale
// verdicts (the recomputed outputs differ; the record's LastModifiedDate after the scoring time
// tells whether its inputs changed or the policy or pipeline did), verdicts more lenient than the
// recomputed one (edited by hand), and approved exceptions whose Amount or terms changed since.
// Then what already happened (closedAudit.ts): Closed Won deals against a Walk Away verdict or
// without an approved, current exception, and exceptions approved by their own requester.
import type { Connection } from '@salesforce/core';
import {
  centsToNumber,
  EXCEPTION_APPROVED,
  parseCents,
  verdictRank,
  FINDING_RULES,
  type Policy,
  type Verdict,
} from '../engine/index.js';
import { CsvFileWriter, escapeFormula } from '../io/resultWriter.js';
import { auditExceptionAge, auditSelfApproval, auditWonDeal, WON_FIELDS } from './closedAudit.js';
import { exceptionsByDeal, readExceptions } from './exceptionRecords.js';
import type { PollOptions } from './poll.js';
import { scoreSnapshot, type ScoredDeal } from './scoring.js';
import { readSnapshot } from './snapshot.js';
import { dateLiteral, fieldList, flatten, queryAll } from './soql.js';

export type AuditProblem =
  | 'STALE'
  | 'MORE_LENIENT'
  | 'EXCEPTION_CHANGED'
  | 'WON_AGAINST_WALK_AWAY'
  | 'WON_WITHOUT_EXCEPTION'
  | 'WON_ON_STALE_EXCEPTION'
  | 'SELF_APPROVED'
  | 'EXCEPTION_TOO_OLD';

export type AuditFinding = {
  id: string;
  name: string;
  ownerId: string;
  problem: AuditProblem;
  stored: string | null;
  /** Open deals: the engine's verdict now; Closed Won: the verdict at the win; exception problems: null. */
  recomputed: Verdict | null;
  detail: string;
};

export type AuditResult = {
  targetOrg: string;
  deals: number;
  unscorable: number;
  stale: number;
  moreLenient: number;
  exceptionsChanged: number;
  /** Closed Won deals read (CloseDate on or after closedSince). */
  closedWon: number;
  closedSince: string;
  /** Exceptions read; null when the running user cannot read them (see exceptionsUnreadable). */
  exceptions: number | null;
  wonAgainstWalkAway: number;
  wonWithoutException: number;
  wonOnStaleException: number;
  selfApproved: number;
  /** Approved exceptions older than their policy's Exception_Max_Age_Days__c, or requests waiting longer. */
  exceptionsTooOld: number;
  /** Why the exceptions could not be read (the org's error), or null. */
  exceptionsUnreadable: string | null;
  /** Every finding (at most 1,000 here; all of them in csvFile). */
  findings: AuditFinding[];
  csvFile: string | null;
};

export const AUDIT_COLUMNS = ['Id', 'Name', 'OwnerId', 'Problem', 'Stored', 'Recomputed', 'Detail'] as const;

/** A write by the rescore itself lands a little after Walk_Away_Scored_At__c: not an input change. */
export const MODIFIED_GRACE_MS = 15 * 60_000;

const BLOCKING = new Set(
  Object.entries(FINDING_RULES)
    .filter(([, r]) => r.effect !== 'Advisory')
    .map(([c]) => c),
);
const codes = (text: string | undefined): string[] =>
  (text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function auditDeal(deal: ScoredDeal): AuditFinding[] {
  const row = deal.row;
  const base = {
    id: deal.id,
    name: deal.name,
    ownerId: deal.ownerId,
    recomputed: deal.next.Walk_Away_Recommendation__c,
  };
  const stored = row.Walk_Away_Recommendation__c || null;
  const out: AuditFinding[] = [];
  const scoredAt = row.Walk_Away_Scored_At__c ? Date.parse(row.Walk_Away_Scored_At__c) : NaN;
  const changedFields = Object.keys(deal.changed);
  if (Number.isNaN(scoredAt)) {
    out.push({ ...base, problem: 'STALE', stored, detail: 'never scored (Walk_Away_Scored_At__c is blank)' });
  } else if (changedFields.length) {
    const modified = Date.parse(row.LastModifiedDate ?? '') > scoredAt + MODIFIED_GRACE_MS;
    const cause = modified ? 'the record changed after it was scored' : 'a policy or the pipeline changed since';
    out.push({
      ...base,
      problem: 'STALE',
      stored,
      detail: `${changedFields.join(', ')} ${changedFields.length === 1 ? 'differs' : 'differ'}: ${cause}`,
    });
  }
  if (
    deal.storedVerdict !== null &&
    verdictRank(deal.storedVerdict) < verdictRank(deal.next.Walk_Away_Recommendation__c)
  ) {
    out.push({
      ...base,
      problem: 'MORE_LENIENT',
      stored,
      detail: `stored ${deal.storedVerdict} is more lenient than the recomputed ${deal.next.Walk_Away_Recommendation__c}`,
    });
  }
  if (row.Walk_Away_Decision__c === EXCEPTION_APPROVED) {
    const approved = row.Walk_Away_Approved_Amount__c ? parseCents(row.Walk_Away_Approved_Amount__c) : undefined;
    const amount = row.Amount ? parseCents(row.Amount) : undefined;
    const problems: string[] = [];
    if (approved === undefined) problems.push('no approved amount recorded (Walk_Away_Approved_Amount__c)');
    else if (amount !== approved) {
      problems.push(
        `Amount ${amount === undefined ? 'blank' : centsToNumber(amount)} differs from the approved ${centsToNumber(approved)}`,
      );
    }
    const before = new Set(codes(row.Walk_Away_Findings__c));
    const added = deal.score.findings.map((f) => f.code).filter((c) => BLOCKING.has(c) && !before.has(c));
    if (added.length) problems.push(`new finding(s) since approval: ${added.join(', ')}`);
    if (problems.length) out.push({ ...base, problem: 'EXCEPTION_CHANGED', stored, detail: problems.join('; ') });
  }
  return out;
}

/** Closed Won deals since a date (and up to one, when given), read with the approval snapshot on each. */
export async function readWonDeals(
  conn: Connection,
  since: string,
  until?: string,
): Promise<Array<Record<string, unknown>>> {
  const upTo = until === undefined ? '' : ` AND CloseDate <= ${dateLiteral(until)}`;
  const soql = `SELECT ${fieldList(WON_FIELDS)} FROM Opportunity WHERE IsWon = true AND CloseDate >= ${dateLiteral(since)}${upTo}`;
  return (await queryAll(conn, soql)).map((r) => flatten(r));
}

/** Closed Won deals and exceptions: the problems found, and what was read. */
export async function auditClosed(
  conn: Connection,
  options: { closedSince: string; today: string; policies: readonly Policy[] },
): Promise<{ findings: AuditFinding[]; closedWon: number; exceptions: number | null; unreadable: string | null }> {
  const won = await readWonDeals(conn, options.closedSince);
  const limits = new Map(options.policies.map((p) => [p.name, p.exceptionMaxAgeDays]));
  const limitOf = (policy: string): number | null => limits.get(policy) ?? null;
  const read = await readExceptions(conn);
  const exceptions = read.ok ? read.exceptions : null;
  const byDeal = exceptionsByDeal(exceptions ?? []);
  const findings: AuditFinding[] = [];
  for (const deal of won) {
    const f = auditWonDeal(deal, exceptions === null ? null : (byDeal.get(String(deal.Id)) ?? []));
    if (f) findings.push(f);
  }
  for (const e of exceptions ?? []) {
    for (const f of [auditSelfApproval(e), auditExceptionAge(e, limitOf, options.today)]) if (f) findings.push(f);
  }
  return {
    findings,
    closedWon: won.length,
    exceptions: exceptions === null ? null : exceptions.length,
    unreadable: read.ok ? null : read.reason,
  };
}

export async function auditOrg(
  conn: Connection,
  options: { targetOrg: string; today: string; closedSince: string; poll: PollOptions; csvFile: string },
): Promise<AuditResult> {
  const snapshot = await readSnapshot(conn, { today: options.today, poll: options.poll });
  const { scored, unscorable } = scoreSnapshot(snapshot, snapshot.policies);
  const closed = await auditClosed(conn, {
    closedSince: options.closedSince,
    today: options.today,
    policies: snapshot.policies,
  });
  const all = [...scored.flatMap(auditDeal), ...closed.findings];
  const count = (problem: AuditProblem): number => all.filter((f) => f.problem === problem).length;
  const result: AuditResult = {
    targetOrg: options.targetOrg,
    deals: snapshot.rows.length,
    unscorable: new Set(unscorable.map((u) => u.id)).size,
    stale: count('STALE'),
    moreLenient: count('MORE_LENIENT'),
    exceptionsChanged: count('EXCEPTION_CHANGED'),
    closedWon: closed.closedWon,
    closedSince: options.closedSince,
    exceptions: closed.exceptions,
    wonAgainstWalkAway: count('WON_AGAINST_WALK_AWAY'),
    wonWithoutException: count('WON_WITHOUT_EXCEPTION'),
    wonOnStaleException: count('WON_ON_STALE_EXCEPTION'),
    selfApproved: count('SELF_APPROVED'),
    exceptionsTooOld: count('EXCEPTION_TOO_OLD'),
    exceptionsUnreadable: closed.unreadable,
    findings: all.slice(0, 1000),
    csvFile: null,
  };
  if (all.length) {
    const out = await CsvFileWriter.open(options.csvFile, AUDIT_COLUMNS);
    for (const f of all) {
      await out.write(
        [f.id, f.name, f.ownerId, f.problem, f.stored ?? '', f.recomputed ?? '', f.detail].map((c) => escapeFormula(c)),
      );
    }
    await out.close();
    result.csvFile = options.csvFile;
  }
  return result;
}
