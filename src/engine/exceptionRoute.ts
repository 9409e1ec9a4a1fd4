// Whether a deal's findings allow an exception, which findings it covers and who approves it
// (domain.md section 8). A Walk Away finding that no one may approve (BELOW_FLOOR: "walk away,
// no exceptions") refuses any exception for the deal, whatever else it has. The panel, the CLI's
// audit and the org's Apex (WalkAwayFindingRoutes, tied by a test) follow the same route.
import { APPROVERS, type Approver, FINDING_CODES, FINDING_RULES, type FindingCode } from './codes.js';

export type ExceptionRoute = {
  /** An exception may be requested: something to approve, nothing that refuses one. */
  readonly allowed: boolean;
  /** The findings an exception would cover (those with an approver), in finding order. */
  readonly covered: readonly FindingCode[];
  /** Who approves it, in the order they are asked. */
  readonly approvers: readonly Approver[];
  /** The finding that rules out any exception (BELOW_FLOOR), or null. */
  readonly refusedBy: FindingCode | null;
};

export function exceptionRoute(codes: readonly string[]): ExceptionRoute {
  const present = new Set(codes);
  const findings = FINDING_CODES.filter((c) => present.has(c));
  const refusedBy =
    findings.find((c) => FINDING_RULES[c].effect === 'Walk Away' && FINDING_RULES[c].approvers.length === 0) ?? null;
  const covered = findings.filter((c) => FINDING_RULES[c].approvers.length > 0);
  const needed = new Set<Approver>(covered.flatMap((c) => FINDING_RULES[c].approvers));
  return {
    allowed: refusedBy === null && covered.length > 0,
    covered,
    approvers: APPROVERS.filter((a) => needed.has(a)),
    refusedBy,
  };
}
