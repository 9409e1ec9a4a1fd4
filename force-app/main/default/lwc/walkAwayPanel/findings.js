// One sentence per finding, in the user's language, from the figures the engine's finding carries.
import { formatLabel } from 'c/walkAwayFormat';
import { countedLabel } from './words';

const num = (v) => (typeof v === 'number' ? v : 0);
const list = (v) => (Array.isArray(v) ? v.join(', ') : String(v === undefined || v === null ? '' : v));

/** Each unmet re-engagement condition in words (REENGAGEMENT_CONDITIONS_UNMET's figures). */
function unmetConditions(g, L, fmt) {
  const date = fmt.date || ((d) => String(d));
  return (Array.isArray(g.unmet) ? g.unmet : []).map((c) => {
    if (c === 'BUDGET') {
      return g.amountCents === null || g.amountCents === undefined
        ? formatLabel(L.Reengage_Unmet_BUDGET_NoPrice, fmt.money(num(g.budgetMinCents)))
        : formatLabel(L.Reengage_Unmet_BUDGET, fmt.money(num(g.amountCents)), fmt.money(num(g.budgetMinCents)));
    }
    if (c === 'DECISION_DATE') {
      return g.buyerDecisionDate
        ? formatLabel(L.Reengage_Unmet_DECISION_DATE_Late, date(g.buyerDecisionDate), date(g.decisionBy))
        : formatLabel(L.Reengage_Unmet_DECISION_DATE, date(g.decisionBy));
    }
    return L[`Reengage_Unmet_${c}`] || c;
  });
}

/** fmt: { money(cents), number(n), date(isoDate), fieldLabel(apiName) }. */
export function findingSentence(finding, L, fmt) {
  const g = finding.figures || {};
  const money = fmt.money;
  const n = fmt.number;
  switch (finding.code) {
    case 'MISSING_COST':
      return g.zeroTotal
        ? L.Finding_MISSING_COST_Zero
        : formatLabel(L.Finding_MISSING_COST, (g.fields || []).map((f) => fmt.fieldLabel(f)).join(', '));
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
      return num(g.maxRedFlags) === 0
        ? countedLabel(L, 'Finding_RED_FLAGS_EXCEEDED_Zero', num(g.count), n(num(g.count)), list(g.flags))
        : formatLabel(L.Finding_RED_FLAGS_EXCEEDED, n(num(g.count)), list(g.flags), n(num(g.maxRedFlags)));
    case 'RED_FLAGS_PRESENT':
      return formatLabel(L.Finding_RED_FLAGS_PRESENT, list(g.flags));
    case 'REENGAGEMENT_CONDITIONS_UNMET':
      return formatLabel(L.Finding_REENGAGEMENT_CONDITIONS_UNMET, unmetConditions(g, L, fmt).join('; '));
    default:
      return L[`Finding_${finding.code}`] || finding.code;
  }
}
