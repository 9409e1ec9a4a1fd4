// Price against the floor and the threshold: below the floor walks away, between the two needs VP
// approval, at or above the threshold proceeds. Amount equal to the floor needs approval.
import { finding, type Finding } from '../finding.js';
import type { PriceLimits } from '../priceLimits.js';

export function priceFindings(amountCents: number, limits: PriceLimits, out: Finding[]): void {
  if (amountCents < limits.floorCents) {
    out.push(
      finding('BELOW_FLOOR', 'Amount', {
        amountCents,
        floorCents: limits.floorCents,
        thresholdCents: limits.thresholdCents,
        gapCents: limits.floorCents - amountCents,
      }),
    );
  } else if (amountCents < limits.thresholdCents) {
    out.push(
      finding('BELOW_THRESHOLD', 'Amount', {
        amountCents,
        floorCents: limits.floorCents,
        thresholdCents: limits.thresholdCents,
        gapCents: limits.thresholdCents - amountCents,
      }),
    );
  }
}
