// BATNA never adds amounts of different currencies. In a multi-currency org every amount that goes
// into an owner's pipeline figures is converted to the corporate currency with the org's own
// rates: CurrencyType (ConversionRate: units of the currency per one unit of the corporate
// currency), or, where Advanced Currency Management keeps dated rates, the DatedConversionRate in
// force on the opportunity's CloseDate, as Salesforce itself converts opportunity amounts.
// Closed Won comes from SUM() ... GROUP BY, which the org already returns in the corporate currency.
import type { Connection } from '@salesforce/core';
import { convertAtRates, currencyKey, type Cents } from '../engine/index.js';
import { queryAll } from './soql.js';

type Rate = { readonly rate: number };
type DatedRate = Rate & { readonly start: string; readonly next: string | null };

export type Rates = {
  readonly corporate: string;
  readonly rates: ReadonlyMap<string, number>;
  /** Dated rates by currency, newest first (empty without Advanced Currency Management). */
  readonly dated: ReadonlyMap<string, readonly DatedRate[]>;
  /** True when the org keeps dated rates (Advanced Currency Management). */
  readonly datedRates: boolean;
};

/** The org's active currencies and rates (two REST queries, only in multi-currency orgs); null without a corporate currency. */
export async function readRates(conn: Connection): Promise<Rates | null> {
  const types = await queryAll<{ IsoCode: string; ConversionRate: number; IsCorporate: boolean }>(
    conn,
    'SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType WHERE IsActive = true',
  );
  const dated = await queryAll<{ IsoCode: string; ConversionRate: number; StartDate: string; NextStartDate: string }>(
    conn,
    'SELECT IsoCode, ConversionRate, StartDate, NextStartDate FROM DatedConversionRate ORDER BY StartDate DESC',
  );
  const byCode = new Map<string, DatedRate[]>();
  for (const d of dated) {
    const list = byCode.get(d.IsoCode) ?? [];
    list.push({ rate: d.ConversionRate, start: d.StartDate, next: d.NextStartDate || null });
    byCode.set(d.IsoCode, list);
  }
  const corporate = types.find((t) => t.IsCorporate)?.IsoCode;
  if (corporate === undefined) return null;
  return {
    corporate: corporate.trim().toUpperCase(),
    rates: new Map(types.map((t) => [t.IsoCode.trim().toUpperCase(), t.ConversionRate])),
    dated: new Map([...byCode].map(([code, list]) => [code.trim().toUpperCase(), list])),
    datedRates: dated.length > 0,
  };
}

/** The rate of `currency` on `date`: the dated one in force then, else the CurrencyType rate. */
export function rateOn(rates: Rates, currency: string, date: string | null): number | undefined {
  const code = currency.trim().toUpperCase();
  if (date) {
    const hit = rates.dated.get(code)?.find((d) => d.start <= date && (d.next === null || date < d.next));
    if (hit) return hit.rate;
  }
  return rates.rates.get(code);
}

/**
 * Units of `currency` per unit of the corporate currency on `date`: 1 for the corporate currency
 * (or none, as in a single-currency row); undefined when the org has no positive rate for it.
 */
export function corporateRate(rates: Rates, currency: string | null, date: string | null): number | undefined {
  if (!currency || currencyKey(currency) === rates.corporate) return 1;
  const rate = rateOn(rates, currency, date);
  return rate === undefined || !(rate > 0) ? undefined : rate;
}

/**
 * An amount in `currency` as corporate-currency cents; undefined when the org has no rate for the
 * currency (the row is then left out of the sums rather than added in the wrong currency).
 */
export function toCorporate(
  rates: Rates,
  cents: Cents,
  currency: string | null,
  date: string | null,
): Cents | undefined {
  const rate = corporateRate(rates, currency, date);
  if (rate === undefined) return undefined;
  return rate === 1 ? cents : convertAtRates(cents, rate, 1); // the engine's conversion, as offline with --currency-rates
}
