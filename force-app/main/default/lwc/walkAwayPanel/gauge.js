// The price gauge: red below the floor, amber up to the threshold, green above, with markers for the
// Amount and the buyer's price, and the figures under it. The gap below a limit is the one the
// engine's price finding carries; only "above the threshold by" (no finding) is a subtraction here.
import { formatLabel } from 'c/walkAwayFormat';

/** One figure under the gauge: money in currency units, decimals only when there are cents. */
const figure = (key, label, cents, valueClass, swatch = '') => ({
  key,
  label,
  value: cents === null ? null : cents / 100,
  hasValue: cents !== null,
  digits: cents !== null && cents % 100 !== 0 ? 2 : 0,
  valueClass,
  swatch,
});

const clampPct = (v) => Math.max(0, Math.min(100, v));
const pos = (cents, lo, hi) => clampPct(((cents - lo) / (hi - lo)) * 100);

/** Where the Amount stands against the limits, from the deal's price finding. */
function gapFigure(score, L) {
  const finding = score.findings.find((f) => f.code === 'BELOW_FLOOR' || f.code === 'BELOW_THRESHOLD');
  if (finding && finding.code === 'BELOW_FLOOR') {
    return figure('gap', L.Price_BelowFloorBy, finding.figures.gapCents, 'figure-value gap_walk-away');
  }
  if (finding) return figure('gap', L.Price_BelowThresholdBy, finding.figures.gapCents, 'figure-value gap_approval');
  const above = score.amountCents - score.thresholdCents;
  if (above === 0) return figure('gap', L.Price_AtThreshold, null, 'figure-value gap_proceed');
  return figure('gap', L.Price_AboveThresholdBy, above, 'figure-value gap_proceed');
}

/** Null when the deal has no floor and threshold to draw (no policy, or costs missing). */
export function gaugeView(score, counterCents, L, fmt) {
  if (score.floorCents === null || score.thresholdCents === null) return null;
  const amount = score.amountCents;
  const points = [score.floorCents, score.thresholdCents];
  if (amount !== null) points.push(amount);
  if (counterCents !== null) points.push(counterCents);
  let lo = Math.min(...points);
  let hi = Math.max(...points);
  const span = Math.max(hi - lo, Math.abs(hi) * 0.1, 100);
  lo = Math.max(0, lo - span * 0.35);
  hi += span * 0.35;
  const floorPct = pos(score.floorCents, lo, hi);
  const thresholdPct = pos(score.thresholdCents, lo, hi);
  const style = (pct) => `left: ${pct.toFixed(2)}%`;
  return {
    description: formatLabel(
      L.Price_GaugeDescription,
      amount === null ? '—' : fmt.money(amount),
      fmt.money(score.floorCents),
      fmt.money(score.thresholdCents),
    ),
    walkAwayZoneStyle: `width: ${floorPct.toFixed(2)}%`,
    approvalZoneStyle: `left: ${floorPct.toFixed(2)}%; width: ${(thresholdPct - floorPct).toFixed(2)}%`,
    proceedZoneStyle: `left: ${thresholdPct.toFixed(2)}%; width: ${(100 - thresholdPct).toFixed(2)}%`,
    floorStyle: style(floorPct),
    thresholdStyle: style(thresholdPct),
    hasAmount: amount !== null,
    amountStyle: amount === null ? '' : style(pos(amount, lo, hi)),
    hasCounter: counterCents !== null,
    counterStyle: counterCents === null ? '' : style(pos(counterCents, lo, hi)),
    figures: [
      amount === null ? null : figure('amount', L.Price_Amount, amount, 'figure-value', 'swatch swatch_amount'),
      counterCents === null
        ? null
        : figure('counter', L.Price_CounterOffer, counterCents, 'figure-value', 'swatch swatch_counter'),
      figure('floor', L.Price_Floor, score.floorCents, 'figure-value'),
      figure('threshold', L.Price_Threshold, score.thresholdCents, 'figure-value'),
      amount === null ? null : gapFigure(score, L),
      score.totalCostCents === null
        ? null
        : figure('cost', L.Price_Cost, score.totalCostCents, 'figure-value figure-value_weak'),
    ].filter((f) => f !== null),
  };
}

/** Why there is no gauge, in words that say whose move it is. */
export function noGaugeReason(score, L) {
  const codes = score.findings.map((f) => f.code);
  if (codes.includes('NO_POLICY')) return L.Price_NoPolicy;
  return L.Price_Unavailable;
}
