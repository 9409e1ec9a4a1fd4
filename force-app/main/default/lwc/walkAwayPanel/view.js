// What the panel shows, computed from the engine's score: plain objects of text for the template.
// Pure functions of (score, labels, formatters), so that every sentence is testable without a DOM.
import { formatLabel } from './format';

export const VERDICT_KEYS = {
  Proceed: { key: 'Proceed', label: 'Verdict_Proceed', summary: 'Summary_Proceed', tone: 'proceed' },
  'Approval Required': {
    key: 'ApprovalRequired',
    label: 'Verdict_ApprovalRequired',
    summary: 'Summary_ApprovalRequired',
    tone: 'approval',
  },
  'Walk Away': { key: 'WalkAway', label: 'Verdict_WalkAway', summary: 'Summary_WalkAway', tone: 'walk-away' },
  'Insufficient Data': {
    key: 'InsufficientData',
    label: 'Verdict_InsufficientData',
    summary: 'Summary_InsufficientData',
    tone: 'insufficient',
  },
};

const APPROVER_LABELS = {
  VP: 'Approver_VP',
  Legal: 'Approver_Legal',
  'C-Level': 'Approver_CLevel',
  'Strategic Review': 'Approver_StrategicReview',
};

const BATNA_LABELS = {
  Strong: 'Batna_Strong',
  Moderate: 'Batna_Moderate',
  Weak: 'Batna_Weak',
  Unknown: 'Batna_Unknown',
};

export function verdictView(verdict, L) {
  const v = VERDICT_KEYS[verdict] || VERDICT_KEYS['Insufficient Data'];
  return {
    value: verdict,
    label: L[v.label],
    summary: L[v.summary],
    badgeClass: `verdict-badge verdict-badge_${v.tone}`,
    boxClass: `verdict verdict_${v.tone}`,
  };
}

const num = (v) => (typeof v === 'number' ? v : 0);
const list = (v) => (Array.isArray(v) ? v.join(', ') : String(v === undefined || v === null ? '' : v));

/** One sentence for a finding, in the user's language. */
export function findingSentence(finding, L, fmt) {
  const g = finding.figures || {};
  const money = fmt.money;
  const n = fmt.number;
  switch (finding.code) {
    case 'MISSING_COST':
      if (g.zeroTotal === true) return L.Finding_COST_ZERO;
      return formatLabel(L.Finding_MISSING_COST, (g.fields || []).map((f) => fmt.fieldLabel(f)).join(', '));
    case 'BELOW_FLOOR':
      return formatLabel(
        L.Finding_BELOW_FLOOR,
        money(num(g.amountCents)),
        money(num(g.gapCents)),
        money(num(g.floorCents)),
      );
    case 'BELOW_THRESHOLD':
      return formatLabel(
        L.Finding_BELOW_THRESHOLD,
        money(num(g.amountCents)),
        money(num(g.gapCents)),
        money(num(g.thresholdCents)),
      );
    case 'LIABILITY_CAP_EXCEEDED':
      return formatLabel(L.Finding_LIABILITY_CAP_EXCEEDED, n(num(g.askedMonths)), n(num(g.maxMonths)));
    case 'PAYMENT_TERMS_EXCEEDED':
      return formatLabel(L.Finding_PAYMENT_TERMS_EXCEEDED, n(num(g.askedDays)), n(num(g.maxDays)));
    case 'SLA_NOT_DELIVERABLE':
      return formatLabel(L.Finding_SLA_NOT_DELIVERABLE, n(num(g.askedPct)), n(num(g.maxPct)));
    case 'INDUSTRY_MISFIT':
      return g.industry === null || g.industry === undefined
        ? formatLabel(L.Finding_INDUSTRY_UNKNOWN, list(g.served))
        : formatLabel(L.Finding_INDUSTRY_MISFIT, g.industry, list(g.served));
    case 'COMPANY_TOO_SMALL':
      return g.annualRevenue === null || g.annualRevenue === undefined
        ? formatLabel(L.Finding_REVENUE_UNKNOWN, money(num(g.minAnnualRevenue) * 100))
        : formatLabel(
            L.Finding_COMPANY_TOO_SMALL,
            money(num(g.annualRevenue) * 100),
            money(num(g.minAnnualRevenue) * 100),
          );
    case 'COMPANY_TOO_LARGE':
      return formatLabel(
        L.Finding_COMPANY_TOO_LARGE,
        money(num(g.annualRevenue) * 100),
        money(num(g.maxAnnualRevenue) * 100),
      );
    case 'GEOGRAPHY_MISFIT':
      return g.country === null || g.country === undefined
        ? formatLabel(L.Finding_COUNTRY_UNKNOWN, list(g.served))
        : formatLabel(L.Finding_GEOGRAPHY_MISFIT, g.country, list(g.served));
    case 'USE_CASE_MISFIT':
      return formatLabel(L.Finding_USE_CASE_MISFIT, g.useCase, list(g.served));
    case 'ENVIRONMENT_MISFIT':
      return formatLabel(L.Finding_ENVIRONMENT_MISFIT, g.environment, list(g.served));
    case 'RED_FLAGS_EXCEEDED':
      return formatLabel(L.Finding_RED_FLAGS_EXCEEDED, n(num(g.count)), list(g.flags), n(num(g.maxRedFlags)));
    case 'RED_FLAGS_PRESENT':
      return formatLabel(L.Finding_RED_FLAGS_PRESENT, list(g.flags));
    default:
      return L[`Finding_${finding.code}`] || finding.code;
  }
}

