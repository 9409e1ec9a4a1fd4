// Stand-in for WalkAwayExceptionController (getException, requestException, decideException) in
// the preview: exceptions kept in sessionStorage (so a reload, or ?approver=1, sees them), the org's
// rules played small: no request below the floor or without a 20-character justification, one
// waiting request per deal, steps in approval order, nobody approves their own request, and an
// approval goes stale when the deal's Amount drops below the approved Amount (changeDeal, below).
import { exceptionRoute } from 'c/walkAwayEngine';
import { flatRecord } from './store';

const KEY = 'walkaway-preview-exceptions';
const params = new URLSearchParams(globalThis.location.search);
/** ?approver=1: the viewer sits in every approver queue and holds Walk_Away_Approver. */
const me = params.get('approver') === '1' ? 'Preview Approver' : 'Preview Rep';

const load = () => JSON.parse(globalThis.sessionStorage.getItem(KEY) || '{}');
const save = (all) => globalThis.sessionStorage.setItem(KEY, JSON.stringify(all));
const fail = (message) => Promise.reject({ status: 400, body: { message } });
// A round trip, as the org takes one: the panel's own verdict write lands before the answer is read.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 50));

function findingsOf(opportunityId) {
  const value = (flatRecord(opportunityId) || {}).Walk_Away_Findings__c;
  return value ? String(value).split(';').filter(Boolean).sort() : [];
}

function view(opportunityId) {
  const request = load()[opportunityId] || null;
  const latest = request && {
    ...request,
    steps: request.steps.map((s) => ({ approver: s.approver, approvedBy: s.approvedBy, approvedOn: s.approvedOn })),
    applies: request.status === 'Approved',
    canDecide: me === 'Preview Approver' && request.status === 'Requested' && request.requestedBy !== me,
  };
  return { findings: findingsOf(opportunityId), latest };
}

export function getException({ opportunityId }) {
  return later(view(opportunityId));
}

export function requestException({ opportunityId, justification }) {
  const route = exceptionRoute(findingsOf(opportunityId));
  if (route.refusedBy) return fail('No exception below the floor: no one can approve a price this low.');
  if (!route.allowed) return fail('None of the findings of this deal needs an approver: there is nothing to request.');
  if (!justification || justification.trim().length < 20)
    return fail('Write a justification of at least 20 characters for the approvers.');
  const all = load();
  if (all[opportunityId] && all[opportunityId].status === 'Requested')
    return fail('A request for this deal is already waiting for its approvers.');
  all[opportunityId] = {
    id: `a01PREVIEW${Object.keys(all).length + 1}`,
    opportunityId,
    name: `WAE-${String(Object.keys(all).length + 1).padStart(5, '0')}`,
    status: 'Requested',
    findings: [...route.covered],
    amount: Number((flatRecord(opportunityId) || {}).Amount) || null,
    justification: justification.trim(),
    requestedBy: me,
    requestedOn: new Date().toISOString(),
    staleReason: null,
    steps: route.approvers.map((approver) => ({ approver, approvedBy: null, approvedOn: null })),
  };
  save(all);
  return later(view(opportunityId));
}

export function decideException({ exceptionId, approve }) {
  const all = load();
  const request = Object.values(all).find((r) => r.id === exceptionId);
  if (!request || request.status !== 'Requested') return fail('No approval step of this request is waiting for you.');
  if (request.requestedBy === me) return fail('Nobody approves their own exception request.');
  const step = request.steps.find((s) => !s.approvedBy);
  if (!approve) request.status = 'Rejected';
  else {
    step.approvedBy = me;
    step.approvedOn = new Date().toISOString();
    if (request.steps.every((s) => s.approvedBy)) request.status = 'Approved';
  }
  save(all);
  return later(view(request.opportunityId));
}

/** What the org's trigger does when a deal changes: the browser test lowers the Amount with it. */
globalThis.__WALKAWAY_PREVIEW_EXCEPTIONS__ = {
  changeDeal(opportunityId, { Amount }) {
    const all = load();
    const request = all[opportunityId];
    if (request && request.status === 'Approved' && Amount < request.amount) {
      request.status = 'Stale';
      request.staleReason = `Amount ${Amount} is below the approved Amount ${request.amount}`;
      save(all);
    }
  },
  clear: () => globalThis.sessionStorage.removeItem(KEY),
};
