// The verdict from the findings: any Walk Away finding walks away; else missing data is
// Insufficient Data; else any approval finding needs approval; else Proceed. Approvals list the
// approvers of every finding present, in the order VP, Legal, C-Level, Strategic Review.
import { APPROVERS, type Approver, type Verdict } from './codes.js';
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

export function approvalsOf(findings: readonly Finding[]): Approver[] {
  let mask = 0;
  for (const f of findings) for (const a of f.approvers) mask |= 1 << APPROVERS.indexOf(a);
  return mask === 0 ? [] : APPROVERS.filter((_, i) => (mask & (1 << i)) !== 0);
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