const EFFECT_TONES = {
  'Walk Away': 'walk-away',
  'Approval Required': 'approval',
  'Insufficient Data': 'insufficient',
  Advisory: 'advisory',
};

export function findingsView(findings, L, fmt) {
  return findings.map((f, index) => ({
    key: `${f.code}-${index}`,
    code: f.code,
    title: L[`FindingTitle_${f.code}`] || f.code,
    text: findingSentence(f, L, fmt),
    itemClass: `finding finding_${EFFECT_TONES[f.effect] || 'advisory'}`,
  }));
}

/** Each approver with the findings that need them, in the engine's approver order. */
export function approvalsView(score, L) {
  return score.approvals.map((approver) => ({
    key: approver,
    name: L[APPROVER_LABELS[approver]] || approver,
    reasons: formatLabel(
      L.Approvals_For,
      score.findings
        .filter((f) => f.approvers.includes(approver))
        .map((f) => L[`FindingTitle_${f.code}`] || f.code)
        .join(', '),
    ),
  }));
}

export function batnaView(batna, L, fmt) {
  const g = (s) => s.figures || {};
  const signalText = (s) => {
    const f = g(s);
    switch (s.code) {
      case 'FEW_ALTERNATIVES':
      case 'MANY_ALTERNATIVES':
        return formatLabel(L[`Signal_${s.code}`], fmt.number(num(f.alternatives)));
      case 'PIPELINE_GAP':
      case 'QUOTA_COVERED':
        return formatLabel(L[`Signal_${s.code}`], fmt.number(num(f.coveragePct)), fmt.money(num(f.remainingCents)));
      case 'LARGE_SHARE_OF_QUOTA':
        return formatLabel(L.Signal_LARGE_SHARE_OF_QUOTA, fmt.number(num(f.sharePct)));
      case 'QUARTER_END_GAP':
        return formatLabel(
          L.Signal_QUARTER_END_GAP,
          fmt.number(num(f.daysToQuarterEnd)),
          fmt.money(num(f.remainingCents)),
        );
      default:
        return L[`Signal_${s.code}`] || s.code;
    }
  };
  const adviceText = (a) => {
    switch (a.code) {
      case 'ADD_ALTERNATIVES':
        return formatLabel(L.Advice_ADD_ALTERNATIVES, fmt.number(num(a.figures.needed)));
      case 'BUILD_PIPELINE':
        return formatLabel(L.Advice_BUILD_PIPELINE, fmt.money(num(a.figures.gapCents)));
      default:
        return L[`Advice_${a.code}`] || a.code;
    }
  };
  const tone = { Strong: 'proceed', Moderate: 'approval', Weak: 'walk-away', Unknown: 'insufficient' }[batna.strength];
  return {
    strength: L[BATNA_LABELS[batna.strength]] || batna.strength,
    badgeClass: `strength-badge verdict-badge_${tone || 'insufficient'}`,
    signals: batna.signals.map((s, i) => ({
      key: `${s.code}-${i}`,
      text: signalText(s),
      itemClass:
        s.weakens === true ? 'signal signal_weakens' : s.weakens === false ? 'signal signal_strengthens' : 'signal',
    })),
    advice: batna.advice.map((a, i) => ({ key: `${a.code}-${i}`, text: adviceText(a) })),
    hasAdvice: batna.advice.length > 0,
  };
}

/** One figure under the gauge: money in currency units, decimals only when there are cents. */
const figure = (key, label, cents, valueClass, swatch = '') => ({
  key,
  label,
  value: cents / 100,
  digits: cents % 100 === 0 ? 0 : 2,
  valueClass,
  swatch,
});

const clampPct = (v) => Math.max(0, Math.min(100, v));
const pos = (cents, lo, hi) => clampPct(((cents - lo) / (hi - lo)) * 100);

/**
 * The price gauge: red below the floor, amber up to the threshold, green above, with markers for
 * the Amount and the buyer's price. Null when there is no floor and threshold to draw.
 */
