// `walkaway audit`: recomputes every open deal and compares with what the org stores. Stale
// verdicts (the recomputed outputs differ; the record's LastModifiedDate after the scoring time
// tells whether its inputs changed or the policy or pipeline did), verdicts more lenient than the
// recomputed one (edited by hand), and approved exceptions whose Amount or terms changed since.
import type { Connection } from '@salesforce/core';
import {
  centsToNumber,
  EXCEPTION_APPROVED,
  parseCents,
  verdictRank,
  FINDING_RULES,
  type Verdict,
} from '../engine/index.js';
import { CsvFileWriter, escapeFormula } from '../io/resultWriter.js';
import type { PollOptions } from './poll.js';
import { scoreSnapshot, type ScoredDeal } from './scoring.js';
import { readSnapshot } from './snapshot.js';

export type AuditProblem = 'STALE' | 'MORE_LENIENT' | 'EXCEPTION_CHANGED';

export type AuditFinding = {
  id: string;
  name: string;
  ownerId: string;
  problem: AuditProblem;
  stored: string | null;
  recomputed: Verdict;
  detail: string;
};

export type AuditResult = {
  targetOrg: string;
  deals: number;
  unscorable: number;
  stale: number;
  moreLenient: number;
  exceptionsChanged: number;
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

export async function auditOrg(
  conn: Connection,
  options: { targetOrg: string; today: string; poll: PollOptions; csvFile: string },
): Promise<AuditResult> {
  const snapshot = await readSnapshot(conn, { today: options.today, poll: options.poll });
  const { scored, unscorable } = scoreSnapshot(snapshot, snapshot.policies);
  const all = scored.flatMap(auditDeal);
  const result: AuditResult = {
    targetOrg: options.targetOrg,
    deals: snapshot.rows.length,
    unscorable: new Set(unscorable.map((u) => u.id)).size,
    stale: all.filter((f) => f.problem === 'STALE').length,
    moreLenient: all.filter((f) => f.problem === 'MORE_LENIENT').length,
    exceptionsChanged: all.filter((f) => f.problem === 'EXCEPTION_CHANGED').length,
    findings: all.slice(0, 1000),
    csvFile: null,
  };
  if (all.length) {
    const out = await CsvFileWriter.open(options.csvFile, AUDIT_COLUMNS);
    for (const f of all) {
      await out.write(
        [f.id, f.name, f.ownerId, f.problem, f.stored ?? '', f.recomputed, f.detail].map((c) => escapeFormula(c)),
      );
    }
    await out.close();
    result.csvFile = options.csvFile;
  }
  return result;
}
