// The panel in Bahasa Indonesia: labels resolve to translations/in.translation-meta.xml here
// (setup/labels.js picks the language from this file's name).
import { createElement } from 'lwc';
import WalkAwayPanel from 'c/walkAwayPanel';
import { getRecord } from 'lightning/uiRecordApi';
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

const OPPORTUNITY_SCORED = require('./data/opportunityScored.json');
const CONTEXT = require('./data/panelContext.json');
const OBJECT_INFO = require('./data/objectInfo.json');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const text = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`).textContent.trim();

describe('c-walk-away-panel in Bahasa Indonesia', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the verdict, findings, approvals and talk track in Indonesian', async () => {
    const element = createElement('c-walk-away-panel', { is: WalkAwayPanel });
    element.recordId = '006Hs00000Wa001AAA';
    document.body.appendChild(element);
    getObjectInfo.emit(OBJECT_INFO);
    getRecord.emit(OPPORTUNITY_SCORED);
    getPanelContext.emit(CONTEXT);
    await flush();

    expect(text(element, 'verdict-badge')).toBe('Perlu Persetujuan');
    expect(text(element, 'verdict-summary')).toBe(
      'Anda baru boleh melanjutkan setelah persetujuan di bawah ini diberikan.',
    );
    expect(element.shadowRoot.querySelector('.finding-text').textContent).toBe(
      'Harga $140,000 berada $1,750 di bawah ambang batas $141,750. Harga ini perlu disetujui VP, disertai justifikasi tertulis.',
    );
    expect(element.shadowRoot.querySelector('.approval-name').textContent).toBe('VP Penjualan');
    expect(text(element, 'talk-track')).toContain('Apa yang perlu disampaikan: Pertahankan harga');
    expect(text(element, 'batna-strength')).toBe('Kuat');
    expect(element.shadowRoot.querySelector('[data-id="counter-input"]').label).toBe('Harga yang diminta pembeli');
    await expect(element).toBeAccessible();
  });
});
