// The decision form: every decision path, the org's picklist values and labels, "Exception approved"
// only with an approved exception, fields marked and focused when something stops the save, focus
// on the recorded decision after Save.
import { createElement } from 'lwc';
import WalkAwayDecision from 'c/walkAwayDecision';
import { updateRecord } from 'lightning/uiRecordApi';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';

const PICKLIST_DECISION = require('../walkAwayPanel/data/picklistDecision.json');
const PICKLIST_EXIT_REASON = require('../walkAwayPanel/data/picklistExitReason.json');
const CONFLICT_ERROR = require('../walkAwayPanel/data/conflictError.json');

const RECORD_ID = '006Hs00000Wa001AAA';
const LAST_MODIFIED = '2026-11-20T10:15:00.000Z';
const RECORD = { Id: RECORD_ID, LastModifiedDate: LAST_MODIFIED, Walk_Away_Decision__c: null };

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const squash = (s) => String(s).replace(/\s+/g, ' ').trim();
const byField = (name) => (config) => Boolean(config.fieldApiName) && config.fieldApiName.fieldApiName === name;

async function mount({ record = RECORD, canEdit = true, decision = PICKLIST_DECISION } = {}) {
  const element = createElement('c-walk-away-decision', { is: WalkAwayDecision });
  Object.assign(element, {
    recordId: RECORD_ID,
    recordTypeId: '012000000000000AAA',
    record,
    canEdit,
    suggestedExitReason: 'Economics',
    currencyCode: 'USD',
  });
  document.body.appendChild(element);
  await flush();
  getPicklistValues.emit(decision, byField('Walk_Away_Decision__c'));
  getPicklistValues.emit(PICKLIST_EXIT_REASON, byField('Walk_Away_Exit_Reason__c'));
  await flush();
  return element;
}

