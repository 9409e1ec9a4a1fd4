// The rep's alternatives (BATNA) in words: the strength, then what works against the rep and what
// works for them in two lists with headings, so that "Weak" never sits beside unexplained good news.
import { formatLabel } from 'c/walkAwayFormat';
import { countedLabel, strengthLabel } from './words';

const num = (v) => (typeof v === 'number' ? v : 0);

function signalText(s, L, fmt) {
  const f = s.figures || {};
  switch (s.code) {
    case 'FEW_ALTERNATIVES':
    case 'MANY_ALTERNATIVES':
      return countedLabel(L, `Signal_${s.code}`, num(f.alternatives), fmt.number(num(f.alternatives)));
    case 'PIPELINE_GAP':
    case 'QUOTA_COVERED':
      return formatLabel(L[`Signal_${s.code}`], fmt.number(num(f.coveragePct)), fmt.money(num(f.remainingCents)));
    case 'LARGE_SHARE_OF_QUOTA':
      return formatLabel(L.Signal_LARGE_SHARE_OF_QUOTA, fmt.number(num(f.sharePct)));
    case 'QUARTER_END_GAP':
      return countedLabel(
        L,
        'Signal_QUARTER_END_GAP',
        num(f.daysToQuarterEnd),
        fmt.number(num(f.daysToQuarterEnd)),
        fmt.money(num(f.remainingCents)),
      );
    default:
      return L[`Signal_${s.code}`] || s.code;
  }
}

function adviceText(a, L, fmt) {
  const f = a.figures || {};
  switch (a.code) {
    case 'ADD_ALTERNATIVES':
      return countedLabel(L, 'Advice_ADD_ALTERNATIVES', num(f.needed), fmt.number(num(f.needed)));
    case 'BUILD_PIPELINE':
      return formatLabel(L.Advice_BUILD_PIPELINE, fmt.money(num(f.gapCents)));
    default:
      return L[`Advice_${a.code}`] || a.code;
  }
}

const THEMES = { Strong: 'slds-theme_success', Moderate: 'slds-theme_warning', Weak: 'slds-theme_error' };

/**
 * `currencies` ({ leftOut, quotaLeftOut, dealCurrency }): the owner's amounts the panel could not
 * convert to the deal's currency. They are named; a quota that is recorded but left out is never
 * called "not recorded".
 */
export function batnaView(batna, L, fmt, currencies = { leftOut: [], quotaLeftOut: false, dealCurrency: '' }) {
  const item = (s, i) => ({ key: `${s.code}-${i}`, text: signalText(s, L, fmt) });
  const signals = currencies.quotaLeftOut ? batna.signals.filter((s) => s.code !== 'NO_QUOTA') : batna.signals;
  const advices = currencies.quotaLeftOut ? batna.advice.filter((a) => a.code !== 'RECORD_QUOTA') : batna.advice;
  const against = signals.filter((s) => s.weakens === true).map(item);
  const forYou = signals.filter((s) => s.weakens === false).map(item);
  const unknown = signals.filter((s) => s.weakens !== true && s.weakens !== false).map(item);
  return {
    strength: strengthLabel(batna.strength, L),
    badgeClass: `slds-badge ${THEMES[batna.strength] || 'slds-badge_lightest'}`,
    // Weak with something in its favour: say why the bad outweighs the good.
    note: batna.strength === 'Weak' && forYou.length ? L.Batna_WeakDespite : '',
    leftOut: currencies.leftOut.length
      ? formatLabel(L.Batna_LeftOut, currencies.leftOut.join(', '), currencies.dealCurrency)
      : '',
    against,
    hasAgainst: against.length > 0,
    forYou,
    hasForYou: forYou.length > 0,
    unknown,
    hasUnknown: unknown.length > 0,
    advice: advices.map((a, i) => ({ key: `${a.code}-${i}`, text: adviceText(a, L, fmt) })),
    hasAdvice: advices.length > 0,
  };
}
