// BATNA never adds amounts of different currencies (issue #12 item 4): rates as Salesforce's
// CurrencyType holds them (units per one unit of the corporate currency), given, never looked up.
import {
  assessBatna,
  convertCents,
  currencyKey,
  pipelineFor,
  totalsIn,
  type CurrencyRates,
  type OwnerTotals,
  type Quarter,
} from '../../src/engine';

const RATES: CurrencyRates = new Map([
  ['USD', 1],
  ['IDR', 16_000],
  ['EUR', 0.92],
]);
const Q: Quarter = { start: '2026-10-01', end: '2026-12-31', today: '2026-11-26' };
const idr = (units: number): number => units * 100;

describe('convertCents', () => {
  it('converts through the corporate currency, to the cent', () => {
    expect(convertCents(idr(16_000), 'IDR', 'USD', RATES)).toBe(100);
    expect(convertCents(100_00, 'USD', 'EUR', RATES)).toBe(92_00);
    expect(convertCents(92_00, 'eur', ' usd ', RATES)).toBe(100_00);
  });

  it('leaves the same currency (or a blank one) as it is, rates or not', () => {
    expect(convertCents(123, 'USD', 'usd', null)).toBe(123);
    expect(convertCents(123, null, 'IDR', null)).toBe(123);
  });

  it('has no answer without a rate', () => {
    expect(convertCents(100, 'IDR', 'USD', null)).toBeUndefined();
    expect(convertCents(100, 'JPY', 'USD', RATES)).toBeUndefined();
    expect(convertCents(100, 'USD', 'IDR', new Map([['IDR', 0]]))).toBeUndefined();
  });

  it('keys currencies in upper case without spaces', () => {
    expect(currencyKey(' idr ')).toBe('IDR');
    expect(currencyKey(null)).toBe('');
  });
});

describe('the issue: five IDR deals of 900M never make a USD 1M quota look covered', () => {
  // The owner's pipeline this quarter: the USD deal judged, and five qualified IDR deals of 900,000,000.
  const byCurrency = new Map<string, OwnerTotals>([
    ['USD', { alternatives: 1, alternativesAmountCents: 100_000_00, closedWonCents: 0 }],
    ['IDR', { alternatives: 5, alternativesAmountCents: 5 * idr(900_000_000), closedWonCents: 0 }],
  ]);
  const usdDeal = {
    ownerId: '005A',
    amountCents: 100_000_00,
    probability: 60,
    closeDate: '2026-12-15',
    isClosed: false,
    isWon: false,
  };
  const strengthFor = (rates: CurrencyRates | null, quotaCents: number) => {
    const { totals, leftOut } = totalsIn(byCurrency, 'USD', rates);
    const figures = pipelineFor(totals, usdDeal, quotaCents, Q);
    return { batna: assessBatna(figures, usdDeal.amountCents), totals, leftOut };
  };

  it('without rates: the IDR amounts are left out and said so; the USD deal is Weak', () => {
    const r = strengthFor(null, 1_000_000_00);
    expect(r.leftOut).toEqual(['IDR']);
    expect(r.totals).toEqual({ alternatives: 6, alternativesAmountCents: 100_000_00, closedWonCents: 0 });
    expect(r.batna.strength).toBe('Weak');
    expect(r.batna.signals.map((s) => s.code)).toContain('PIPELINE_GAP');
  });

  it('with rates: 4.5 billion IDR is USD 281,250, 28% of the quota: Weak', () => {
    const r = strengthFor(RATES, 1_000_000_00);
    expect(r.leftOut).toEqual([]);
    expect(r.totals.alternativesAmountCents).toBe(100_000_00 + 281_250_00);
    expect(r.batna.strength).toBe('Weak');
    expect(r.batna.signals.find((s) => s.code === 'PIPELINE_GAP')?.figures.coveragePct).toBe(28);
  });

  it('with rates and a USD 281,250 quota, the converted pipeline does reach it: Strong', () => {
    expect(strengthFor(RATES, 281_250_00).batna.strength).toBe('Strong');
    expect(strengthFor(RATES, 281_250_01).batna.strength).not.toBe('Strong');
  });

  it('adds the deal’s own currency as it is, and Closed Won in another currency converted', () => {
    const mixed = new Map<string, OwnerTotals>([
      ['USD', { alternatives: 1, alternativesAmountCents: 10_000_00, closedWonCents: 5_000_00 }],
      ['EUR', { alternatives: 2, alternativesAmountCents: 9_200_00, closedWonCents: 920_00 }],
    ]);
    expect(totalsIn(mixed, 'USD', RATES)).toEqual({
      totals: { alternatives: 3, alternativesAmountCents: 20_000_00, closedWonCents: 6_000_00 },
      leftOut: [],
    });
  });
});
