// The org enforces walk-away decisions, not the panel: each validation rule's formula, read from
// its file and evaluated with formulon, on the cases a rep, an approver and an admin meet.
import { FINDING_CODES, FINDING_RULES } from '../../src/engine/codes';
import {
  type FormulaRecord,
  evaluate,
  formulaFieldValue,
  validationRule,
  validationRuleNames,
} from './support/formulas';

const BYPASS = 'Walk_Away_Bypass_Rules';
const OPPORTUNITY = 'Opportunity';
const EXCEPTION = 'Walk_Away_Exception__c';

/** The article's buyer at 140K: floor 126K, threshold 141.75K, standard terms, Approval Required. */
const BUYER: FormulaRecord = {
  Id: '006000000000001',
  Amount: 140000,
  IsWon: false,
  StageName: 'Negotiation/Review',
  Walk_Away_Recommendation__c: 'Approval Required',
  Walk_Away_Findings__c: ['BELOW_THRESHOLD'],
  Walk_Away_Floor__c: 126000,
  Walk_Away_Threshold__c: 141750,
  Walk_Away_Policy__c: 'Default',
  Liability_Cap_Months__c: null,
  Unlimited_Liability__c: false,
  IP_Ownership_Transfer__c: false,
  Payment_Terms_Days__c: null,
  SLA_Uptime_Pct__c: null,
  Termination_For_Convenience__c: false,
  Uncapped_Indemnity__c: false,
};
const EXCEPTION_ID = 'a01000000000001';

/** The snapshot the trigger writes when the VP approves an exception for the deal as it is. */
function approved(deal: FormulaRecord, findings: readonly string[] = ['BELOW_THRESHOLD']): FormulaRecord {
  return {
    ...deal,
    Walk_Away_Approved_Exception__c: EXCEPTION_ID,
    Walk_Away_Approved_Amount__c: deal.Amount ?? null,
    Walk_Away_Approved_Findings__c: findings,
    Walk_Away_Approved_Policy__c: deal.Walk_Away_Policy__c ?? null,
    Walk_Away_Approved_Terms__c: formulaFieldValue(OPPORTUNITY, 'Walk_Away_Terms__c', deal),
    'Walk_Away_Approved_Exception__r.Amount__c': deal.Amount ?? null,
    'Walk_Away_Approved_Exception__r.Status__c': 'Approved',
    'Walk_Away_Approved_Exception__r.Opportunity__c': deal.Id ?? null,
    Walk_Away_Decision__c: 'Exception Approved',
  };
}
const won = (deal: FormulaRecord): FormulaRecord => ({ ...deal, IsWon: true, StageName: 'Closed Won' });

function blocks(object: string, name: string, record: FormulaRecord, permissions: string[] = []): boolean {
  return evaluate(validationRule(object, name).formula, object, record, permissions);
}

test('the rules Walk-Away ships, all active, each with a message on a field', () => {
  expect(validationRuleNames(OPPORTUNITY)).toEqual([
    'Walk_Away_Approved_Amount_By_Hand',
    'Walk_Away_Exception_Decision_By_Hand',
    'Walk_Away_No_Win_Below_Floor',
    'Walk_Away_Win_Needs_Exception',
  ]);
  expect(validationRuleNames(EXCEPTION)).toEqual([
    'Justification_Written',
    'Needs_An_Approver',
    'No_Exception_Below_Floor',
  ]);
  for (const [object, names] of [
    [OPPORTUNITY, validationRuleNames(OPPORTUNITY)],
    [EXCEPTION, validationRuleNames(EXCEPTION)],
  ] as const) {
    for (const name of names) {
      const rule = validationRule(object, name);
      expect([name, rule.active, rule.field !== null, rule.message.length > 20]).toEqual([name, true, true, true]);
    }
  }
});

test('no rule names a profile: the bypass is the custom permission, in every Opportunity rule', () => {
  for (const name of validationRuleNames(OPPORTUNITY)) {
    const { formula } = validationRule(OPPORTUNITY, name);
    expect(formula).not.toMatch(/\$Profile/);
    expect([name, formula.includes(`NOT($Permission.${BYPASS})`)]).toEqual([name, true]);
  }
});

