// A buyer who comes back after a walk-away (domain.md section 7): the return is a new negotiation
// under the same limits, never a win by itself. When the rep stated conditions for talking again,
// each one that does not hold now is named by REENGAGEMENT_CONDITIONS_UNMET (advisory: the price,
// terms and fit findings still decide the verdict). A condition not stated is not checked:
// - BUDGET: Walk_Away_Reengage_Budget_Min__c set, and Amount below it (or blank);
// - DECISION_DATE: Walk_Away_Reengage_Timeline__c set, and the buyer committed to no decision date
//   (Walk_Away_Buyer_Decision_Date__c blank) or to one after it;
// - STAKEHOLDERS: Walk_Away_Reengage_Stakeholders__c ticked, Walk_Away_Buyer_Stakeholders_Aligned__c not;
// - SCOPE: Walk_Away_Reengage_Scope__c ticked, Walk_Away_Buyer_Scope_Defined__c not.
import type { ReengagementCondition } from '../codes.js';
import { finding, type Finding } from '../finding.js';
import type { Opportunity } from '../opportunity.js';

export function unmetConditions(o: Opportunity): ReengagementCondition[] {
  const r = o.reengagement;
  const unmet: ReengagementCondition[] = [];
  if (!r.buyerReturned) return unmet;
  if (r.budgetMinCents !== null && (o.amountCents === null || o.amountCents < r.budgetMinCents)) unmet.push('BUDGET');
  if (r.decisionBy !== null && (r.buyerDecisionDate === null || r.buyerDecisionDate > r.decisionBy)) {
    unmet.push('DECISION_DATE');
  }
  if (r.stakeholdersRequired && !r.stakeholdersAligned) unmet.push('STAKEHOLDERS');
  if (r.scopeRequired && !r.scopeDefined) unmet.push('SCOPE');
  return unmet;
}

export function reengagementFindings(o: Opportunity, out: Finding[]): void {
  const unmet = unmetConditions(o);
  if (unmet.length === 0) return;
  const r = o.reengagement;
  out.push(
    finding('REENGAGEMENT_CONDITIONS_UNMET', 'Walk_Away_Buyer_Returned__c', {
      unmet,
      amountCents: o.amountCents,
      budgetMinCents: r.budgetMinCents,
      decisionBy: r.decisionBy,
      buyerDecisionDate: r.buyerDecisionDate,
    }),
  );
}
