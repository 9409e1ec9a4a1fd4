// Customer red flags (domain.md section 4): more than the policy accepts is a walk-away; fewer
// are listed so that the rep sees them.
import { finding, type Finding } from '../finding.js';
import type { Opportunity } from '../opportunity.js';
import type { Policy } from '../policy.js';

export function redFlagFindings(o: Opportunity, policy: Policy | null, out: Finding[]): void {
  const count = o.redFlags.length;
  if (count === 0) return;
  const max = policy?.maxRedFlags ?? null;
  const figures = { count, maxRedFlags: max, flags: o.redFlags };
  out.push(
    finding(max !== null && count > max ? 'RED_FLAGS_EXCEEDED' : 'RED_FLAGS_PRESENT', 'Customer_Red_Flags__c', figures),
  );
}
