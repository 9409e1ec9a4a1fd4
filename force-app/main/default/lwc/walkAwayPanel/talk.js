// What to say: the talk track that fits the verdict (or the decision recorded), with its lines.
// Every line stands on its own: figures and approvers are named in it, never "listed above" when
// nothing is listed.
import { DECISION, FINDING_RULES, VERDICT, WALKED_AWAY_DECISIONS } from 'c/walkAwayEngine';
import { formatLabel } from 'c/walkAwayFormat';
import { approverLabel, listOf } from './words';

const TRACK_LINES = {
  HOLD: ['Talk_HOLD_1', 'Talk_HOLD_2', 'Talk_HOLD_3'],
  POSTURE: ['Talk_POSTURE_1', 'Talk_POSTURE_2', 'Talk_POSTURE_3', 'Talk_POSTURE_4'],
  RETURN: ['Talk_RETURN_1', 'Talk_RETURN_2', 'Talk_RETURN_3', 'Talk_RETURN_4'],
  DOOR_OPEN: ['Talk_DOOR_OPEN_1', 'Talk_DOOR_OPEN_2', 'Talk_DOOR_OPEN_3'],
  DOOR_CLOSED: ['Talk_DOOR_CLOSED_1', 'Talk_DOOR_CLOSED_2', 'Talk_DOOR_CLOSED_3'],
  ESCALATE: ['Talk_ESCALATE_1', 'Talk_ESCALATE_2', 'Talk_ESCALATE_3'],
  REENGAGE: ['Talk_REENGAGE_1', 'Talk_REENGAGE_2', 'Talk_REENGAGE_3'],
  GATHER: ['Talk_GATHER_1', 'Talk_GATHER_2'],
  POLICY: ['Talk_POLICY_1', 'Talk_POLICY_2'],
};

/**
 * Which talk track fits. A buyer who came back after a walk-away gets the returning-buyer script;
 * otherwise a recorded walk-away decides it (door open: the conditions for coming back; door
 * closed: the closing words); otherwise the verdict does. Relationship red flags close the door; a
 * walk-away that only an exception could save, or an approval beyond the price, goes up the chain
 * first; a price between the floor and the threshold, where buyers test the limit, calls for the
 * walk-away posture; a clean deal is held. A deal no policy covers waits for the admin.
 * state: { decision, buyerReturned } as recorded on the deal.
 */
export function pickTrack(score, state = {}) {
  const decision = state.decision || null;
  if (state.buyerReturned && WALKED_AWAY_DECISIONS.includes(decision)) return 'RETURN';
  if (decision === DECISION.DOOR_OPEN) return 'REENGAGE';
  if (decision === DECISION.DOOR_CLOSED) return 'DOOR_CLOSED';
  const codes = score.findings.map((f) => f.code);
  switch (score.verdict) {
    case VERDICT.WALK_AWAY: {
      if (codes.includes('RED_FLAGS_EXCEEDED')) return 'DOOR_CLOSED';
      const blocking = score.findings.filter((f) => f.effect === VERDICT.WALK_AWAY);
      const exceptionPossible = blocking.every((f) => f.approvers.length > 0);
      return exceptionPossible ? 'ESCALATE' : 'DOOR_OPEN';
    }
    case VERDICT.APPROVAL_REQUIRED:
      return codes.includes('BELOW_THRESHOLD') ? 'POSTURE' : 'ESCALATE';
    case VERDICT.INSUFFICIENT_DATA:
      return codes.includes('NO_POLICY') && !codes.includes('MISSING_COST') && !codes.includes('MISSING_AMOUNT')
        ? 'POLICY'
        : 'GATHER';
    default:
      return 'HOLD';
  }
}

/**
 * The returning buyer's new price against the position the rep left on: the budget range set for
 * coming back (when recorded) and the threshold; then whether it meets that budget. Nothing when
 * the price or the threshold is not known.
 */
function returnLines(score, L, fmt, extras) {
  const price = score.amountCents;
  if (price === null || score.thresholdCents === null) return [];
  const min = extras.budgetMinCents;
  const max = extras.budgetMaxCents;
  if (min === null || max === null) {
    return [formatLabel(L.Talk_RETURN_4_NoRange, fmt.money(price), fmt.money(score.thresholdCents))];
  }
  return [
    formatLabel(L.Talk_RETURN_4, fmt.money(price), fmt.money(min), fmt.money(max), fmt.money(score.thresholdCents)),
    price < min ? L.Talk_RETURN_5_Short : L.Talk_RETURN_5_Meets,
  ];
}

/** extras: { locale, counterCents, budgetMinCents, budgetMaxCents }. */
export function talkTrackView(track, score, L, fmt, extras) {
  const names = (approvers) =>
    listOf(
      approvers.map((a) => approverLabel(a, L)),
      extras.locale,
    );
  const priceApprovers = names(FINDING_RULES.BELOW_THRESHOLD.approvers);
  const lines = [];
  for (const key of TRACK_LINES[track]) {
    if (key === 'Talk_HOLD_3') {
      if (score.thresholdCents === null) continue;
      const below = score.findings.some((f) => f.code === 'BELOW_THRESHOLD');
      lines.push(
        formatLabel(below ? L.Talk_HOLD_3 : L.Talk_HOLD_3_Proceed, fmt.money(score.thresholdCents), priceApprovers),
      );
    } else if (key === 'Talk_POSTURE_2') {
      lines.push(formatLabel(L[key], fmt.money(score.thresholdCents)));
    } else if (key === 'Talk_POSTURE_3') {
      lines.push(formatLabel(L[key], fmt.money(score.thresholdCents), priceApprovers));
    } else if (key === 'Talk_RETURN_4') {
      lines.push(...returnLines(score, L, fmt, extras));
    } else if (key === 'Talk_ESCALATE_1') {
      lines.push(formatLabel(L[key], score.approvals.length ? names(score.approvals) : priceApprovers));
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
    heading: `${L.Talk_Heading}: ${L[`Talk_${track}`]}`,
    lines: lines.map((text, i) => ({ key: `${track}-${i}`, text })),
    forCounter: extras.counterCents === null ? '' : formatLabel(L.Talk_ForCounter, fmt.money(extras.counterCents)),
  };
}