describe('Walk_Away_Win_Needs_Exception: Closed Won needs an approved, current exception', () => {
  const rule = 'Walk_Away_Win_Needs_Exception';
  test('Closed Won on Approval Required without an exception is blocked', () => {
    expect(blocks(OPPORTUNITY, rule, won(BUYER))).toBe(true);
  });
  test('an open deal may stay Approval Required without one', () => {
    expect(blocks(OPPORTUNITY, rule, BUYER)).toBe(false);
  });
  test('with the approved, current exception it passes', () => {
    expect(blocks(OPPORTUNITY, rule, won(approved(BUYER)))).toBe(false);
  });
  test('a higher Amount than the approved one still passes (unchanged values never ask again)', () => {
    expect(blocks(OPPORTUNITY, rule, { ...won(approved(BUYER)), Amount: 141000 })).toBe(false);
  });
  test('the Amount lowered after approval is blocked', () => {
    expect(blocks(OPPORTUNITY, rule, { ...won(approved(BUYER)), Amount: 135000 })).toBe(true);
  });
  test('another policy than the approved one is blocked', () => {
    expect(blocks(OPPORTUNITY, rule, { ...won(approved(BUYER)), Walk_Away_Policy__c: 'Enterprise' })).toBe(true);
  });
  test('a term changed after approval is blocked', () => {
    expect(blocks(OPPORTUNITY, rule, { ...won(approved(BUYER)), Payment_Terms_Days__c: 90 })).toBe(true);
  });
  test('a finding the exception does not cover is blocked', () => {
    const deal = { ...won(approved(BUYER)), Walk_Away_Findings__c: ['BELOW_THRESHOLD', 'INDUSTRY_MISFIT'] };
    expect(blocks(OPPORTUNITY, rule, deal)).toBe(true);
  });
  test('Closed Won on Walk Away is blocked; a Legal and C-Level exception for the term lets it through', () => {
    const walkAway: FormulaRecord = {
      ...BUYER,
      Amount: 150000,
      Unlimited_Liability__c: true,
      Walk_Away_Recommendation__c: 'Walk Away',
      Walk_Away_Findings__c: ['UNLIMITED_LIABILITY'],
    };
    expect(blocks(OPPORTUNITY, rule, won(walkAway))).toBe(true);
    expect(blocks(OPPORTUNITY, rule, won(approved(walkAway, ['UNLIMITED_LIABILITY'])))).toBe(false);
  });
  test('a Proceed deal is won without any exception', () => {
    expect(
      blocks(
        OPPORTUNITY,
        rule,
        won({ ...BUYER, Amount: 155000, Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Findings__c: [] }),
      ),
    ).toBe(false);
  });
  test('the bypass permission passes', () => {
    expect(blocks(OPPORTUNITY, rule, won(BUYER), [BYPASS])).toBe(false);
  });
  test('it checks every finding an approver can grant, as the engine lists them, and no other', () => {
    const checked = [
      ...validationRule(OPPORTUNITY, rule).formula.matchAll(/INCLUDES\(Walk_Away_Findings__c, "([A-Z_]+)"\)/g),
    ].map((m) => m[1]);
    const approvable = FINDING_CODES.filter((c) => FINDING_RULES[c].approvers.length > 0);
    expect([...checked].sort()).toEqual([...approvable].sort());
  });
});

describe('Walk_Away_No_Win_Below_Floor: below the floor there is no exception', () => {
  const rule = 'Walk_Away_No_Win_Below_Floor';
  const belowFloor: FormulaRecord = {
    ...approved(BUYER),
    Amount: 120000,
    Walk_Away_Recommendation__c: 'Walk Away',
    Walk_Away_Findings__c: ['BELOW_FLOOR'],
  };
  test('Closed Won below the floor is blocked, even with an exception on file', () => {
    expect(blocks(OPPORTUNITY, rule, won(belowFloor))).toBe(true);
  });
  test('an Amount under the stored floor is blocked before the verdict is recomputed', () => {
    expect(
      blocks(
        OPPORTUNITY,
        rule,
        won({ ...BUYER, Amount: 125999.99, Walk_Away_Recommendation__c: 'Proceed', Walk_Away_Findings__c: [] }),
      ),
    ).toBe(true);
  });
  test('at the floor, or still open, it passes', () => {
    expect(blocks(OPPORTUNITY, rule, won({ ...BUYER, Amount: 126000 }))).toBe(false);
    expect(blocks(OPPORTUNITY, rule, belowFloor)).toBe(false);
  });
  test('the bypass permission passes', () => {
    expect(blocks(OPPORTUNITY, rule, won(belowFloor), [BYPASS])).toBe(false);
  });
});

