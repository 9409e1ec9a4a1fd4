// The panel as a rep sees it, its wires, and when it writes. Sentences for every verdict state are in
// states.test.js, the decision form in ../walkAwayDecision, the price reader in price.test.js.
import { createElement } from 'lwc';
import WalkAwayPanel from 'c/walkAwayPanel';
import { getRecord, updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import getPanelContext from '@salesforce/apex/WalkAwayController.getPanelContext';
import {
  RECORD_ID,
  LAST_MODIFIED,
  OPPORTUNITY,
  OPPORTUNITY_SCORED,
  CONTEXT,
  flush,
  mount,
  unmountAll,
  find,
  text,
  texts,
  findings,
  talkLines,
  figures,
  typePrice,
  withFields,
  withContext,
} from './support';

const OPPORTUNITY_WALK_AWAY = require('./data/opportunityWalkAway.json');
const CONTEXT_BAD_POLICY = require('./data/panelContextBadPolicy.json');
const OBJECT_INFO = require('./data/objectInfo.json');
const OBJECT_INFO_READ_ONLY = require('./data/objectInfoReadOnly.json');
const APEX_ERROR = require('./data/apexError.json');
const CONFLICT_ERROR = require('./data/conflictError.json');

describe('c-walk-away-panel', () => {
  beforeEach(() => {
    updateRecord.mockReset();
    updateRecord.mockResolvedValue({});
    notifyRecordUpdateAvailable.mockClear();
  });

  afterEach(unmountAll);

  describe('data', () => {
    it('is a lightning-card with an icon, the verdict first as an SLDS badge with its summary and policy', async () => {
      const element = await mount();
      const card = element.shadowRoot.querySelector('lightning-card');
      expect(card.title).toBe('Walk-Away Check');
      expect(card.iconName).toBe('standard:opportunity');
      const verdict = find(element, 'verdict');
      expect(element.shadowRoot.querySelector('section')).toBe(verdict);
      expect(verdict.getAttribute('aria-live')).toBe('polite');
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(find(element, 'verdict-badge').className).toContain('slds-badge slds-theme_warning');
      expect(text(element, 'verdict-summary')).toBe('You may go ahead only once the approvals below are given.');
      expect(text(element, 'policy')).toBe('Policy applied: Default');
    });

    it('draws the price against the floor and threshold, with the gap the finding carries, in the record currency', async () => {
      const element = await mount();
      expect(figures(element)).toEqual([
        'Price (Amount) 140000',
        'Floor 126000',
        'Threshold 141750',
        'Below the threshold by 1750',
        'Total cost 105000',
      ]);
      const gap = find(element, 'gap').querySelector('lightning-formatted-number');
      expect(gap.currencyCode).toBe('USD');
      expect(gap.maximumFractionDigits).toBe(0);
      expect(find(element, 'gauge').getAttribute('aria-label')).toBe(
        'Price gauge: price $140,000, floor $126,000, threshold $141,750.',
      );
    });

    it('labels each finding by its weight in words and says who must approve it', async () => {
      const element = await mount();
      expect(findings(element)).toEqual([
        'Needs approval · Below the threshold: The price of $140,000 is $1,750 under the threshold of $141,750. A VP must approve it, with a written justification.',
      ]);
      expect(texts(element, '[data-id="approvals"] li')).toEqual(['VP of Sales for: Below the threshold']);
    });

    it('keeps talk track, BATNA and decision in collapsed sections whose headings say what is inside', async () => {
      const element = await mount();
      const accordion = element.shadowRoot.querySelector('lightning-accordion');
      expect(accordion.allowMultipleSectionsOpen).toBe(true);
      expect(accordion.activeSectionName).toEqual([]);
      const sections = Array.from(element.shadowRoot.querySelectorAll('lightning-accordion-section'));
      expect(sections.map((s) => s.label)).toEqual([
        'What to say: Hold your ground',
        'Your alternatives (BATNA): Strong',
        'Record the decision',
      ]);
      expect(find(element, 'talk-section').contains(find(element, 'talk-track'))).toBe(true);
      expect(sections[2].querySelector('c-walk-away-decision')).not.toBeNull();
      expect(talkLines(element)).toContain(
        'Make the limit the organisation\'s, not yours: "$141,750 is the lowest our company accepts for a deal like this. Going below it is not my decision; it needs approval from VP of Sales."',
      );
    });

    it('walks away with an exception route when only a non-negotiable term blocks the deal', async () => {
      const element = await mount({ record: withFields(OPPORTUNITY_WALK_AWAY, { Amount: 150000 }) });
      expect(text(element, 'verdict-badge')).toBe('Walk Away');
      expect(findings(element)).toEqual([
        'Blocks the deal · Unlimited liability: The buyer wants unlimited liability. This term is not negotiable.',
      ]);
      expect(texts(element, '[data-id="approvals"] li')).toEqual([
        'Legal for: Unlimited liability',
        'C-level executive for: Unlimited liability',
      ]);
      expect(find(element, 'no-route')).toBeNull();
      expect(find(element, 'talk-track').dataset.track).toBe('ESCALATE');
      expect(talkLines(element)[0]).toBe(
        'You are at the edge of your authority: bring in Legal and C-level executive before you answer.',
      );
    });
  });

  describe('wire configuration', () => {
    it('asks getRecord for every field as an optional field, Apex for this opportunity, and the picklists', async () => {
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
        'Opportunity.Walk_Away_Deal_Size__c',
        'Opportunity.Direct_Cost__c',
        'Opportunity.Customer_Red_Flags__c',
        'Opportunity.Account.Industry',
        'Opportunity.Walk_Away_Recommendation__c',
        'Opportunity.Walk_Away_Decision__c',
        'Opportunity.Walk_Away_Approved_Exception__c',
      ]) {
        expect(names).toContain(name);
      }
      expect(getPanelContext.getLastConfig()).toEqual({ opportunityId: RECORD_ID });
      expect(getObjectInfo.getLastConfig()).toEqual({ objectApiName: { objectApiName: 'Opportunity' } });
      expect(getPicklistValues.getLastConfig().recordTypeId).toBe('012000000000000AAA');
      expect(['Walk_Away_Decision__c', 'Walk_Away_Exit_Reason__c']).toContain(
        getPicklistValues.getLastConfig().fieldApiName.fieldApiName,
      );
    });

    it('reads the engine fields the engine reads (one list, checked)', async () => {
      const { INPUT_FIELDS } = require('c/walkAwayEngine');
      await mount();
      const names = getRecord
        .getLastConfig()
        .optionalFields.map((f) => (typeof f === 'string' ? f : `Opportunity.${f.fieldApiName}`));
      const missing = INPUT_FIELDS.filter((f) => f !== 'Id' && !names.includes(`Opportunity.${f}`));
      expect(missing).toEqual([]);
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
      expect(find(element, 'verdict')).toBeNull();
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

    it('renders record text holding HTML as text, never as markup', async () => {
      const element = await mount({
        record: withFields(OPPORTUNITY, { 'Account.Industry': '<img src=x onerror="alert(1)"><b>Bold</b>' }),
        context: withContext({ policy: { Focus_Industries__c: 'Healthcare' } }),
      });
      expect(findings(element).join('\n')).toContain('<img src=x onerror="alert(1)"><b>Bold</b> is not one of');
      expect(element.shadowRoot.querySelector('img')).toBeNull();
      expect(element.shadowRoot.querySelector('b')).toBeNull();
    });
  });

  describe('accessibility', () => {
    it('is accessible with a verdict', async () => {
      const element = await mount();
      await expect(element).toBeAccessible();
    });

    it('is accessible with the buyer’s price and an unreadable entry', async () => {
      const element = await mount();
      await typePrice(element, '120000');
      await expect(element).toBeAccessible();
      await typePrice(element, 'abc');
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
    it('writes a stale verdict once, with the time and the deal size, only if the record is unchanged since read', async () => {
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
        Walk_Away_Deal_Size__c: 140000,
      });
      expect(Date.parse(input.fields.Walk_Away_Scored_At__c)).not.toBeNaN();
      expect(options).toEqual({ ifUnmodifiedSince: LAST_MODIFIED });
    });

    it('does not write on view when the stored verdict is already right', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('leaves a recorded deal size alone, and does not set it for a user who may not edit it', async () => {
      await mount({ record: withFields(OPPORTUNITY, { Walk_Away_Deal_Size__c: 150000 }) });
      expect(updateRecord.mock.calls[0][0].fields).not.toHaveProperty('Walk_Away_Deal_Size__c');
      unmountAll();
      updateRecord.mockClear();
      const info = JSON.parse(JSON.stringify(OBJECT_INFO));
      info.fields.Walk_Away_Deal_Size__c.updateable = false;
      await mount({ objectInfo: info });
      expect(updateRecord).toHaveBeenCalledTimes(1);
      expect(updateRecord.mock.calls[0][0].fields).not.toHaveProperty('Walk_Away_Deal_Size__c');
    });

    it('does not store a verdict computed from pipeline figures the org could not total', async () => {
      const element = await mount({
        context: withContext({ pipeline: { complete: false, moreThan: 40000, alternativesAmount: null } }),
      });
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('writes at most once per page load, even when the record comes back changed', async () => {
      await mount();
      getRecord.emit(withFields(OPPORTUNITY, { Amount: 120000 }));
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
      expect(find(element, 'save-decision')).toBeNull();
      expect(text(element, 'decision-read-only')).toBe('You cannot change the decision on this opportunity.');
    });

    it('shows a conflict message when someone else changed the record, and reloads on request', async () => {
      updateRecord.mockRejectedValue(CONFLICT_ERROR);
      const element = await mount();
      expect(text(element, 'conflict')).toContain(
        'Someone else changed this opportunity while you had it open. Reload to see their changes, then try again.',
      );
      expect(element.shadowRoot.querySelector('c-error-panel')).toBeNull();
      find(element, 'reload').click();
      await flush();
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
      expect(find(element, 'conflict')).toBeNull();
    });

    it('shows any other save error through the error panel', async () => {
      updateRecord.mockRejectedValue({ status: 400, body: { message: 'Walk_Away_Floor__c: value too large' } });
      const element = await mount();
      const panel = element.shadowRoot.querySelector('c-error-panel');
      expect(panel.friendlyMessage).toBe('The change was not saved');
      expect(panel.shadowRoot.textContent).toContain('value too large');
    });
  });

  describe("the buyer's price", () => {
    it('judges the price at once, under the same policy, and saves nothing', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await typePrice(element, '120000');
      expect(text(element, 'counter-badge')).toBe('Walk Away');
      expect(text(element, 'counter-price')).toBe(
        'The price of $120,000 is $6,000 under the floor of $126,000. No one can approve a price this low.',
      );
      expect(figures(element)).toContain("Buyer's price 120000");
      expect(text(element, 'talk-track')).toContain("At the buyer's price of $120,000");
      await typePrice(element, '160000');
      expect(text(element, 'counter-badge')).toBe('Proceed');
      expect(text(element, 'counter-price')).toBe('$160,000 is at or above the threshold of $141,750.');
      expect(text(element, 'verdict-badge')).toBe('Approval Required');
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('reads E-notation and rounds to cents', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await typePrice(element, '1e6');
      expect(text(element, 'counter-badge')).toBe('Proceed');
      expect(figures(element)).toContain("Buyer's price 1000000");
      await typePrice(element, '140000.555');
      expect(figures(element)).toContain("Buyer's price 140000.56");
      expect(text(element, 'counter-badge')).toBe('Approval Required');
    });

    it('says what else the price changes, and why', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await typePrice(element, '300000');
      expect(text(element, 'counter-badge')).toBe('Proceed');
      expect(texts(element, '[data-id="counter-changes"] li')).toEqual([
        'For information: Your alternatives are weak, so the pressure to give in is high. Stick to the limits you set before negotiating.',
        "Your alternatives would be Weak instead of Strong, because the deal's share of your quota changes.",
      ]);
    });

    it('marks an entry it cannot read with an inline message, and judges nothing', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      const input = find(element, 'counter-input');
      const setCustomValidity = jest.spyOn(input, 'setCustomValidity');
      const reportValidity = jest.spyOn(input, 'reportValidity');
      await typePrice(element, '12abc');
      expect(setCustomValidity).toHaveBeenLastCalledWith('Enter the price as a number, for example 140,000.50.');
      expect(reportValidity).toHaveBeenCalled();
      expect(find(element, 'counter-badge')).toBeNull();
      await typePrice(element, '-5');
      expect(setCustomValidity).toHaveBeenLastCalledWith('The price cannot be negative.');
      await typePrice(element, '120000');
      expect(setCustomValidity).toHaveBeenLastCalledWith('');
      expect(text(element, 'counter-badge')).toBe('Walk Away');
    });

    it('clears the price and puts focus back in the field', async () => {
      const element = await mount({ record: OPPORTUNITY_SCORED });
      await typePrice(element, '120000');
      const input = find(element, 'counter-input');
      const focus = jest.spyOn(input, 'focus');
      find(element, 'counter-clear').click();
      await flush();
      expect(find(element, 'counter-badge')).toBeNull();
      expect(input.value).toBe('');
      expect(focus).toHaveBeenCalled();
      expect(find(element, 'counter-clear').disabled).toBe(true);
    });
  });

  it('computes the verdict once per record, policies and price, however often the template reads it', async () => {
    const engine = require('c/walkAwayEngine');
    const spy = jest.spyOn(engine, 'scoreOpportunity');
    await mount({ record: OPPORTUNITY_SCORED, context: CONTEXT });
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    spy.mockRestore();
  });
});
