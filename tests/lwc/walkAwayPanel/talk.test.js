// The talk tracks a rep reads, each in the state where it applies: the walk-away posture when the
// price sits between the floor and the threshold (also for the buyer's price typed in the what-if),
// the returning-buyer script once the buyer came back after a walk-away, and the four things never
// to say. Sentences are read from the rendered panel, as the rep sees them.
import { updateRecord } from 'lightning/uiRecordApi';
import {
  OPPORTUNITY,
  mount,
  unmountAll,
  find,
  text,
  texts,
  talkLines,
  figures,
  typePrice,
  withFields,
  withContext,
} from './support';

const at = (values, context) => mount({ record: withFields(OPPORTUNITY, values), context });
const track = (element) => find(element, 'talk-track').dataset.track;
const heading = (element) => find(element, 'talk-section').label;

const POSTURE_LINES = [
  'Use this when the talks stall, the buyer keeps testing your limit or the price sits close to your threshold: be ready to step back, and mean it.',
  'Say what keeps you at the table: a price of $141,750 or more, or less scope for the budget offered. Put it as a condition, not an ultimatum.',
  'Make the limit the organisation\'s, not yours: "$141,750 is the lowest our company accepts for a deal like this. Going below it is not my decision; it needs approval from VP of Sales."',
  'Stay courteous and leave the door open: if the budget or scope changes, you would be glad to talk again.',
];

const RETURN_OPENING = [
  'Thank them for getting back in touch, then ask what is different now: the budget, the priorities, or the alternative they looked at.',
  'Listen for what has really moved: money now available, a changed scope, room on the terms, and someone who can decide.',
  'Concede nothing in this first conversation and do not sound relieved: their return opens a new negotiation, it is not a win.',
];

/** A deal the rep walked away from with the door open, 140K against a 155K-165K budget to come back. */
const WALKED_OPEN = {
  Walk_Away_Decision__c: 'Walked Away - Door Open',
  Walk_Away_Exit_Reason__c: 'Economics',
  Walk_Away_Decided_On__c: '2026-11-02',
  Walk_Away_Reengage_Budget_Min__c: 155000,
  Walk_Away_Reengage_Budget_Max__c: 165000,
};

