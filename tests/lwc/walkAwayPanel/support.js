// Mounting the panel with its wires, and reading what a rep sees. Shared by the panel's tests.
import { createElement } from 'lwc';
import WalkAwayPanel from 'c/walkAwayPanel';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import getPanelContext from '@salesforce/apex/WalkAwayController.getPanelContext';

export const RECORD_ID = '006Hs00000Wa001AAA';
export const LAST_MODIFIED = '2026-11-20T10:15:00.000Z';
export const OPPORTUNITY = require('./data/opportunity.json');
export const OPPORTUNITY_SCORED = require('./data/opportunityScored.json');
export const CONTEXT = require('./data/panelContext.json');
export const OBJECT_INFO = require('./data/objectInfo.json');
export const PICKLIST_DECISION = require('./data/picklistDecision.json');
export const PICKLIST_EXIT_REASON = require('./data/picklistExitReason.json');

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The base record with some field values replaced: { Amount: 120000, 'Account.Industry': 'Retail' }. */
export function withFields(record, values) {
  const copy = JSON.parse(JSON.stringify(record));
  for (const [name, value] of Object.entries(values)) {
    const path = name.split('.');
    let fields = copy.fields;
    for (const part of path.slice(0, -1)) fields = fields[part].value.fields;
    fields[path[path.length - 1]] = { value, displayValue: null };
  }
  return copy;
}

/** The context (policies and pipeline) with pipeline figures or policy fields replaced. */
export function withContext({ pipeline, policy } = {}) {
  const copy = JSON.parse(JSON.stringify(CONTEXT));
  if (pipeline === null) copy.pipeline = null;
  else if (pipeline) Object.assign(copy.pipeline, pipeline);
  if (policy) Object.assign(copy.policies[0], policy);
  return copy;
}

export function emitPicklists() {
  const field = (name) => (config) => config.fieldApiName && config.fieldApiName.fieldApiName === name;
  getPicklistValues.emit(PICKLIST_DECISION, field('Walk_Away_Decision__c'));
  getPicklistValues.emit(PICKLIST_EXIT_REASON, field('Walk_Away_Exit_Reason__c'));
}

export async function mount({ record = OPPORTUNITY, context = CONTEXT, objectInfo = OBJECT_INFO } = {}) {
  const element = createElement('c-walk-away-panel', { is: WalkAwayPanel });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  if (objectInfo) getObjectInfo.emit(objectInfo);
  if (record) getRecord.emit(record);
  if (context) getPanelContext.emit(context);
  await flush();
  emitPicklists();
  await flush();
  return element;
}

export function unmountAll() {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

const squash = (s) => String(s).replace(/\s+/g, ' ').trim();

/** Elements by data-id, looking into the decision form's shadow root as well. */
export function find(element, id) {
  const own = element.shadowRoot.querySelector(`[data-id="${id}"]`);
  if (own) return own;
  const form = element.shadowRoot.querySelector('c-walk-away-decision');
  return form ? form.shadowRoot.querySelector(`[data-id="${id}"]`) : null;
}

export const text = (element, id) => (find(element, id) ? squash(find(element, id).textContent) : null);

export const texts = (element, selector) =>
  Array.from(element.shadowRoot.querySelectorAll(selector)).map((n) => squash(n.textContent));

/** The findings as a rep reads them: "<weight> <title>: <sentence>". */
export const findings = (element) =>
  Array.from(element.shadowRoot.querySelectorAll('[data-id="findings"] li')).map((li) => {
    const [weight, title] = Array.from(li.querySelectorAll('p:first-child span')).map((s) => squash(s.textContent));
    return `${weight} · ${title}: ${squash(li.querySelector('.finding-text').textContent)}`;
  });

export const talkLines = (element) => texts(element, '[data-id="talk-track"] .talk-line');

/** The label of a lightning-formatted-number figure, with its value: "Floor 126000". */
export const figures = (element) =>
  Array.from(element.shadowRoot.querySelectorAll('[data-id="figures"] .figure')).map((f) => {
    const number = f.querySelector('lightning-formatted-number');
    return `${squash(f.querySelector('dt').textContent)}${number ? ` ${number.value}` : ''}`;
  });

export async function change(target, value, detail = { value }) {
  target.value = value;
  target.dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

export async function typePrice(element, value) {
  await change(find(element, 'counter-input'), value);
}

/**
 * Every sentence a rep can read on the panel, in order: paragraphs, list items, figure labels and
 * the headings of the collapsed sections (the decision form's text included).
 */
export function sentences(element) {
  const root = element.shadowRoot;
  const out = [];
  for (const node of root.querySelectorAll('p, li, dt, h3, lightning-accordion-section')) {
    if (node.tagName === 'LIGHTNING-ACCORDION-SECTION') out.push(`[${node.label}]`);
    else if (node.tagName === 'LI' && node.querySelector('p')) continue;
    else out.push(squash(node.textContent));
  }
  const form = root.querySelector('c-walk-away-decision');
  if (form) for (const p of form.shadowRoot.querySelectorAll('p')) out.push(squash(p.textContent));
  return out.filter((s) => s !== '');
}
