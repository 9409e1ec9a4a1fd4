// The owner's pipeline figures of getPanelContext in the deal's own currency. Apex sums them in the
// corporate currency and gives the deal currency's rate against it (on the deal's CloseDate), so
// the deal's Amount is weighed against its owner's quota and pipeline in one currency, as in org
// mode and offline. The conversion is the engine's (totalsIn, convertCents, as offline): amounts
// with no rate are left out and named, never compared across currencies.
import { convertCents, currencyKey, totalsIn } from 'c/walkAwayEngine';
import { pipelineFigures } from 'c/walkAwayFields';

const NONE = Object.freeze({ figures: null, leftOut: Object.freeze([]), quotaLeftOut: false });

/** The rates Apex gave, by upper-case code: the corporate currency (1) and the deal's, when known. */
function ratesOf(pipeline) {
  const rates = new Map();
  const corporate = currencyKey(pipeline.currencyIsoCode);
  if (corporate) rates.set(corporate, 1);
  const deal = currencyKey(pipeline.dealCurrencyIsoCode);
  const rate = pipeline.dealCurrencyRate;
  if (deal && typeof rate === 'number' && rate > 0) rates.set(deal, rate);
  return rates;
}

/**
 * { figures, leftOut, quotaLeftOut } for a deal in `dealCurrency` (the record's CurrencyIsoCode;
 * blank in a single-currency org): `figures` the engine's pipeline figures in that currency,
 * `leftOut` the currencies whose amounts were left out for want of a rate (the rate Apex read is
 * for the currency the deal had then: a deal whose currency changed since is not converted with it).
 */
export function dealPipeline(pipeline, dealCurrency) {
  const figures = pipelineFigures(pipeline);
  if (figures === null) return NONE;
  const corporate = currencyKey(pipeline.currencyIsoCode);
  const rates = ratesOf(pipeline);
  const { totals, leftOut } = totalsIn(new Map([[corporate, figures]]), dealCurrency, rates);
  const quota = figures.quotaCents === null ? null : convertCents(figures.quotaCents, corporate, dealCurrency, rates);
  const quotaLeftOut = figures.quotaCents !== null && quota === undefined;
  if (quotaLeftOut && !leftOut.includes(corporate)) leftOut.push(corporate);
  return {
    figures: { ...figures, ...totals, quotaCents: quotaLeftOut ? null : quota },
    leftOut,
    quotaLeftOut,
  };
}