async function choose(element, id, value) {
  const input = $(element, id);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function tick(element, id) {
  const box = $(element, id);
  box.checked = true;
  box.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
  await flush();
}

async function save(element) {
  $(element, 'save-decision').click();
  await flush();
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('c-walk-away-decision', () => {
  beforeEach(() => {
    updateRecord.mockReset();
    updateRecord.mockResolvedValue({});
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('offers the org’s decisions with the org’s labels, without "Exception Approved" when none is approved', async () => {
    const translated = JSON.parse(JSON.stringify(PICKLIST_DECISION));
    translated.values[0].label = 'Mundur, pintu tetap terbuka';
    const element = await mount({ decision: translated });
    expect($(element, 'decision').options).toEqual([
      { label: 'Mundur, pintu tetap terbuka', value: 'Walked Away - Door Open' },
      { label: 'Walked Away - Door Closed', value: 'Walked Away - Door Closed' },
      { label: 'Proceeding', value: 'Proceeding' },
    ]);
    expect(squash($(element, 'exception-note').textContent)).toBe(
      'Exception approved is recorded by itself when approvers approve an exception request.',
    );
    expect(squash($(element, 'recorded-decision').textContent)).toBe('No decision recorded yet.');
    await expect(element).toBeAccessible();
  });

  it('offers "Exception Approved" while an approved exception exists', async () => {
    const element = await mount({ record: { ...RECORD, Walk_Away_Approved_Exception__c: 'a0X000000000001AAA' } });
    expect($(element, 'decision').options.map((o) => o.value)).toContain('Exception Approved');
    expect($(element, 'exception-note')).toBeNull();
  });

  it('records a door-closed walk-away with the exit reason the findings point to, then focuses what was recorded', async () => {
    const element = await mount();
    await choose(element, 'decision', 'Walked Away - Door Closed');
    expect($(element, 'exit-reason').value).toBe('Economics');
    expect($(element, 'exit-reason').options.map((o) => o.value)).toEqual([
      'Economics',
      'Unacceptable Risk',
      'Strategic Misfit',
      'Relationship Red Flags',
      'Opportunity Cost',
    ]);
    expect($(element, 'reengage')).toBeNull();
    const focus = jest.spyOn($(element, 'recorded-decision'), 'focus');
    await save(element);
    const [input, options] = updateRecord.mock.calls[0];
    expect(input.fields).toEqual({
      Id: RECORD_ID,
      Walk_Away_Decision__c: 'Walked Away - Door Closed',
      Walk_Away_Decided_On__c: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      Walk_Away_Exit_Reason__c: 'Economics',
      Walk_Away_Lessons_Learned__c: null,
      Walk_Away_Buyer_Returned__c: false,
      Walk_Away_Buyer_Returned_On__c: null,
    });
    expect(options).toEqual({ ifUnmodifiedSince: LAST_MODIFIED });
    expect(squash($(element, 'decision-status').textContent)).toBe('Decision saved.');
    expect(focus).toHaveBeenCalled();
  });

  it('records a door-open walk-away with its re-engagement conditions', async () => {
    const element = await mount();
    await choose(element, 'decision', 'Walked Away - Door Open');
    await choose(element, 'exit-reason', 'Opportunity Cost');
    await choose(element, 'budget-min', '155000');
    await choose(element, 'budget-max', '165000');
    await choose(element, 'timeline', '2027-01-31');
    await tick(element, 'stakeholders');
    await choose(element, 'notes', 'Come back with a signed budget.');
    await save(element);
    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Walk_Away_Decision__c: 'Walked Away - Door Open',
      Walk_Away_Exit_Reason__c: 'Opportunity Cost',
      Walk_Away_Reengage_Budget_Min__c: 155000,
      Walk_Away_Reengage_Budget_Max__c: 165000,
      Walk_Away_Reengage_Timeline__c: '2027-01-31',
      Walk_Away_Reengage_Stakeholders__c: true,
      Walk_Away_Reengage_Scope__c: false,
      Walk_Away_Reengage_Notes__c: 'Come back with a signed budget.',
    });
  });

  it('learns from the walk-away: the lessons field, labelled and explained, saved with the decision', async () => {
    const element = await mount();
    expect($(element, 'lessons')).toBeNull();
    await choose(element, 'decision', 'Walked Away - Door Closed');
    const lessons = $(element, 'lessons');
    expect(lessons.label).toBe('Lessons learned: what would you do differently next time?');
    expect(lessons.fieldLevelHelp).toBe(
      'Learn from the walk-away: what you would ask earlier, qualify sooner or state plainly from the start. Sales leaders read it in the walked-away report.',
    );
    await choose(element, 'lessons', '  Ask about liability caps in discovery.  ');
    await save(element);
    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Walk_Away_Decision__c: 'Walked Away - Door Closed',
      Walk_Away_Lessons_Learned__c: 'Ask about liability caps in discovery.',
    });
  });

  it('shows the lessons already recorded, and does not touch them when proceeding', async () => {
    const element = await mount({
      record: {
        ...RECORD,
        Walk_Away_Decision__c: 'Walked Away - Door Open',
        Walk_Away_Exit_Reason__c: 'Economics',
        Walk_Away_Lessons_Learned__c: 'Qualify the budget before the demo.',
      },
    });
    expect($(element, 'lessons').value).toBe('Qualify the budget before the demo.');
    await choose(element, 'decision', 'Proceeding');
    expect($(element, 'lessons')).toBeNull();
    await save(element);
    expect(updateRecord.mock.calls[0][0].fields).not.toHaveProperty('Walk_Away_Lessons_Learned__c');
  });

  it('records proceeding, clearing any exit reason', async () => {
    const element = await mount({
      record: { ...RECORD, Walk_Away_Decision__c: 'Walked Away - Door Closed', Walk_Away_Exit_Reason__c: 'Economics' },
    });
    await choose(element, 'decision', 'Proceeding');
    await save(element);
    expect(updateRecord.mock.calls[0][0].fields).toMatchObject({
      Walk_Away_Decision__c: 'Proceeding',
      Walk_Away_Exit_Reason__c: null,
    });
    expect(updateRecord.mock.calls[0][0].fields).not.toHaveProperty('Walk_Away_Approved_Amount__c');
  });

  it('records that the buyer came back, dated today unless changed', async () => {
    const element = await mount({
      record: { ...RECORD, Walk_Away_Decision__c: 'Walked Away - Door Open', Walk_Away_Exit_Reason__c: 'Economics' },
    });
    await tick(element, 'buyer-returned');
    expect($(element, 'buyer-returned-on').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await save(element);
    expect(updateRecord.mock.calls[0][0].fields.Walk_Away_Buyer_Returned__c).toBe(true);
    expect(updateRecord.mock.calls[0][0].fields.Walk_Away_Buyer_Returned_On__c).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('marks and focuses a missing exit reason instead of saving', async () => {
    const element = await mount();
    const form = element;
    form.suggestedExitReason = '';
    await flush();
    await choose(element, 'decision', 'Walked Away - Door Closed');
    const reason = $(element, 'exit-reason');
    const setCustomValidity = jest.spyOn(reason, 'setCustomValidity');
    const focus = jest.spyOn(reason, 'focus');
    await save(element);
    expect(updateRecord).not.toHaveBeenCalled();
    expect(setCustomValidity).toHaveBeenCalledWith('Choose the main reason for walking away.');
    expect(focus).toHaveBeenCalled();
  });

  it('does not drop a date the browser cannot read: the field stays marked and focused', async () => {
    const element = await mount();
    await choose(element, 'decision', 'Walked Away - Door Open');
    const timeline = $(element, 'timeline');
    timeline.reportValidity = jest.fn(() => false);
    const focus = jest.spyOn(timeline, 'focus');
    await save(element);
    expect(updateRecord).not.toHaveBeenCalled();
    expect(timeline.reportValidity).toHaveBeenCalled();
    expect(focus).toHaveBeenCalled();
  });

  it('marks a budget range upside down on the lowest budget', async () => {
    const element = await mount();
    await choose(element, 'decision', 'Walked Away - Door Open');
    await choose(element, 'budget-min', '170000');
    await choose(element, 'budget-max', '160000');
    const min = $(element, 'budget-min');
    const setCustomValidity = jest.spyOn(min, 'setCustomValidity');
    await save(element);
    expect(updateRecord).not.toHaveBeenCalled();
    expect(setCustomValidity).toHaveBeenCalledWith('The lowest budget cannot be above the highest.');
  });

  it('asks for a justification with an approved exception, and never writes the approved amount', async () => {
    const element = await mount({
      record: {
        ...RECORD,
        Walk_Away_Approved_Exception__c: 'a0X000000000001AAA',
        Walk_Away_Approved_Amount__c: 138000,
      },
    });
    await choose(element, 'decision', 'Exception Approved');
    expect($(element, 'approved-amount').value).toBe(138000);
    await save(element);
    expect(updateRecord).not.toHaveBeenCalled();
    await choose(element, 'justification', 'Strategic logo in a new region.');
    await save(element);
    const fields = updateRecord.mock.calls[0][0].fields;
    expect(fields).toMatchObject({
      Walk_Away_Decision__c: 'Exception Approved',
      Walk_Away_Justification__c: 'Strategic logo in a new region.',
      Walk_Away_Exit_Reason__c: null,
    });
    expect(fields).not.toHaveProperty('Walk_Away_Approved_Amount__c');
  });

  it('tells the panel about a conflict instead of overwriting', async () => {
    updateRecord.mockRejectedValue(CONFLICT_ERROR);
    const element = await mount();
    const onConflict = jest.fn();
    element.addEventListener('conflict', onConflict);
    await choose(element, 'decision', 'Proceeding');
    await save(element);
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(squash($(element, 'decision-status').textContent)).toBe('');
  });

  it('shows the decision recorded, with the org’s label, to a user who may not change it', async () => {
    const element = await mount({
      canEdit: false,
      record: { ...RECORD, Walk_Away_Decision__c: 'Walked Away - Door Open', Walk_Away_Decided_On__c: '2026-11-02' },
    });
    expect(squash($(element, 'recorded-decision').textContent)).toBe(
      'Recorded: Walked Away - Door Open on Nov 2, 2026',
    );
    expect($(element, 'save-decision')).toBeNull();
    expect(squash($(element, 'decision-read-only').textContent)).toBe(
      'You cannot change the decision on this opportunity.',
    );
  });
});
