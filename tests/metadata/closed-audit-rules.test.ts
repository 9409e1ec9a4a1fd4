// `walkaway audit` judges a Closed Won deal as the org's Closed Won validation rules do: on every
// combination of price, findings and recorded approval below, the audit reports the deal exactly
// when Walk_Away_No_Win_Below_Floor or Walk_Away_Win_Needs_Exception (evaluated from their files
// with formulon, no bypass) would have refused the Closed Won. So what the audit lists is what got
// past the rules, and a change to either side that breaks the agreement fails here.
import { auditWonDeal } from '../../src/org/closedAudit';
import { type FormulaRecord, evaluate, formulaFieldValue, validationRule } from './support/formulas';

const OPPORTUNITY = 'Opportunity';
const RULES = ['Walk_Away_No_Win_Below_Floor', 'Walk_Away_Win_Needs_Exception'];

type Approval = 'none' | 'current' | 'higher amount' | 'other policy' | 'other terms' | 'price only';

/** The article's buyer (floor 126K, threshold 141.75K), won at `amount`, as the engine would have stored it. */
function wonDeal(amount: number, terms: boolean, misfit: boolean, approval: Approval): FormulaRecord {
  const findings = [
    ...(amount < 126000 ? ['BELOW_FLOOR'] : amount < 141750 ? ['BELOW_THRESHOLD'] : []),
    ...(terms ? ['UNLIMITED_LIABILITY'] : []),
    ...(misfit ? ['GEOGRAPHY_MISFIT'] : []),
  ];
  const verdict = amount < 126000 || terms ? 'Walk Away' : findings.length ? 'Approval Required' : 'Proceed';
  const deal: FormulaRecord = {
    Id: '006000000000001',
    Name: 'Buyer',
    OwnerId: '005000000000001',
    CloseDate: '2026-11-02',
    Amount: amount,
    IsWon: true,
    StageName: 'Closed Won',
    Walk_Away_Recommendation__c: verdict,
    Walk_Away_Findings__c: findings,
    Walk_Away_Floor__c: 126000,
    Walk_Away_Threshold__c: 141750,
    Walk_Away_Policy__c: 'Default',
    Liability_Cap_Months__c: null,
    Unlimited_Liability__c: terms,
    IP_Ownership_Transfer__c: false,
    Payment_Terms_Days__c: 30,
    SLA_Uptime_Pct__c: null,
    Termination_For_Convenience__c: false,
    Uncapped_Indemnity__c: false,
  };
  if (approval === 'none') return deal;
  const covered = findings.filter((f) => f !== 'BELOW_FLOOR');
  const approvedTerms = formulaFieldValue(OPPORTUNITY, 'Walk_Away_Terms__c', deal);
  return {
    ...deal,
    Walk_Away_Approved_Exception__c: 'a01000000000001',
    Walk_Away_Approved_Amount__c: approval === 'higher amount' ? amount + 5000 : amount,
    Walk_Away_Approved_Findings__c: approval === 'price only' ? ['BELOW_THRESHOLD'] : covered,
    Walk_Away_Approved_Policy__c: approval === 'other policy' ? 'Enterprise' : 'Default',
    Walk_Away_Approved_Terms__c: approval === 'other terms' ? `${String(approvedTerms)};changed` : approvedTerms,
    Walk_Away_Decision__c: 'Exception Approved',
  };
}

/** The record as the REST API returns it: multi-select values joined by `;`, formula fields computed. */
function asQueried(deal: FormulaRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Walk_Away_Terms__c: formulaFieldValue(OPPORTUNITY, 'Walk_Away_Terms__c', deal),
  };
  for (const [k, v] of Object.entries(deal)) out[k] = Array.isArray(v) ? v.join(';') : v;
  return out;
}

const cases: Array<[string, FormulaRecord]> = [];
for (const amount of [120000, 135000, 150000])
  for (const terms of [false, true])
    for (const misfit of [false, true])
      for (const approval of ['none', 'current', 'higher amount', 'other policy', 'other terms', 'price only'] as const)
        cases.push([
          `${amount}${terms ? ', unlimited liability' : ''}${misfit ? ', geography misfit' : ''}, approval: ${approval}`,
          wonDeal(amount, terms, misfit, approval),
        ]);

test.each(cases)('Closed Won at %s: the audit reports it exactly when a rule would refuse it', (_name, deal) => {
  const refused = RULES.some((rule) => evaluate(validationRule(OPPORTUNITY, rule).formula, OPPORTUNITY, deal));
  const reported = auditWonDeal(asQueried(deal), null);
  expect(reported !== null).toBe(refused);
});

test('the grid holds deals the rules refuse and deals they let through', () => {
  const refused = cases.filter(([, deal]) =>
    RULES.some((rule) => evaluate(validationRule(OPPORTUNITY, rule).formula, OPPORTUNITY, deal)),
  );
  expect(refused.length).toBeGreaterThan(20);
  expect(cases.length - refused.length).toBeGreaterThan(5);
});

test('a verdict set to Proceed by hand does not hide a price below the threshold (the rule cannot see it)', () => {
  const deal = {
    ...wonDeal(135000, false, false, 'none'),
    Walk_Away_Recommendation__c: 'Proceed',
    Walk_Away_Findings__c: [],
  };
  expect(RULES.some((rule) => evaluate(validationRule(OPPORTUNITY, rule).formula, OPPORTUNITY, deal))).toBe(false);
  expect(auditWonDeal(asQueried(deal), null)).toMatchObject({
    problem: 'WON_WITHOUT_EXCEPTION',
    stored: 'Proceed',
    recomputed: 'Approval Required',
  });
});
