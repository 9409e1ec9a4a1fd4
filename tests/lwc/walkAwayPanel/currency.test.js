// A deal in another currency than the corporate one: Apex gives the owner's quota and pipeline in the
// corporate currency with the deal currency's rate, and the panel weighs the deal in one currency.
// The figures below are computed by hand: 16,400 IDR per USD; quota USD 400,000 = IDR 6,560,000,000;
// Closed Won USD 100,000 = IDR 1,640,000,000; other pipeline USD 900,000 = IDR 14,760,000,000.
import { updateRecord } from 'lightning/uiRecordApi';
import { OPPORTUNITY, mount, unmountAll, sentences, text, withFields, withContext } from './support';

const USD_ORG = {
  alternatives: 6,
  alternativesAmount: 900000,
  closedWonAmount: 100000,
  quota: 400000,
  currencyIsoCode: 'USD',
  dealCurrencyIsoCode: 'IDR',
  dealCurrencyRate: 16400,
};

const idrDeal = (amount) => withFields(OPPORTUNITY, { CurrencyIsoCode: 'IDR', Amount: amount });
const at = (amount, pipeline = {}) =>
  mount({ record: idrDeal(amount), context: withContext({ pipeline: { ...USD_ORG, ...pipeline } }) });
const stored = () => updateRecord.mock.calls.map(([{ fields }]) => fields.Walk_Away_BATNA__c);

describe('BATNA of a deal in another currency than the quota', () => {
  beforeEach(() => {
    updateRecord.mockReset();
    updateRecord.mockResolvedValue({});
  });
  afterEach(unmountAll);

  it('IDR 3,280,000,000 against a USD 400,000 quota is 50% of it, not 820,000%', async () => {
    const read = sentences(await at(3280000000));
    // 3,280,000,000 / 6,560,000,000 = 50%, at the 50% limit: a large share, and so Weak.
    expect(read).toContain("This deal alone is 50% of the quarter's quota.");
    expect(read).toContain('[Your alternatives (BATNA): Weak]');
    // Remaining 4,920,000,000; pipeline 14,760,000,000 covers it three times.
    expect(read.find((s) => s.startsWith('Other qualified pipeline covers'))).toMatch(
      /^Other qualified pipeline covers 300% of the IDR\s?4,920,000,000(\.00)? still to close\.$/,
    );
    expect(stored()).toEqual(['Weak']);
  });

  it('IDR 1,640,000,000 is 25% of the quota: the target is reachable without it, Strong', async () => {
    const read = sentences(await at(1640000000));
    expect(read.join('\n')).not.toMatch(/of the quarter's quota/);
    expect(read).toContain('[Your alternatives (BATNA): Strong]');
    expect(stored()).toEqual(['Strong']);
  });

  it('the dated rate Apex read decides: at 8,200 IDR per USD the same deal is 100% of the quota', async () => {
    const read = sentences(await at(3280000000, { dealCurrencyRate: 8200 }));
    expect(read).toContain("This deal alone is 100% of the quarter's quota.");
  });

  it('a deal in the corporate currency is compared as it is', async () => {
    const element = await mount({
      record: withFields(OPPORTUNITY, { CurrencyIsoCode: 'USD', Amount: 200000 }),
      context: withContext({ pipeline: { ...USD_ORG, dealCurrencyIsoCode: 'USD', dealCurrencyRate: 1 } }),
    });
    expect(sentences(element)).toContain("This deal alone is 50% of the quarter's quota.");
  });

  it('no rate readable: the USD amounts are left out and said so, no share and no verdict stored', async () => {
    const element = await at(3280000000, { dealCurrencyRate: null });
    const read = sentences(element);
    expect(text(element, 'batna-left-out')).toBe(
      "Quota and pipeline amounts in USD are left out: no exchange rate to IDR, this deal's currency, could be read for its close date.",
    );
    expect(read.join('\n')).not.toMatch(/of the quarter's quota|quota is not recorded|Record your quarterly quota/);
    // The owner's deals still count as alternatives; only their amounts are left out.
    expect(read).toContain('6 other qualified deals this quarter.');
    expect(updateRecord).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('a rate read for another currency (the deal was changed since) is not used', async () => {
    const element = await at(3280000000, { dealCurrencyIsoCode: 'EUR', dealCurrencyRate: 0.92 });
    expect(text(element, 'batna-left-out')).toMatch(/^Quota and pipeline amounts in USD are left out/);
    expect(sentences(element).join('\n')).not.toMatch(/of the quarter's quota/);
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('a single-currency org (no CurrencyIsoCode, no rate): nothing to convert, nothing left out', async () => {
    const record = withFields(OPPORTUNITY, { Amount: 200000 });
    delete record.fields.CurrencyIsoCode;
    const element = await mount({
      record,
      context: withContext({ pipeline: { ...USD_ORG, dealCurrencyIsoCode: null, dealCurrencyRate: null } }),
    });
    expect(text(element, 'batna-left-out')).toBeNull();
    expect(sentences(element)).toContain("This deal alone is 50% of the quarter's quota.");
  });
});
