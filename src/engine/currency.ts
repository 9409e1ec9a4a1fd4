// BATNA never adds amounts of different currencies (issue #12 item 4). Rates are given, never
// looked up: Salesforce's CurrencyType ConversionRate, units of a currency per one unit of the
// corporate currency (whose own rate is 1). The org reads them from the org, offline they come
// from a file (--currency-rates); the conversion is the same pure function.
import type { Cents } from './money.js';
import type { OwnerTotals } from './pipeline.js';

/** ConversionRate by upper-case ISO code. */
export type CurrencyRates = ReadonlyMap<string, number>;

/** The key a currency is compared under: upper case, no spaces; blank is ''. */
export const currencyKey = (currency: string | null | undefined): string =>
  currency === null || currency === undefined ? '' : currency.trim().toUpperCase();

/** `cents` at `fromRate` as cents at `toRate` (both ConversionRates), rounded to the cent. */
export function convertAtRates(cents: Cents, fromRate: number, toRate: number): Cents {
  return Math.round((cents * toRate) / fromRate);
}

/**
 * `cents` in `from` as cents in `to`: unchanged when the currencies are the same (or either is
 * blank, as in a single-currency org); undefined when a rate is missing or not positive.
 */
export function convertCents(
  cents: Cents,
  from: string | null,
  to: string | null,
  rates: CurrencyRates | null,
): Cents | undefined {
  const f = currencyKey(from);
  const t = currencyKey(to);
  if (f === '' || t === '' || f === t) return cents;
  const fromRate = rates?.get(f);
  const toRate = rates?.get(t);
  if (fromRate === undefined || toRate === undefined || !(fromRate > 0) || !(toRate > 0)) return undefined;
  return convertAtRates(cents, fromRate, toRate);
}

/** An owner's totals for the quarter, kept apart by currency. */
export type TotalsByCurrency = ReadonlyMap<string, OwnerTotals>;

/**
 * One owner's totals in `currency` (the deal's): other currencies converted with `rates`, or,
 * without a rate, their amounts left out (their deals still count as alternatives) and their
 * currencies listed in `leftOut`.
 */
export function totalsIn(
  byCurrency: TotalsByCurrency,
  currency: string | null,
  rates: CurrencyRates | null,
): { totals: OwnerTotals; leftOut: string[] } {
  const totals: OwnerTotals = { alternatives: 0, alternativesAmountCents: 0, closedWonCents: 0 };
  const leftOut: string[] = [];
  for (const [from, t] of byCurrency) {
    totals.alternatives += t.alternatives;
    const alternatives = convertCents(t.alternativesAmountCents, from, currency, rates);
    const won = convertCents(t.closedWonCents, from, currency, rates);
    if (alternatives === undefined || won === undefined) {
      if (t.alternativesAmountCents !== 0 || t.closedWonCents !== 0) leftOut.push(from);
      continue;
    }
    totals.alternativesAmountCents += alternatives;
    totals.closedWonCents += won;
  }
  return { totals, leftOut };
}
