// What an offline run did with pipeline amounts in other currencies than a deal's (BATNA never adds
// currencies): converted with --currency-rates, or left out. Tallied deal by deal and reported the
// same way by `walkaway score --file` and `walkaway simulate --file`: `batnaCurrencies` in --json,
// and the summary lines.
import { messages } from './messages.js';
import type { RatesFile } from './pipeline.js';
import type { BatnaCurrencies } from './result.js';

/** Counts the deals whose BATNA left amounts out, and the currencies left out. */
export class BatnaCurrencyTally {
  private readonly currencies = new Set<string>();
  private deals = 0;

  public constructor(private readonly rates: RatesFile | null) {}

  /** One deal's currencies left out (`figuresFor(...).leftOut`; empty when none). */
  public add(leftOut: readonly string[]): void {
    if (leftOut.length === 0) return;
    this.deals++;
    for (const c of leftOut) this.currencies.add(c);
  }

  public result(): BatnaCurrencies {
    return {
      rates: this.rates ? [...this.rates.rates.keys()].sort() : null,
      corporate: this.rates?.corporate ?? null,
      leftOut: [...this.currencies].sort(),
      dealsWithAmountsLeftOut: this.deals,
    };
  }
}

/** Two parts of one run (the two processes of a large file) as one tally: the same rates, deals added. */
export function mergeBatnaCurrencies(a: BatnaCurrencies, b: BatnaCurrencies): BatnaCurrencies {
  return {
    ...a,
    leftOut: [...new Set([...a.leftOut, ...b.leftOut])].sort(),
    dealsWithAmountsLeftOut: a.dealsWithAmountsLeftOut + b.dealsWithAmountsLeftOut,
  };
}

/** The summary lines: the rates used, and the currencies left out for how many deals. */
export function batnaCurrencyLines(b: BatnaCurrencies): string[] {
  const lines: string[] = [];
  if (b.corporate !== null) lines.push(messages.getMessage('summary.BatnaRates', [b.corporate]));
  if (b.dealsWithAmountsLeftOut > 0) {
    lines.push(messages.getMessage('summary.BatnaLeftOut', [b.leftOut.join(', '), b.dealsWithAmountsLeftOut]));
  }
  return lines;
}
