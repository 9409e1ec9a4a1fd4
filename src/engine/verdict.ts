// The verdict from the findings: any Walk Away finding walks away; else missing data is
// Insufficient Data; else any approval finding needs approval; else Proceed. Approvals list the
// approvers of every finding present, in the order VP, Legal, C-Level, Strategic Review; none at
// all below the floor, where there is no exception and so no one to approve one.
import type { Approver, Verdict } from './codes.js';
import type { Finding } from './finding.js';

export function verdictOf(findings: readonly Finding[]): Verdict {
  let missing = false;
  let approval = false;
  for (const f of findings) {
    if (f.effect === 'Walk Away') return 'Walk Away';
    if (f.effect === 'Insufficient Data') missing = true;
    else if (f.effect === 'Approval Required') approval = true;
  }
  return missing ? 'Insufficient Data' : approval ? 'Approval Required' : 'Proceed';
}

const APPROVER_BIT: Readonly<Record<Approver, number>> = { VP: 1, Legal: 2, 'C-Level': 4, 'Strategic Review': 8 };

// Runs for every deal scored: plain loops and a bit mask, no indexOf and no filter closure. The
// approvers are listed in APPROVERS order (codes.ts).
export function approvalsOf(findings: readonly Finding[]): Approver[] {
  let mask = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    if (f.code === 'BELOW_FLOOR') return [];
    const approvers = f.approvers;
    for (let j = 0; j < approvers.length; j++) mask |= APPROVER_BIT[approvers[j] as Approver];
  }
  const approvals: Approver[] = [];
  if ((mask & APPROVER_BIT.VP) !== 0) approvals.push('VP');
  if ((mask & APPROVER_BIT.Legal) !== 0) approvals.push('Legal');
  if ((mask & APPROVER_BIT['C-Level']) !== 0) approvals.push('C-Level');
  if ((mask & APPROVER_BIT['Strategic Review']) !== 0) approvals.push('Strategic Review');
  return approvals;
}

const RANK: Readonly<Record<Verdict, number>> = {
  Proceed: 0,
  'Approval Required': 1,
  'Insufficient Data': 2,
  'Walk Away': 3,
};

/** How severe a verdict is: Proceed 0, Approval Required 1, Insufficient Data 2, Walk Away 3. */
export function verdictRank(verdict: Verdict): number {
  return RANK[verdict];
}
