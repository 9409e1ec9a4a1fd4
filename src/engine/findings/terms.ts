// Non-negotiable terms (domain.md section 2): any one the buyer insists on is a walk-away unless
// Legal and C-level grant an exception. Booleans need no policy; limits come from the policy.
import { finding, type Finding } from '../finding.js';
import type { Opportunity } from '../opportunity.js';
import type { Policy } from '../policy.js';

export function termFindings(o: Opportunity, policy: Policy | null, out: Finding[]): void {
  if (o.unlimitedLiability) out.push(finding('UNLIMITED_LIABILITY', 'Unlimited_Liability__c', {}));
  if (
    policy?.maxLiabilityCapMonths != null &&
    o.liabilityCapMonths !== null &&
    o.liabilityCapMonths > policy.maxLiabilityCapMonths
  ) {
    out.push(
      finding('LIABILITY_CAP_EXCEEDED', 'Liability_Cap_Months__c', {
        askedMonths: o.liabilityCapMonths,
        maxMonths: policy.maxLiabilityCapMonths,
      }),
    );
  }
  if (o.ipOwnershipTransfer) out.push(finding('IP_OWNERSHIP_TRANSFER', 'IP_Ownership_Transfer__c', {}));
  if (
    policy?.maxPaymentTermsDays != null &&
    o.paymentTermsDays !== null &&
    o.paymentTermsDays > policy.maxPaymentTermsDays
  ) {
    out.push(
      finding('PAYMENT_TERMS_EXCEEDED', 'Payment_Terms_Days__c', {
        askedDays: o.paymentTermsDays,
        maxDays: policy.maxPaymentTermsDays,
      }),
    );
  }
  if (policy?.maxSlaUptimeMilli != null && o.slaUptimeMilli !== null && o.slaUptimeMilli > policy.maxSlaUptimeMilli) {
    out.push(
      finding('SLA_NOT_DELIVERABLE', 'SLA_Uptime_Pct__c', {
        askedPct: o.slaUptimeMilli / 1000,
        maxPct: policy.maxSlaUptimeMilli / 1000,
      }),
    );
  }
  if (o.terminationForConvenience) out.push(finding('RISKY_TERMINATION', 'Termination_For_Convenience__c', {}));
  if (o.uncappedIndemnity) out.push(finding('UNCAPPED_INDEMNITY', 'Uncapped_Indemnity__c', {}));
}
