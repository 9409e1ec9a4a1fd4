import { createElement } from 'lwc';
import WalkAwayPanel from 'c/walkAwayPanel';
import { getRecord, updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getPanelContext from '@salesforce/apex/WalkAwayController.getPanelContext';

jest.mock(
  '@salesforce/apex/WalkAwayController.getPanelContext',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);

const OPPORTUNITY = require('./data/opportunity.json');
const OPPORTUNITY_SCORED = require('./data/opportunityScored.json');
const OPPORTUNITY_HTML_NAME = require('./data/opportunityHtmlName.json');
const OPPORTUNITY_WALK_AWAY = require('./data/opportunityWalkAway.json');
const OPPORTUNITY_MISSING_COST = require('./data/opportunityMissingCost.json');
const OPPORTUNITY_DOOR_OPEN = require('./data/opportunityDoorOpen.json');
const CONTEXT = require('./data/panelContext.json');
const CONTEXT_WEAK = require('./data/panelContextWeak.json');
const CONTEXT_BAD_POLICY = require('./data/panelContextBadPolicy.json');
const OBJECT_INFO = require('./data/objectInfo.json');
const OBJECT_INFO_READ_ONLY = require('./data/objectInfoReadOnly.json');
const APEX_ERROR = require('./data/apexError.json');
const CONFLICT_ERROR = require('./data/conflictError.json');

const RECORD_ID = '006Hs00000Wa001AAA';
const LAST_MODIFIED = '2026-11-20T10:15:00.000Z';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount({ record = OPPORTUNITY, context = CONTEXT, objectInfo = OBJECT_INFO } = {}) {
  const element = createElement('c-walk-away-panel', { is: WalkAwayPanel });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  if (objectInfo) getObjectInfo.emit(objectInfo);
  if (record) getRecord.emit(record);
  if (context) getPanelContext.emit(context);
  await flush();
  return element;
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const text = (element, id) => ($(element, id) ? $(element, id).textContent.replace(/\s+/g, ' ').trim() : null);
const findingTexts = (element) =>
  Array.from(element.shadowRoot.querySelectorAll('[data-id="findings"] .finding-text')).map((n) => n.textContent);
const talkLines = (element) =>
  Array.from(element.shadowRoot.querySelectorAll('[data-id="talk-track"] .talk-line')).map((n) => n.textContent);

async function typeCounterOffer(element, value) {
  const input = $(element, 'counter-input');
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function choose(element, id, value) {
  const input = $(element, id);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

describe('c-walk-away-panel', () => {
  beforeEach(() => {
    updateRecord.mockReset();
    updateRecord.mockResolvedValue({});
    notifyRecordUpdateAvailable.mockClear();
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  describe('data', () => {
    it('shows the verdict first, with the summary and the policy applied', async () => {
      const element = await mount();
      const sections = element.shadowRoot.querySelectorAll('section');
      expect(sections[0].dataset.id).toBe('verdict');
      expect(sections[0].getAttribute('aria-live')).toBe('polite');
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(text(element, 'verdict-summary')).toBe('You may go ahead only once the approvals below are given.');
      expect(text(element, 'policy')).toBe('Policy applied: Default');
    });

    it('draws the price gauge with the floor, the threshold, the Amount and the gap in the record currency', async () => {
      const element = await mount();
      const number = (id) => $(element, id).querySelector('lightning-formatted-number');
      expect(number('floor').value).toBe(126000);
      expect(number('threshold').value).toBe(141750);
      expect(number('amount').value).toBe(140000);
      expect(number('gap').value).toBe(1750);
      expect(number('gap').currencyCode).toBe('USD');
      expect(number('cost').value).toBe(105000);
      expect(number('floor').maximumFractionDigits).toBe(0);
      expect(text(element, 'figures')).toContain('Below the threshold by');
      expect($(element, 'gauge').getAttribute('aria-label')).toBe(
        'Price gauge: price $140,000, floor $126,000, threshold $141,750.',
      );
    });

    it('explains each finding in a sentence and says who must approve', async () => {
      const element = await mount();
      expect(findingTexts(element)).toEqual([
        'The price of $140,000 is $1,750 under the threshold of $141,750. A VP must approve it, with a written justification.',
      ]);
      const approvals = element.shadowRoot.querySelectorAll('[data-id="approvals"] li');
      expect(approvals).toHaveLength(1);
      expect(approvals[0].querySelector('.approval-name').textContent).toBe('VP of Sales');
      expect(approvals[0].querySelector('.approval-reasons').textContent).toBe('for: Below the threshold');
    });

    it('shows BATNA strength with its signals, and advice when the position is weak', async () => {
      let element = await mount();
      expect(text(element, 'batna-strength')).toBe('Strong');
      expect(text(element, 'batna-signals')).toContain('6 other qualified deals this quarter.');
      expect($(element, 'batna-advice')).toBeNull();
      document.body.removeChild(element);

      element = await mount({ context: CONTEXT_WEAK });
      expect(text(element, 'batna-strength')).toBe('Weak');
      expect(text(element, 'batna-signals')).toContain('Only 1 other qualified deals this quarter.');
      expect(text(element, 'batna-advice')).toContain('Qualify 4 more opportunities this quarter.');
      expect(findingTexts(element)).toContain(
        'Your alternatives are weak, so the pressure to give in is high. Stick to the limits you set before negotiating.',
      );
    });

    it('gives the talk track that fits: hold the price at the threshold', async () => {
      const element = await mount();
      expect($(element, 'talk-track').dataset.track).toBe('HOLD');
      expect(text(element, 'talk-track')).toContain('What to say: Hold the price');
      expect(talkLines(element)).toContain('Do not go below $141,750 without the approvals listed above.');
    });

    it('walks away with an exception route when only a non-negotiable term blocks the deal', async () => {
      const element = await mount({ record: OPPORTUNITY_WALK_AWAY });
      expect(text(element, 'verdict-badge')).toBe('Walk Away');
      expect(findingTexts(element)).toContain('The buyer wants unlimited liability. This term is not negotiable.');
      expect(text(element, 'approvals')).toContain('Legal');
      expect(text(element, 'approvals')).toContain('C-level executive');
    });

    it('says what is missing when the deal cannot be judged', async () => {
      const element = await mount({ record: OPPORTUNITY_MISSING_COST });
      expect(text(element, 'verdict-badge')).toBe('Insufficient Data');
      expect(text(element, 'price-unavailable')).toBe(
        'The floor and threshold appear once the Amount and both costs are filled in.',
      );
      expect(findingTexts(element)).toEqual([
        'Costs are incomplete (Direct Cost blank), so there is no floor or threshold yet.',
      ]);
      expect($(element, 'talk-track').dataset.track).toBe('GATHER');
    });

    it('after a door-open walk-away, gives the re-engagement conditions', async () => {
      const element = await mount({ record: OPPORTUNITY_DOOR_OPEN });
      expect($(element, 'talk-track').dataset.track).toBe('REENGAGE');
      expect(talkLines(element)).toContain('The budget we would come back for: $155,000 to $165,000.');
      expect(text(element, 'recorded-decision')).toBe('Recorded: Walked away, door open on Nov 2, 2026');
    });

    it('renders a Name holding HTML as text, never as markup', async () => {
      const element = await mount({ record: OPPORTUNITY_HTML_NAME });
      const name = element.shadowRoot.querySelector('.record-name');
      expect(name.textContent).toBe('Verdict for <img src=x onerror="alert(1)"><b>Bold</b> & Co');
      expect(element.shadowRoot.querySelector('img')).toBeNull();
      expect(element.shadowRoot.querySelector('b')).toBeNull();
    });
  });

  describe('wire configuration', () => {
    it('asks getRecord for every field as an optional field, and Apex for this opportunity', async () => {
      await mount();
      const config = getRecord.getLastConfig();
      expect(config.recordId).toBe(RECORD_ID);
      expect(config.fields).toBeUndefined();
      const names = config.optionalFields.map((f) => (typeof f === 'string' ? f : `Opportunity.${f.fieldApiName}`));
      for (const name of [
        'Opportunity.Name',
        'Opportunity.LastModifiedDate',
        'Opportunity.CurrencyIsoCode',
        'Opportunity.Amount',
        'Opportunity.Direct_Cost__c',
        'Opportunity.Allocated_Overhead__c',
        'Opportunity.Customer_Red_Flags__c',
        'Opportunity.Account.Industry',
        'Opportunity.Account.AnnualRevenue',
        'Opportunity.Walk_Away_Recommendation__c',
        'Opportunity.Walk_Away_Scored_At__c',
        'Opportunity.Walk_Away_Decision__c',
        'Opportunity.Walk_Away_Reengage_Notes__c',
        'Opportunity.Walk_Away_Buyer_Returned__c',
      ]) {
        expect(names).toContain(name);
      }
      expect(getPanelContext.getLastConfig()).toEqual({ opportunityId: RECORD_ID });
      expect(getObjectInfo.getLastConfig()).toEqual({ objectApiName: { objectApiName: 'Opportunity' } });
    });
  });

  describe('errors', () => {
    it('shows a record error through the error panel', async () => {
      const element = createElement('c-walk-away-panel', { is: WalkAwayPanel });
      element.recordId = RECORD_ID;
      document.body.appendChild(element);
      getRecord.error();
      await flush();
      const panel = element.shadowRoot.querySelector('c-error-panel');
      expect(panel.friendlyMessage).toBe('Walk-Away could not check this deal');
      expect(panel.shadowRoot.textContent).toContain('The requested resource does not exist');
      expect($(element, 'verdict')).toBeNull();
    });

    it('shows an Apex error message, not [object Object]', async () => {
      const element = await mount({ context: null });
      getPanelContext.error(APEX_ERROR.body, APEX_ERROR.status);
      await flush();
      const panel = element.shadowRoot.querySelector('c-error-panel');
      expect(panel.shadowRoot.textContent).toContain('You do not have access to this opportunity');
      expect(panel.shadowRoot.textContent).not.toContain('[object Object]');
    });

    it('names the policy field an admin set up wrongly', async () => {
      const element = await mount({ context: CONTEXT_BAD_POLICY });
      const panel = element.shadowRoot.querySelector('c-error-panel');
      expect(panel.shadowRoot.textContent).toContain('A walk-away policy is set up wrongly');
      expect(panel.shadowRoot.textContent).toContain('Target_Margin_Pct__c');
      expect(updateRecord).not.toHaveBeenCalled();
    });
  });

  describe('accessibility', () => {
    it('is accessible with a verdict', async () => {
      const element = await mount();
      await expect(element).toBeAccessible();
    });

    it('is accessible with a walk-away decision form open', async () => {
      const element = await mount();
      await choose(element, 'decision', 'Walked Away - Door Open');
      await expect(element).toBeAccessible();
    });

    it('is accessible with an error', async () => {
      const element = createElement('c-walk-away-panel', { is: WalkAwayPanel });
      element.recordId = RECORD_ID;
      document.body.appendChild(element);
      getRecord.error();
      await flush();
      await expect(element).toBeAccessible();
    });
  });

  describe('writing the verdict', () => {
    it('writes the outputs that changed, with the time, only if the record is unchanged since it was read', async () => {
      await mount();
      expect(updateRecord).toHaveBeenCalledTimes(1);
      const [input, options] = updateRecord.mock.calls[0];
      expect(input.fields).toMatchObject({
        Id: RECORD_ID,
        Walk_Away_Recommendation__c: 'Approval Required',
        Walk_Away_Floor__c: 126000,
        Walk_Away_Threshold__c: 141750,
        Walk_Away_Findings__c: 'BELOW_THRESHOLD',
        Walk_Away_Approvals__c: 'VP',
        Walk_Away_BATNA__c: 'Strong',
        Walk_Away_Policy__c: 'Default',
      });
      expect(Date.parse(input.fields.Walk_Away_Scored_At__c)).not.toBeNaN();
      expect(options).toEqual({ ifUnmodifiedSince: LAST_MODIFIED });
    });

    it('does not write when the stored verdict is already right', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('does not write the same change twice when the record comes back unchanged (no write loop)', async () => {
      await mount();
      getRecord.emit({ ...OPPORTUNITY, lastModifiedDate: '2026-11-20T10:16:00.000Z' });
      await flush();
      getRecord.emit(OPPORTUNITY);
      await flush();
      expect(updateRecord).toHaveBeenCalledTimes(1);
    });

    it('writes nothing for a read-only user, who still sees the verdict and a short note', async () => {
      const element = await mount({ objectInfo: OBJECT_INFO_READ_ONLY });
      expect(updateRecord).not.toHaveBeenCalled();
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(text(element, 'read-only-note')).toBe(
        'You can see the verdict, but you cannot update the Walk-Away fields on this opportunity, so it is not saved.',
      );
      expect($(element, 'save-decision')).toBeNull();
      expect(text(element, 'decision-read-only')).toBe('You cannot change the decision on this opportunity.');
    });

    it('shows a conflict message when someone else changed the record, and reloads on request', async () => {
      updateRecord.mockRejectedValue(CONFLICT_ERROR);
      const element = await mount();
      expect(text(element, 'conflict')).toContain(
        'Someone else changed this opportunity while you had it open. Reload to see their changes, then try again.',
      );
      expect(element.shadowRoot.querySelector('c-error-panel')).toBeNull();
      $(element, 'reload').click();
      await flush();
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
      expect($(element, 'conflict')).toBeNull();
    });

    it('shows any other save error through the error panel', async () => {
      updateRecord.mockRejectedValue({
        status: 400,
        body: { message: 'x', output: { errors: [{ message: 'Validation rule says no' }], fieldErrors: {} } },
      });
      const element = await mount();
      const panel = element.shadowRoot.querySelector('c-error-panel');
      expect(panel.friendlyMessage).toBe('The change was not saved');
      expect(panel.shadowRoot.textContent).toContain('Validation rule says no');
    });
  });

  describe('counter-offer', () => {
    it('shows the verdict at the buyer’s price at once, without saving', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await typeCounterOffer(element, '120000');
      expect(text(element, 'counter-badge')).toBe('Walk Away');
      expect($(element, 'counter').querySelector('lightning-formatted-number').value).toBe(120000);
      expect(text(element, 'counter-result')).toContain(
        'The price of $120,000 is $6,000 under the floor of $126,000. No one can approve a price this low.',
      );
      expect($(element, 'talk-track').dataset.track).toBe('DOOR_OPEN');
      expect(text(element, 'talk-track')).toContain("At the buyer's price of $120,000");
      // the stored verdict stays what it is, and nothing is written
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(updateRecord).not.toHaveBeenCalled();

      await typeCounterOffer(element, '155000');
      expect(text(element, 'counter-badge')).toBe('Proceed');

      $(element, 'counter-clear').click();
      await flush();
      expect($(element, 'counter-badge')).toBeNull();
      expect($(element, 'talk-track').dataset.track).toBe('HOLD');
    });

    it('ignores text that is not a price', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await typeCounterOffer(element, 'abc');
      expect($(element, 'counter-badge')).toBeNull();
    });
  });

  describe('decision', () => {
    it('records a door-open walk-away with its exit reason and re-engagement conditions', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await choose(element, 'decision', 'Walked Away - Door Open');
      expect($(element, 'exit-reason').value).toBe('Economics');
      await choose(element, 'budget-min', '155000');
      await choose(element, 'budget-max', '165000');
      await choose(element, 'timeline', '2027-01-31');
      const stakeholders = $(element, 'stakeholders');
      stakeholders.checked = true;
      stakeholders.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
      await choose(element, 'notes', 'Come back with a signed budget.');
      $(element, 'save-decision').click();
      await flush();
      expect(updateRecord).toHaveBeenCalledTimes(1);
      const [input, options] = updateRecord.mock.calls[0];
      expect(input.fields).toMatchObject({
        Id: RECORD_ID,
        Walk_Away_Decision__c: 'Walked Away - Door Open',
        Walk_Away_Exit_Reason__c: 'Economics',
        Walk_Away_Reengage_Budget_Min__c: 155000,
        Walk_Away_Reengage_Budget_Max__c: 165000,
        Walk_Away_Reengage_Timeline__c: '2027-01-31',
        Walk_Away_Reengage_Stakeholders__c: true,
        Walk_Away_Reengage_Scope__c: false,
        Walk_Away_Reengage_Notes__c: 'Come back with a signed budget.',
        Walk_Away_Buyer_Returned__c: false,
      });
      expect(input.fields.Walk_Away_Decided_On__c).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(options).toEqual({ ifUnmodifiedSince: LAST_MODIFIED });
      expect(text(element, 'decision-status')).toBe('Decision saved.');
    });

    it('records that the buyer came back', async () => {
      const element = await mount({ record: { ...OPPORTUNITY_DOOR_OPEN } });
      updateRecord.mockClear();
      const returned = $(element, 'buyer-returned');
      returned.checked = true;
      returned.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
      await flush();
      expect($(element, 'buyer-returned-on').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      $(element, 'save-decision').click();
      await flush();
      const [input] = updateRecord.mock.calls[0];
      expect(input.fields.Walk_Away_Buyer_Returned__c).toBe(true);
      expect(input.fields.Walk_Away_Buyer_Returned_On__c).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('records an approved exception with the amount and a written justification, and insists on it', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await choose(element, 'decision', 'Exception Approved');
      $(element, 'save-decision').click();
      await flush();
      expect(updateRecord).not.toHaveBeenCalled();
      expect(text(element, 'decision-validation')).toBe('Write down why the exception is worth it.');
      expect($(element, 'approved-amount').value).toBe(140000);

      await choose(element, 'justification', 'Strategic logo in a new region; VP approved on the call.');
      $(element, 'save-decision').click();
      await flush();
      const [input] = updateRecord.mock.calls[0];
      expect(input.fields).toMatchObject({
        Walk_Away_Decision__c: 'Exception Approved',
        Walk_Away_Approved_Amount__c: 140000,
        Walk_Away_Justification__c: 'Strategic logo in a new region; VP approved on the call.',
        Walk_Away_Exit_Reason__c: null,
      });
    });

    it('shows a conflict instead of overwriting a decision someone else changed', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      updateRecord.mockRejectedValue(CONFLICT_ERROR);
      await choose(element, 'decision', 'Proceeding');
      $(element, 'save-decision').click();
      await flush();
      expect($(element, 'conflict')).not.toBeNull();
      expect(text(element, 'decision-status')).toBe('');
    });
  });
});
