// One opportunity, the ranked policies and (optionally) the owner's pipeline in; an explained
// verdict out. Pure: no I/O, no clock.
import type { Approver, Verdict } from './codes.js';
import { assessBatna, type Batna, type PipelineFigures } from './batna.js';
import { finding, type Finding } from './finding.js';
import { fitFindings } from './findings/fit.js';
import { priceFindings } from './findings/price.js';
import { reengagementFindings } from './findings/reengagement.js';
import { redFlagFindings } from './findings/redFlags.js';
import { termFindings } from './findings/terms.js';
import type { Cents } from './money.js';
import { atPrice, dealSizeOf, type Opportunity } from './opportunity.js';
import type { Policy } from './policy.js';
import { priceAtMargin } from './priceLimits.js';
import { selectPolicy } from './selectPolicy.js';
import { approvalsOf, verdictOf } from './verdict.js';

export type Score = {
  readonly verdict: Verdict;
  /** DeveloperName of the policy applied, or null when none applies. */
  readonly policy: string | null;
  readonly amountCents: Cents | null;
  /** The deal size that picked the policy (Walk_Away_Deal_Size__c, blank = Amount). */
  readonly dealSizeCents: Cents | null;
  readonly totalCostCents: Cents | null;
  readonly floorCents: Cents | null;
  readonly thresholdCents: Cents | null;
  readonly findings: readonly Finding[];
  readonly approvals: readonly Approver[];
  readonly batna: Batna;
};

/** A deal without findings shares these (frozen): two allocations less for the commonest verdict. */
const NONE: readonly never[] = Object.freeze([]);

/** `ranked` comes from rankPolicies(readPolicies(records)). */
export function scoreOpportunity(
  o: Opportunity,
  ranked: readonly Policy[],
  pipeline: PipelineFigures | null = null,
): Score {
  const findings: Finding[] = [];
  const policy = selectPolicy(ranked, o);

  if (o.amountCents === null) findings.push(finding('MISSING_AMOUNT', 'Amount', {}));
  if (o.directCostCents === null || o.overheadCents === null) {
    const fields: string[] = [];
    if (o.directCostCents === null) fields.push('Direct_Cost__c');
    if (o.overheadCents === null) fields.push('Allocated_Overhead__c');
    findings.push(finding('MISSING_COST', fields[0] ?? null, { fields, zeroTotal: false }));
  } else if (o.directCostCents + o.overheadCents === 0) {
    // A floor of zero protects nothing: costs of 0 are costs not yet known.
    findings.push(
      finding('MISSING_COST', 'Direct_Cost__c', {
        fields: ['Direct_Cost__c', 'Allocated_Overhead__c'],
        zeroTotal: true,
      }),
    );
  }
  if (policy === null) {
    findings.push(
      finding('NO_POLICY', null, { amountCents: o.amountCents, currency: o.currency, industry: o.industry }),
    );
  }

  // Floor and threshold as locals (priceLimits without its object): this runs for every deal.
  let totalCostCents: Cents | null = null;
  let floorCents: Cents | null = null;
  let thresholdCents: Cents | null = null;
  if (policy !== null && o.directCostCents !== null && o.overheadCents !== null) {
    totalCostCents = o.directCostCents + o.overheadCents;
    if (totalCostCents > 0) {
      floorCents = priceAtMargin(totalCostCents, policy.minMarginBp, policy.basis);
      thresholdCents = priceAtMargin(totalCostCents, policy.targetMarginBp, policy.basis);
      if (o.amountCents !== null) priceFindings(o.amountCents, floorCents, thresholdCents, findings);
    }
  }
  termFindings(o, policy, findings);
  if (policy !== null) fitFindings(o, policy, findings);
  if (o.redFlags.length !== 0) redFlagFindings(o, policy, findings);

  const batna = assessBatna(pipeline, o.amountCents, policy?.batna);
  if (batna.strength === 'Weak') {
    findings.push(finding('WEAK_BATNA', null, { signals: batna.signals.filter((s) => s.weakens).map((s) => s.code) }));
  }
  if (o.reengagement.buyerReturned) reengagementFindings(o, findings);

  const none = findings.length === 0;
  return {
    verdict: none ? 'Proceed' : verdictOf(findings),
    policy: policy?.name ?? null,
    amountCents: o.amountCents,
    dealSizeCents: dealSizeOf(o),
    totalCostCents,
    floorCents,
    thresholdCents,
    findings: none ? NONE : findings,
    approvals: none ? NONE : approvalsOf(findings),
    batna,
  };
}

/**
 * The panel's what-if: the buyer's price judged under the deal's own policy, the one its gauge
 * shows (the deal size is pinned to the deal's, so a lower price never picks another band).
 */
export function judgeBuyerPrice(
  o: Opportunity,
  buyerPriceCents: Cents | null,
  ranked: readonly Policy[],
  pipeline: PipelineFigures | null = null,
): Score {
  return scoreOpportunity(atPrice(o, buyerPriceCents), ranked, pipeline);
}
