import { createElement } from 'lwc';
import WalkAwayException from 'c/walkAwayException';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getException from '@salesforce/apex/WalkAwayExceptionController.getException';
import requestException from '@salesforce/apex/WalkAwayExceptionController.requestException';
import decideException from '@salesforce/apex/WalkAwayExceptionController.decideException';

jest.mock('@salesforce/apex/WalkAwayExceptionController.getException', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/WalkAwayExceptionController.requestException', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/WalkAwayExceptionController.decideException', () => ({ default: jest.fn() }), {
  virtual: true,
});

const REQUESTED = require('./data/requested.json');
const APPROVED = require('./data/approved.json');
const STALE = require('./data/stale.json');
const APEX_ERROR = require('./data/apexError.json');
const RECORD_ID = '006Hs00000Wa001AAA';
const JUSTIFICATION = 'Strategic logo in a new vertical; references promised for two more deals.';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const text = (element, id) => ($(element, id) ? $(element, id).textContent.replace(/\s+/g, ' ').trim() : null);
const steps = (element) =>
  Array.from(element.shadowRoot.querySelectorAll('[data-id="steps"] li')).map((li) => li.textContent.trim());

async function mount(result) {
  getException.mockResolvedValue(result);
  const element = createElement('c-walk-away-exception', { is: WalkAwayException });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  await flush();
  return element;
}