describe('talk tracks, each where it applies', () => {
  beforeEach(() => updateRecord.mockResolvedValue({}));
  afterEach(unmountAll);

  it('between the floor and the threshold: the walk-away posture, the organisation’s minimum and the VP', async () => {
    const element = await at({});
    expect(track(element)).toBe('POSTURE');
    expect(heading(element)).toBe('What to say: Hold your ground');
    expect(talkLines(element)).toEqual(POSTURE_LINES);
  });

  it('a clean deal is held, not postured: no walk-away stance above the threshold', async () => {
    const element = await at({ Amount: 160000 });
    expect(track(element)).toBe('HOLD');
    expect(talkLines(element).join('\n')).not.toMatch(/step back|lowest our company accepts/);
  });

  it('the buyer’s price in the what-if brings the posture when it falls under the threshold', async () => {
    const element = await at({ Amount: 160000 });
    updateRecord.mockClear();
    await typePrice(element, '135000');
    expect(text(element, 'counter-badge')).toBe('Approval Required');
    expect(track(element)).toBe('POSTURE');
    expect(text(element, 'talk-track')).toContain("At the buyer's price of $135,000");
    expect(talkLines(element)).toEqual(POSTURE_LINES);
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it.each([
    ['POSTURE', {}],
    ['HOLD', { Amount: 160000 }],
    ['DOOR_OPEN', { Amount: 120000 }],
    ['RETURN', { ...WALKED_OPEN, Walk_Away_Buyer_Returned__c: true }],
  ])('the four things never to say, under the %s track too', async (name, values) => {
    const element = await at(values);
    expect(track(element)).toBe(name);
    expect(element.shadowRoot.querySelector('.talk-avoid').textContent).toBe(
      'Never blame the buyer, hold up what other customers pay, warn that they will regret it, or part with a jab that they will struggle without you.',
    );
  });

  describe('the buyer came back (Walk_Away_Buyer_Returned__c)', () => {
    it('below the budget set for coming back: what changed, what to listen for, no concession, the new price against the earlier position', async () => {
      const element = await at({
        ...WALKED_OPEN,
        Walk_Away_Buyer_Returned__c: true,
        Walk_Away_Buyer_Returned_On__c: '2026-11-20',
      });
      expect(track(element)).toBe('RETURN');
      expect(heading(element)).toBe('What to say: The buyer came back');
      expect(talkLines(element)).toEqual([
        ...RETURN_OPENING,
        'Weigh the new price against where you stopped: $140,000 now, against the $155,000 to $165,000 you set for coming back and your threshold of $141,750.',
        'That is still under the budget you set for coming back: restate your conditions before discussing anything else.',
      ]);
    });

    it('at the budget set for coming back: check the whole deal again before committing', async () => {
      const element = await at({ ...WALKED_OPEN, Walk_Away_Buyer_Returned__c: true, Amount: 155000 });
      expect(talkLines(element).slice(3)).toEqual([
        'Weigh the new price against where you stopped: $155,000 now, against the $155,000 to $165,000 you set for coming back and your threshold of $141,750.',
        'That meets the budget you set for coming back: check the whole deal again at this price before you commit.',
      ]);
    });

    it('after a door-closed exit with no budget recorded: the new price against the threshold only', async () => {
      const element = await at({
        Walk_Away_Decision__c: 'Walked Away - Door Closed',
        Walk_Away_Exit_Reason__c: 'Relationship Red Flags',
        Walk_Away_Buyer_Returned__c: true,
        Amount: 150000,
      });
      expect(track(element)).toBe('RETURN');
      expect(talkLines(element)).toEqual([
        ...RETURN_OPENING,
        'Weigh the new price against where you stopped: $150,000 now, against your threshold of $141,750.',
      ]);
    });

    it('the buyer’s price typed in the what-if is the new price the script weighs', async () => {
      const element = await at({ ...WALKED_OPEN, Walk_Away_Buyer_Returned__c: true });
      await typePrice(element, '160000');
      expect(talkLines(element)).toContain(
        'Weigh the new price against where you stopped: $160,000 now, against the $155,000 to $165,000 you set for coming back and your threshold of $141,750.',
      );
    });

    it('not yet back: the door-open conditions, not the returning-buyer script', async () => {
      const element = await at({ ...WALKED_OPEN, Walk_Away_Buyer_Returned__c: false });
      expect(track(element)).toBe('REENGAGE');
      expect(talkLines(element).join('\n')).not.toMatch(/Weigh the new price|what is different now/);
    });
  });
});

describe('what-if: a price typed by mistake is judged under the deal’s own policy', () => {
  beforeEach(() => updateRecord.mockResolvedValue({}));
  afterEach(unmountAll);

  /** Two amount bands: up to 500,000 at 20% / 35%, from 500,000 at 10% / 30% (threshold 136,500 here). */
  const BANDS = (() => {
    const context = withContext({ policy: { DeveloperName: 'Small_Deals', Max_Amount__c: 500000 } });
    context.policies.push({
      ...context.policies[0],
      DeveloperName: 'Large_Deals',
      Min_Amount__c: 500000,
      Max_Amount__c: null,
      Min_Margin_Pct__c: 10,
      Target_Margin_Pct__c: 30,
    });
    return context;
  })();

  it('$1,400,000 for a 140,000 deal: the deal’s threshold of $141,750 everywhere, and what the price changes, with why', async () => {
    const element = await at({ Walk_Away_Deal_Size__c: 140000 }, BANDS);
    updateRecord.mockClear();
    expect(text(element, 'policy')).toBe('Policy applied: Small_Deals');
    await typePrice(element, '1,400,000');
    expect(figures(element)).toContain("Buyer's price 1400000");
    expect(figures(element)).toContain('Threshold 141750');
    expect(text(element, 'counter-badge')).toBe('Proceed');
    expect(text(element, 'counter-price')).toBe('$1,400,000 is at or above the threshold of $141,750.');
    expect(talkLines(element)).toContain(
      'Your threshold is $141,750: any price below it needs approval from VP of Sales.',
    );
    expect(texts(element, '[data-id="counter-changes"] li')).toEqual([
      'For information: Your alternatives are weak, so the pressure to give in is high. Stick to the limits you set before negotiating.',
      "Your alternatives would be Weak instead of Strong, because the deal's share of your quota changes.",
    ]);
    const everything = element.shadowRoot.textContent;
    expect(everything).not.toContain('136,500');
    expect(everything).not.toContain('Large_Deals');
    expect(updateRecord).not.toHaveBeenCalled();
  });
});
