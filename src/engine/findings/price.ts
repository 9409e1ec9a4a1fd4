// Price against the floor and the threshold: below the floor walks away, between the two needs VP
// approval, at or above the threshold proceeds. Amount equal to the floor needs approval.
import { finding, type Finding } from '../finding.js';

export function priceFindings(amountCents: number, floorCents: number, thresholdCents: number, out: Finding[]): void {
  if (amountCents < floorCents) {
    out.push(
      finding('BELOW_FLOOR', 'Amount', {
        amountCents,
        floorCents,
        thresholdCents,
        gapCents: floorCents - amountCents,
      }),
    );
  } else if (amountCents < thresholdCents) {
    out.push(
      finding('BELOW_THRESHOLD', 'Amount', {
        amountCents,
        floorCents,
        thresholdCents,
        gapCents: thresholdCents - amountCents,
      }),
    );
  }
}
