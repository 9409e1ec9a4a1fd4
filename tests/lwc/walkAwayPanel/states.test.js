// Every sentence true in every state: for each verdict state, the text a rep reads on the panel,
// and none of the sentences that would contradict it.
import { updateRecord } from 'lightning/uiRecordApi';
import { OPPORTUNITY, mount, unmountAll, sentences, findings, figures, withFields, withContext } from './support';

const at = (values, context) => mount({ record: withFields(OPPORTUNITY, values), context });

describe('what a rep reads, state by state', () => {
  beforeEach(() => updateRecord.mockResolvedValue({}));
  afterEach(unmountAll);

  it('Proceed: nothing to approve, above the threshold by the real gap, the threshold named in the talk track', async () => {
    const element = await at({ Amount: 160000 });
    const read = sentences(element);
    expect(read).toEqual(
      expect.arrayContaining([
        'Proceed',
        'Price and terms are inside your limits. Go ahead.',
        'Nothing stands in the way.',
        'No approval needed.',
        '[What to say: Hold the price]',
        'Your threshold is $141,750: any price below it needs approval from VP of Sales.',
      ]),
    );
    expect(figures(element)).toContain('Above the threshold by 18250');
    expect(read.join('\n')).not.toMatch(/listed above/);
  });

  it('Proceed exactly at the threshold: says so, never "by $0"', async () => {
    const element = await at({ Amount: 141750 });
    expect(figures(element)).toContain('Exactly at the threshold');
    expect(figures(element).join('\n')).not.toMatch(/ 0$/m);
  });

  it('Approval Required: the approver named in the talk track, the same one listed', async () => {
    const element = await at({});
    const read = sentences(element);
    expect(read).toEqual(
      expect.arrayContaining([
        'Approval Required',
        'VP of Sales for: Below the threshold',
        '[What to say: Hold your ground]',
        'Make the limit the organisation\'s, not yours: "$141,750 is the lowest our company accepts for a deal like this. Going below it is not my decision; it needs approval from VP of Sales."',
      ]),
    );
  });

  it('Walk Away below the floor: no one can approve it, never "No approval needed"', async () => {
    const element = await at({ Amount: 120000 });
    const read = sentences(element);
    expect(read).toEqual(
      expect.arrayContaining([
        'Walk Away',
        'This deal crosses a line you set before negotiating. Do not accept it as it stands.',
        'No one can approve an exception for: Below the floor.',
        '[What to say: Walk away, door open]',
      ]),
    );
    expect(findings(element)).toEqual([
      'Blocks the deal · Below the floor: The price of $120,000 is $6,000 under the floor of $126,000. No one can approve a price this low.',
    ]);
    expect(figures(element)).toContain('Below the floor by 6000');
    expect(read).not.toContain('No approval needed.');
  });

  it('Walk Away on relationship red flags: who could approve, door closed, each weight in words', async () => {
    const element = await at({
      Amount: 160000,
      Customer_Red_Flags__c: 'Unrealistic ROI;Unrealistic Timeline;Will Not Follow Process',
    });
    expect(findings(element)).toEqual([
      'Blocks the deal · Too many red flags: 3 red flags recorded (Unrealistic ROI, Unrealistic Timeline, Will Not Follow Process); the policy tolerates at most 2.',
    ]);
    const read = sentences(element);
    expect(read).toEqual(
      expect.arrayContaining(['VP of Sales for: Too many red flags', '[What to say: Walk away, door closed]']),
    );
  });

  it('a policy that tolerates no red flag says so in the singular', async () => {
    const element = await at(
      { Amount: 160000, Customer_Red_Flags__c: 'Unrealistic ROI' },
      withContext({ policy: { Max_Red_Flags__c: 0 } }),
    );
    expect(findings(element)).toEqual([
      'Blocks the deal · Too many red flags: 1 red flag recorded (Unrealistic ROI); the policy tolerates none.',
    ]);
  });

  it('Insufficient Data on missing costs: what to fill in, approvals not known yet', async () => {
    const element = await at({ Direct_Cost__c: null });
    const read = sentences(element);
    expect(read).toEqual(
      expect.arrayContaining([
        'Insufficient Data',
        'The deal cannot be judged yet. Fill in what is missing first.',
        'The floor and threshold appear once both costs are filled in.',
        'Known once the missing information is in.',
        '[What to say: Complete the facts first]',
      ]),
    );
    expect(findings(element)).toEqual([
      'Missing information · Costs missing: Costs are incomplete (Direct Cost blank), so there is no floor or threshold yet.',
    ]);
    expect(read).not.toContain('No approval needed.');
  });

  it('no policy covers the deal: explained as the admin’s fix, not the rep’s', async () => {
    const element = await at({}, withContext({ policy: { Currency_Iso_Code__c: 'EUR' } }));
    const read = sentences(element);
    expect(read).toEqual(
      expect.arrayContaining([
        'Insufficient Data',
        'No walk-away policy covers this deal, so it cannot be judged yet. This is for your Walk-Away admin to fix; nothing is missing on your side.',
        'No policy covers this deal, so there is no floor or threshold to show.',
        '[What to say: Wait for a policy]',
        "Ask your Walk-Away admin to add or widen a policy for this deal's currency, segment and size.",
      ]),
    );
    expect(findings(element)).toEqual([
      'Missing information · No policy: No active walk-away policy covers this deal. Ask your admin to check its currency, segment and amount bands.',
    ]);
    expect(read.join('\n')).not.toMatch(/Fill in what is missing|once both costs are filled in/);
  });

  it('BATNA Weak despite good news: what is against the rep first, and why it is still weak', async () => {
    const element = await at({}, withContext({ pipeline: { quota: 200000 } }));
    const read = sentences(element);
    expect(read).toEqual(
      expect.arrayContaining([
        '[Your alternatives (BATNA): Weak]',
        'Weak: what is against you outweighs what is in your favour.',
        'Against you',
        "This deal alone is 70% of the quarter's quota.",
        'In your favour',
        '6 other qualified deals this quarter.',
      ]),
    );
    expect(read.indexOf('Against you')).toBeLessThan(read.indexOf('In your favour'));
    expect(findings(element)).toContain(
      'For information · Weak alternatives: Your alternatives are weak, so the pressure to give in is high. Stick to the limits you set before negotiating.',
    );
  });

  it('counts in the singular and for none', async () => {
    let read = sentences(await at({}, withContext({ pipeline: { alternatives: 1 } })));
    expect(read).toEqual(expect.arrayContaining(['Only 1 other qualified deal this quarter.']));
    unmountAll();
    // 300,000 against the 400,000 still to close: the target is not reachable without this deal.
    read = sentences(await at({}, withContext({ pipeline: { alternatives: 4, alternativesAmount: 300000 } })));
    expect(read).toEqual(expect.arrayContaining(['Qualify 1 more opportunity this quarter.']));
    unmountAll();
    read = sentences(
      await at(
        {},
        withContext({ pipeline: { alternatives: 0, alternativesAmount: 50000, quota: 500000, daysToQuarterEnd: 1 } }),
      ),
    );
    expect(read).toEqual(
      expect.arrayContaining([
        'No other qualified deals this quarter.',
        '1 day to quarter end with $400,000 still to close.',
        'Qualify 5 more opportunities this quarter.',
      ]),
    );
  });

  it('no pipeline figures: BATNA unknown, said without arrows or colours', async () => {
    const read = sentences(await at({}, withContext({ pipeline: null })));
    expect(read).toEqual(
      expect.arrayContaining([
        '[Your alternatives (BATNA): Unknown]',
        'No pipeline figures are available for the owner.',
      ]),
    );
    expect(read).not.toContain('Against you');
  });
});
