// Which policy judges a deal: active, currency, segment and amount band match; lowest priority
// number wins; ties go to the alphabetically first DeveloperName. Deterministic for any order.
// The band is picked by the deal size (Walk_Away_Deal_Size__c, blank = Amount), fixed before the
// negotiation, so that a discount never buys a kinder policy. Currencies and industries match
// ignoring case and surrounding spaces.
import { dealSizeOf, type Opportunity } from './opportunity.js';
import { listIncludes, matchKey } from './parse.js';
import type { Policy } from './policy.js';

/** Sorts once (priority, then name), keeps active policies only. Reuse the result for every deal. */
export function rankPolicies(policies: readonly Policy[]): Policy[] {
  return policies
    .filter((p) => p.active)
    .sort((a, b) => {
      const pa = a.priority ?? Number.POSITIVE_INFINITY;
      const pb = b.priority ?? Number.POSITIVE_INFINITY;
      if (pa !== pb) return pa < pb ? -1 : 1;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
}

function inBand(policy: Policy, amountCents: number | null): boolean {
  if (amountCents === null) return policy.minAmountCents === null && policy.maxAmountCents === null;
  if (policy.minAmountCents !== null && amountCents < policy.minAmountCents) return false;
  if (policy.maxAmountCents !== null && amountCents >= policy.maxAmountCents) return false;
  return true;
}

export function policyApplies(policy: Policy, opportunity: Opportunity): boolean {
  // A deal without a currency (a single-currency org) is judged by any policy; one with a currency
  // only by policies in that currency or with none.
  if (
    policy.currency !== null &&
    opportunity.currency !== null &&
    policy.currency !== opportunity.currency &&
    matchKey(policy.currency) !== matchKey(opportunity.currency)
  ) {
    return false;
  }
  if (policy.segmentIndustries !== null && !listIncludes(policy.segmentIndustries, opportunity.industry)) return false;
  return inBand(policy, dealSizeOf(opportunity));
}

/** The first ranked policy that applies, or null. `ranked` must come from rankPolicies. */
export function selectPolicy(ranked: readonly Policy[], opportunity: Opportunity): Policy | null {
  for (const policy of ranked) if (policyApplies(policy, opportunity)) return policy;
  return null;
}