describe('a rep cannot set the approval by hand', () => {
  test('"Exception Approved" without an approved exception is blocked; with one it passes', () => {
    const rule = 'Walk_Away_Exception_Decision_By_Hand';
    expect(blocks(OPPORTUNITY, rule, { ...BUYER, Walk_Away_Decision__c: 'Exception Approved' })).toBe(true);
    expect(blocks(OPPORTUNITY, rule, approved(BUYER))).toBe(false);
    expect(blocks(OPPORTUNITY, rule, { ...BUYER, Walk_Away_Decision__c: 'Walked Away - Door Open' })).toBe(false);
    expect(blocks(OPPORTUNITY, rule, { ...BUYER, Walk_Away_Decision__c: 'Exception Approved' }, [BYPASS])).toBe(false);
  });
  test("an approved Amount typed by hand is blocked; the approved exception's own Amount passes", () => {
    const rule = 'Walk_Away_Approved_Amount_By_Hand';
    expect(blocks(OPPORTUNITY, rule, BUYER)).toBe(false);
    expect(blocks(OPPORTUNITY, rule, approved(BUYER))).toBe(false);
    expect(blocks(OPPORTUNITY, rule, { ...BUYER, Walk_Away_Approved_Amount__c: 120000 })).toBe(true);
    expect(blocks(OPPORTUNITY, rule, { ...approved(BUYER), Walk_Away_Approved_Amount__c: 120000 })).toBe(true);
    expect(
      blocks(OPPORTUNITY, rule, { ...approved(BUYER), 'Walk_Away_Approved_Exception__r.Status__c': 'Stale' }),
    ).toBe(true);
    expect(
      blocks(OPPORTUNITY, rule, {
        ...approved(BUYER),
        'Walk_Away_Approved_Exception__r.Opportunity__c': '006000000000002',
      }),
    ).toBe(true);
    expect(blocks(OPPORTUNITY, rule, { ...BUYER, Walk_Away_Approved_Amount__c: 120000 }, [BYPASS])).toBe(false);
  });
});

describe('the exception object refuses what has no route', () => {
  const request: FormulaRecord = {
    Findings__c: ['BELOW_THRESHOLD'],
    Approvers__c: ['VP'],
    Justification__c: 'Strategic logo in a new vertical.',
  };
  test('a request is valid as the panel sends it', () => {
    for (const name of validationRuleNames(EXCEPTION))
      expect([name, blocks(EXCEPTION, name, request)]).toEqual([name, false]);
  });
  test('BELOW_FLOOR is refused, with no bypass', () => {
    const belowFloor = { ...request, Findings__c: ['BELOW_FLOOR', 'UNLIMITED_LIABILITY'] };
    expect(blocks(EXCEPTION, 'No_Exception_Below_Floor', belowFloor)).toBe(true);
    expect(blocks(EXCEPTION, 'No_Exception_Below_Floor', belowFloor, [BYPASS])).toBe(true);
  });
  test('findings no approver can grant are refused', () => {
    expect(blocks(EXCEPTION, 'Needs_An_Approver', { ...request, Findings__c: ['WEAK_BATNA'], Approvers__c: [] })).toBe(
      true,
    );
  });
  test('a justification shorter than 20 characters is refused', () => {
    expect(blocks(EXCEPTION, 'Justification_Written', { ...request, Justification__c: 'rep says ok' })).toBe(true);
    expect(blocks(EXCEPTION, 'Justification_Written', { ...request, Justification__c: null })).toBe(true);
  });
});

test('Walk_Away_Terms__c joins the term values, blank as blank, so any change shows', () => {
  expect(formulaFieldValue(OPPORTUNITY, 'Walk_Away_Terms__c', BUYER)).toBe(
    'cap=|unlimited=0|ip=0|payment=|sla=|termination=0|indemnity=0',
  );
  expect(
    formulaFieldValue(OPPORTUNITY, 'Walk_Away_Terms__c', {
      ...BUYER,
      Liability_Cap_Months__c: 24,
      Uncapped_Indemnity__c: true,
    }),
  ).toBe('cap=24|unlimited=0|ip=0|payment=|sla=|termination=0|indemnity=1');
});
