// One sentence per finding, in English, for the CLI and reports. The panel says
// the same things through Custom Labels (English and Bahasa Indonesia).
import type { Finding, Figure } from './finding.js';

export type MoneyFormat = (cents: number) => string;

export const plainMoney =
  (currency: string | null): MoneyFormat =>
  (cents) => {
    const units = (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
    return currency ? `${currency} ${units}` : units;
  };

const num = (v: Figure | undefined): number => (typeof v === 'number' ? v : 0);
const listOf = (v: Figure | undefined): string => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));

/** Each unmet re-engagement condition of a REENGAGEMENT_CONDITIONS_UNMET finding, in words. */
function unmetText(g: Readonly<Record<string, Figure>>, money: MoneyFormat): string {
  const unmet = Array.isArray(g.unmet) ? g.unmet : [];
  return unmet
    .map((c) => {
      switch (c) {
        case 'BUDGET':
          return g.amountCents === null
            ? `no price yet against the ${money(num(g.budgetMinCents))} minimum stated`
            : `price ${money(num(g.amountCents))} is below the ${money(num(g.budgetMinCents))} minimum stated`;
        case 'DECISION_DATE':
          return g.buyerDecisionDate === null
            ? `no firm decision date (by ${String(g.decisionBy)} asked)`
            : `decision date ${String(g.buyerDecisionDate)} is after the ${String(g.decisionBy)} asked`;
        case 'STAKEHOLDERS':
          return 'key stakeholders not aligned';
        case 'SCOPE':
          return 'scope not clearly defined';
        default:
          return c;
      }
    })
    .join('; ');
}

export function explainFinding(f: Finding, money: MoneyFormat = plainMoney(null)): string {
  const g = f.figures;
  switch (f.code) {
    case 'MISSING_AMOUNT':
      return 'The proposed price (Amount) is blank, so the deal cannot be judged on price.';
    case 'MISSING_COST':
      return g.zeroTotal === true
        ? 'Direct cost and overhead add up to 0: a floor of zero protects nothing, so record the real costs.'
        : `Costs are incomplete (${listOf(g.fields)} blank), so the floor and threshold cannot be set.`;
    case 'NO_POLICY':
      return 'No active walk-away policy applies to this deal (check currency, segment and amount bands).';
    case 'BELOW_FLOOR':
      return `Price ${money(num(g.amountCents))} is ${money(num(g.gapCents))} below the floor of ${money(num(g.floorCents))}: walk away, no exceptions.`;
    case 'BELOW_THRESHOLD':
      return `Price ${money(num(g.amountCents))} is ${money(num(g.gapCents))} below the threshold of ${money(num(g.thresholdCents))}: VP approval and a written justification are needed.`;
    case 'UNLIMITED_LIABILITY':
      return 'The buyer asks for unlimited liability: non-negotiable.';
    case 'LIABILITY_CAP_EXCEEDED':
      return `The buyer asks for a ${num(g.askedMonths)}-month liability cap; the most we accept is ${num(g.maxMonths)} months.`;
    case 'IP_OWNERSHIP_TRANSFER':
      return 'The buyer asks for ownership of our IP or licence rights: non-negotiable.';
    case 'PAYMENT_TERMS_EXCEEDED':
      return `The buyer asks for net ${num(g.askedDays)} payment terms; the longest we accept is net ${num(g.maxDays)}.`;
    case 'SLA_NOT_DELIVERABLE':
      return `The buyer asks for ${num(g.askedPct)}% uptime; we can commit to at most ${num(g.maxPct)}%.`;
    case 'RISKY_TERMINATION':
      return 'The buyer asks to terminate for convenience with a refund: non-negotiable.';
    case 'UNCAPPED_INDEMNITY':
      return 'The buyer asks for indemnity for matters outside our control: non-negotiable.';
    case 'INDUSTRY_MISFIT':
      return g.industry === null
        ? `The account's industry is not recorded; this policy serves ${listOf(g.served)}.`
        : `Industry ${String(g.industry)} is outside the industries we serve (${listOf(g.served)}).`;
    case 'COMPANY_TOO_SMALL':
      return g.annualRevenue === null
        ? `The account's annual revenue is not recorded; we serve companies from ${money(num(g.minAnnualRevenue) * 100)}.`
        : `Annual revenue ${money(num(g.annualRevenue) * 100)} is below the ${money(num(g.minAnnualRevenue) * 100)} we serve.`;
    case 'COMPANY_TOO_LARGE':
      return `Annual revenue ${money(num(g.annualRevenue) * 100)} is above the ${money(num(g.maxAnnualRevenue) * 100)} we serve.`;
    case 'GEOGRAPHY_MISFIT':
      return g.country === null
        ? `The account's billing country is not recorded; this policy serves ${listOf(g.served)}.`
        : `Country ${String(g.country)} is outside the countries we serve (${listOf(g.served)}).`;
    case 'USE_CASE_MISFIT':
      return `Use case ${String(g.useCase)} is not one we serve (${listOf(g.served)}).`;
    case 'ENVIRONMENT_MISFIT':
      return `Platform ${String(g.environment)} is not one we integrate with (${listOf(g.served)}).`;
    case 'RED_FLAGS_EXCEEDED':
      return `${num(g.count)} customer red flags (${listOf(g.flags)}); the policy accepts at most ${num(g.maxRedFlags)}.`;
    case 'RED_FLAGS_PRESENT':
      return `Customer red flags to watch: ${listOf(g.flags)}.`;
    case 'WEAK_BATNA':
      return 'Your alternatives are weak: the pressure to concede is high, so hold the limits set before negotiating.';
    case 'REENGAGEMENT_CONDITIONS_UNMET':
      return `The buyer came back, but conditions stated for re-engaging do not hold: ${unmetText(g, money)}. A return is a new negotiation under the same limits, not a win.`;
  }
}
