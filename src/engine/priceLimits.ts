// The price floor and the walk-away threshold, set before negotiating (domain.md section 1).
// Basis Cost: cost x (1 + margin). Basis Price: cost / (1 - margin). Rounded up to the cent, so a
// price at the floor always earns at least the minimum margin.
import type { MarginBasis } from './codes.js';
import { mulDivCeil, type Cents } from './money.js';

const BP = 10_000;

export function priceAtMargin(totalCostCents: Cents, marginBp: number, basis: MarginBasis): Cents {
  return basis === 'Cost'
    ? mulDivCeil(totalCostCents, BP + marginBp, BP)
    : mulDivCeil(totalCostCents, BP, BP - marginBp);
}