async function type(element, id, value) {
  const input = $(element, id);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function click(element, id) {
  $(element, id).click();
  await flush();
  await flush();
}

describe('c-walk-away-exception', () => {
  beforeEach(() => {
    getException.mockReset();
    requestException.mockReset();
    decideException.mockReset();
    notifyRecordUpdateAvailable.mockClear();
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  describe('a rep requests', () => {
    it('offers "Request exception" when the findings allow one and nothing is on file', async () => {
      const element = await mount({ findings: ['BELOW_THRESHOLD'], latest: null });
      expect(getException).toHaveBeenCalledWith({ opportunityId: RECORD_ID });
      expect($(element, 'request-exception').label).toBe('Request exception');
      expect($(element, 'no-exception')).toBeNull();
      expect($(element, 'request')).toBeNull();
    });

    it('sends the trimmed justification, then shows the request waiting for the VP', async () => {
      requestException.mockResolvedValue(REQUESTED);
      const element = await mount({ findings: ['BELOW_THRESHOLD'], latest: null });
      await click(element, 'request-exception');
      await type(element, 'justification', `  ${JUSTIFICATION}  `);
      await click(element, 'submit');

      expect(requestException).toHaveBeenCalledWith({ opportunityId: RECORD_ID, justification: JUSTIFICATION });
      expect(text(element, 'status')).toBe('Waiting for approval');
      expect(text(element, 'requested')).toBe('Requested by Rita Rep on Nov 24, 2026');
      expect(steps(element)).toEqual(['VP of Sales: waiting for approval']);
      expect(text(element, 'sent')).toBe('Sent to the approvers.');
      expect($(element, 'request-exception')).toBeNull();
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
    });

    it('asks for a written justification before sending anything', async () => {
      const element = await mount({ findings: ['BELOW_THRESHOLD'], latest: null });
      await click(element, 'request-exception');
      await type(element, 'justification', 'rep says ok');
      await click(element, 'submit');
      expect(requestException).not.toHaveBeenCalled();
      expect(text(element, 'justification-error')).toBe(
        'Write at least 20 characters for the approvers: why is this deal worth an exception?',
      );
    });

    it('shows the org refusing a request in the error panel, never [object Object]', async () => {
      requestException.mockRejectedValue(APEX_ERROR);
      const element = await mount({ findings: ['BELOW_THRESHOLD'], latest: null });
      await click(element, 'request-exception');
      await type(element, 'justification', JUSTIFICATION);
      await click(element, 'submit');
      const panel = element.shadowRoot.querySelector('c-error-panel');
      expect(panel).not.toBeNull();
      expect(panel.errors).toEqual(APEX_ERROR);
      expect(panel.friendlyMessage).toBe('The exception request could not be completed');
    });

    it('below the floor: no request button, and says why', async () => {
      const element = await mount({ findings: ['BELOW_FLOOR', 'UNLIMITED_LIABILITY'], latest: null });
      expect($(element, 'request-exception')).toBeNull();
      expect(text(element, 'no-exception')).toBe(
        'Below the floor there is no exception: no one can approve a price this low.',
      );
    });

    it('nothing to approve (a Proceed deal): neither button nor note', async () => {
      const element = await mount({ findings: ['WEAK_BATNA'], latest: null });
      expect($(element, 'request-exception')).toBeNull();
      expect($(element, 'no-exception')).toBeNull();
    });

    it('no second request while one waits', async () => {
      const element = await mount(REQUESTED);
      expect($(element, 'request-exception')).toBeNull();
      expect(text(element, 'status')).toBe('Waiting for approval');
    });
  });

  describe('what the approvers decided', () => {
    it('names each approver with the date, and says the approved exception applies', async () => {
      const element = await mount(APPROVED);
      expect(text(element, 'status')).toBe('Approved');
      expect(steps(element)).toEqual([
        'Legal: approved by Lena Legal on Nov 25, 2026',
        'C-level executive: approved by Carl Chief on Nov 25, 2026',
      ]);
      expect(text(element, 'applies')).toBe(
        'An approved exception applies: Legal, C-level executive approved it for $150,000.00.',
      );
      expect($(element, 'request-exception')).toBeNull();
    });

    it('a stale exception says why it no longer holds and offers a new request', async () => {
      const element = await mount(STALE);
      expect(text(element, 'status')).toBe('No longer holds');
      expect(text(element, 'stale')).toBe(
        'The approved exception no longer holds (Amount 135000 is below the approved Amount 140000). Request a new one if the deal still needs it.',
      );
      expect($(element, 'applies')).toBeNull();
      expect($(element, 'request-exception').label).toBe('Request exception');
    });
  });

  describe('an approver decides', () => {
    const waitingForMe = { ...REQUESTED, latest: { ...REQUESTED.latest, canDecide: true } };

    it('shows approve and reject only when a step waits for the user', async () => {
      const mine = await mount(waitingForMe);
      expect($(mine, 'approve').label).toBe('Approve');
      expect($(mine, 'reject').label).toBe('Reject');
      document.body.removeChild(mine);
      const notMine = await mount(REQUESTED);
      expect($(notMine, 'approve')).toBeNull();
    });

    it('approves with a comment and shows the approval', async () => {
      decideException.mockResolvedValue({
        findings: ['BELOW_THRESHOLD'],
        latest: {
          ...REQUESTED.latest,
          status: 'Approved',
          applies: true,
          steps: [{ approver: 'VP', approvedBy: 'Vera Vp', approvedOn: '2026-11-24T15:00:00.000Z' }],
        },
      });
      const element = await mount(waitingForMe);
      await type(element, 'comment', 'Approved for the logo');
      await click(element, 'approve');
      expect(decideException).toHaveBeenCalledWith({
        exceptionId: REQUESTED.latest.id,
        approve: true,
        comment: 'Approved for the logo',
      });
      expect(steps(element)).toEqual(['VP of Sales: approved by Vera Vp on Nov 24, 2026']);
      expect(text(element, 'applies')).toBe('An approved exception applies: VP of Sales approved it for $140,000.00.');
      expect($(element, 'approve')).toBeNull();
      expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
    });

    it('rejects', async () => {
      decideException.mockResolvedValue({ findings: [], latest: { ...REQUESTED.latest, status: 'Rejected' } });
      const element = await mount(waitingForMe);
      await click(element, 'reject');
      expect(decideException).toHaveBeenCalledWith({ exceptionId: REQUESTED.latest.id, approve: false, comment: '' });
      expect(text(element, 'status')).toBe('Rejected');
    });
  });

  describe('accessibility', () => {
    it('is accessible with a request and the approver buttons', async () => {
      const element = await mount({ ...REQUESTED, latest: { ...REQUESTED.latest, canDecide: true } });
      await expect(element).toBeAccessible();
    });

    it('is accessible while drafting a request', async () => {
      const element = await mount({ findings: ['BELOW_THRESHOLD'], latest: null });
      await click(element, 'request-exception');
      await expect(element).toBeAccessible();
    });
  });
});
