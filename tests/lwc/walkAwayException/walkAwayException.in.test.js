// The exception component in Bahasa Indonesia (labels from translations/in.translation-meta.xml).
import { createElement } from 'lwc';
import WalkAwayException from 'c/walkAwayException';
import getException from '@salesforce/apex/WalkAwayExceptionController.getException';

jest.mock('@salesforce/apex/WalkAwayExceptionController.getException', () => ({ default: jest.fn() }), {
  virtual: true,
});

const APPROVED = require('./data/approved.json');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const text = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`)?.textContent.trim() ?? null;

async function mount(result) {
  getException.mockResolvedValue(result);
  const element = createElement('c-walk-away-exception', { is: WalkAwayException });
  element.recordId = '006Hs00000Wa001AAA';
  document.body.appendChild(element);
  await flush();
  return element;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

it('offers the request and explains the floor in Bahasa Indonesia', async () => {
  const open = await mount({ findings: ['BELOW_THRESHOLD'], latest: null });
  expect(open.shadowRoot.querySelector('[data-id="request-exception"]').label).toBe('Ajukan pengecualian');
  document.body.removeChild(open);
  const belowFloor = await mount({ findings: ['BELOW_FLOOR'], latest: null });
  expect(text(belowFloor, 'no-exception')).toBe(
    'Di bawah harga dasar tidak ada pengecualian: tidak ada yang dapat menyetujui harga serendah ini.',
  );
});

it('shows an approved exception in Bahasa Indonesia', async () => {
  const element = await mount(APPROVED);
  expect(text(element, 'status')).toBe('Disetujui');
  expect(text(element, 'applies')).toMatch(/^Pengecualian yang disetujui berlaku: /);
});
