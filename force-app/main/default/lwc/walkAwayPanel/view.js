// What the panel shows, computed from the engine's score: plain objects of text for the template.
// Pure functions of (score, labels, formatters), so that every sentence is testable without a DOM.
import { VERDICT } from 'c/walkAwayEngine';
import { findingSentence } from './findings';
import { formatLabel } from 'c/walkAwayFormat';
import { approverLabel, keyOf, listOf, verdictLabel, weightLabel } from './words';

const THEMES = {
  Proceed: 'slds-theme_success',
  ApprovalRequired: 'slds-theme_warning',
  WalkAway: 'slds-theme_error',
  InsufficientData: 'slds-badge_inverse',
  Advisory: 'slds-badge_lightest',
};
const badge = (value) => `slds-badge ${THEMES[keyOf(value)] || 'slds-badge_lightest'}`;
const PRICE_CODES = new Set(['BELOW_FLOOR', 'BELOW_THRESHOLD']);
const title = (code, L) => L[`FindingTitle_${code}`] || code;

/** Only "no policy covers this deal" stands between the deal and a verdict: the admin's move. */
function onlyPolicyMissing(score) {
  const missing = score.findings.filter((f) => f.effect === VERDICT.INSUFFICIENT_DATA);
  return missing.length > 0 && missing.every((f) => f.code === 'NO_POLICY');
}

/** A returning buyer who does not meet the stated conditions: never a plain "Go ahead". */
const reengagementUnmet = (score) =>
  score.verdict === VERDICT.PROCEED && score.findings.some((f) => f.code === 'REENGAGEMENT_CONDITIONS_UNMET');

export function verdictView(score, L) {
  const key = keyOf(score.verdict);
  const noPolicy = score.verdict === VERDICT.INSUFFICIENT_DATA && onlyPolicyMissing(score);
  let summary = L[`Summary_${key}`];
  if (noPolicy) summary = L.Summary_NoPolicy;
  else if (reengagementUnmet(score)) summary = L.Summary_ProceedReengagement;
  return {
    value: score.verdict,
    label: verdictLabel(score.verdict, L),
    summary,
    badgeClass: `${badge(score.verdict)} verdict-badge`,
    boxClass: `verdict verdict_${key}`,
  };
}

export function findingsView(findings, L, fmt) {
  return findings.map((f, index) => ({
    key: `${f.code}-${index}`,
    code: f.code,
    title: title(f.code, L),
    weight: weightLabel(f.effect, L),
    weightClass: badge(f.effect),
    text: findingSentence(f, L, fmt),
  }));
}

/**
 * Who must approve, and for what; and the blocking findings no one may approve (below the floor).
 * With neither, a sentence that fits the verdict: nothing to approve, or not known yet.
 */
export function approvalsView(score, L, locale) {
  const approvals = score.approvals.map((approver) => ({
    key: approver,
    name: approverLabel(approver, L),
    reasons: formatLabel(
      L.Approvals_For,
      listOf(
        score.findings.filter((f) => f.approvers.includes(approver)).map((f) => title(f.code, L)),
        locale,
      ),
    ),
  }));
  const noRoute = score.findings.filter((f) => f.effect === VERDICT.WALK_AWAY && f.approvers.length === 0);
  let none = '';
  if (!approvals.length && !noRoute.length) {
    none = score.verdict === VERDICT.INSUFFICIENT_DATA ? L.Approvals_NotYet : L.Approvals_None;
  }
  return {
    list: approvals,
    hasList: approvals.length > 0,
    noRoute: noRoute.length
      ? formatLabel(
          L.Approvals_NoRoute,
          listOf(
            noRoute.map((f) => title(f.code, L)),
            locale,
          ),
        )
      : '',
    none,
  };
}

/**
 * The buyer's price, judged under the deal's own policy: its verdict, where the price stands, and
 * whatever else that price changes (a finding that comes or goes, the strength of the rep's
 * alternatives), each said in words.
 */
export function counterView(score, counter, counterCents, L, fmt) {
  const verdict = verdictView(counter, L);
  const price = counter.findings.find((f) => PRICE_CODES.has(f.code));
  let priceText = '';
  if (price) priceText = findingSentence(price, L, fmt);
  else if (counter.thresholdCents !== null) {
    priceText = formatLabel(L.Counter_AtOrAbove, fmt.money(counterCents), fmt.money(counter.thresholdCents));
  }
  const codes = (s) => new Set(s.findings.filter((f) => !PRICE_CODES.has(f.code)).map((f) => f.code));
  const before = codes(score);
  const after = codes(counter);
  const changes = [];
  for (const f of counter.findings) {
    if (!PRICE_CODES.has(f.code) && !before.has(f.code)) {
      changes.push({ key: `add-${f.code}`, text: `${weightLabel(f.effect, L)}: ${findingSentence(f, L, fmt)}` });
    }
  }
  for (const f of score.findings) {
    if (!PRICE_CODES.has(f.code) && !after.has(f.code)) {
      changes.push({ key: `drop-${f.code}`, text: formatLabel(L.Counter_NoLonger, title(f.code, L)) });
    }
  }
  if (counter.batna.strength !== score.batna.strength) {
    changes.push({
      key: 'batna',
      text: formatLabel(
        L.Counter_BatnaChange,
        L[`Batna_${keyOf(counter.batna.strength)}`],
        L[`Batna_${keyOf(score.batna.strength)}`],
      ),
    });
  }
  return {
    verdict,
    sentence: formatLabel(L.Counter_Result, fmt.money(counterCents), verdict.label),
    priceText,
    changes,
    hasChanges: changes.length > 0,
  };
}