export function gaugeView(score, counterCents, L, fmt) {
  if (score.floorCents === null || score.thresholdCents === null) return null;
  const points = [score.floorCents, score.thresholdCents];
  if (score.amountCents !== null) points.push(score.amountCents);
  if (counterCents !== null) points.push(counterCents);
  let lo = Math.min(...points);
  let hi = Math.max(...points);
  const span = Math.max(hi - lo, Math.abs(hi) * 0.1, 100);
  lo = Math.max(0, lo - span * 0.35);
  hi += span * 0.35;
  const floorPct = pos(score.floorCents, lo, hi);
  const thresholdPct = pos(score.thresholdCents, lo, hi);
  const style = (pct) => `left: ${pct.toFixed(2)}%`;
  const amount = score.amountCents;
  let gap = null;
  if (amount !== null) {
    if (amount < score.floorCents)
      gap = { label: L.Price_BelowFloorBy, cents: score.floorCents - amount, tone: 'walk-away' };
    else if (amount < score.thresholdCents)
      gap = { label: L.Price_BelowThresholdBy, cents: score.thresholdCents - amount, tone: 'approval' };
    else gap = { label: L.Price_AboveThresholdBy, cents: amount - score.thresholdCents, tone: 'proceed' };
  }
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
      gap ? figure('gap', gap.label, gap.cents, `figure-value gap_${gap.tone}`) : null,
      score.totalCostCents === null
        ? null
        : figure('cost', L.Price_Cost, score.totalCostCents, 'figure-value figure-value_weak'),
    ].filter((f) => f !== null),
  };
}

const TRACK_LINES = {
  HOLD: ['Talk_HOLD_1', 'Talk_HOLD_2', 'Talk_HOLD_3'],
  DOOR_OPEN: ['Talk_DOOR_OPEN_1', 'Talk_DOOR_OPEN_2', 'Talk_DOOR_OPEN_3'],
  DOOR_CLOSED: ['Talk_DOOR_CLOSED_1', 'Talk_DOOR_CLOSED_2', 'Talk_DOOR_CLOSED_3'],
  ESCALATE: ['Talk_ESCALATE_1', 'Talk_ESCALATE_2', 'Talk_ESCALATE_3'],
  REENGAGE: ['Talk_REENGAGE_1', 'Talk_REENGAGE_2', 'Talk_REENGAGE_3'],
  GATHER: ['Talk_GATHER_1', 'Talk_GATHER_2'],
};

/**
 * Which talk track fits. A recorded walk-away decides it (door open: the conditions for coming
 * back; door closed: the closing words); otherwise the verdict does. Relationship red flags close
 * the door; a walk-away that only an exception could save, or an approval beyond the price, goes
 * up the chain first; a price that needs approval, or a clean deal, is held.
 */
export function pickTrack(score, decision) {
  if (decision === 'Walked Away - Door Open') return 'REENGAGE';
  if (decision === 'Walked Away - Door Closed') return 'DOOR_CLOSED';
  const codes = score.findings.map((f) => f.code);
  switch (score.verdict) {
    case 'Walk Away': {
      if (codes.includes('RED_FLAGS_EXCEEDED')) return 'DOOR_CLOSED';
      const blocking = score.findings.filter((f) => f.effect === 'Walk Away');
      const exceptionPossible = blocking.every((f) => f.approvers.length > 0);
      return exceptionPossible ? 'ESCALATE' : 'DOOR_OPEN';
    }
    case 'Approval Required':
      return codes.includes('BELOW_THRESHOLD') ? 'HOLD' : 'ESCALATE';
    case 'Insufficient Data':
      return 'GATHER';
    default:
      return 'HOLD';
  }
}

export function talkTrackView(track, score, L, fmt, extras) {
  const approvers = score.approvals.map((a) => L[APPROVER_LABELS[a]] || a).join(', ');
  const lines = [];
  for (const key of TRACK_LINES[track]) {
    if (key === 'Talk_HOLD_3') {
      if (score.thresholdCents !== null) lines.push(formatLabel(L[key], fmt.money(score.thresholdCents)));
    } else if (key === 'Talk_ESCALATE_1') {
      lines.push(formatLabel(L[key], approvers || L.Approver_VP));
    } else if (key === 'Talk_REENGAGE_3') {
      const min = extras.budgetMinCents;
      const max = extras.budgetMaxCents;
      if (min !== null && max !== null) lines.push(formatLabel(L[key], fmt.money(min), fmt.money(max)));
    } else {
      lines.push(L[key]);
    }
  }
  return {
    key: track,
    title: L[`Talk_${track}`],
    lines: lines.map((text, i) => ({ key: `${track}-${i}`, text })),
    forCounter: extras.counterCents === null ? '' : formatLabel(L.Talk_ForCounter, fmt.money(extras.counterCents)),
  };
}
