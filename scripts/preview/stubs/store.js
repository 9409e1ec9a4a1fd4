// The preview's stand-in for the org: records and panel context from the page's data island,
// edits kept in memory for the page's life, LDS-style change notifications to live wires.
const data = globalThis.__WALKAWAY_PREVIEW__ || { records: [], policies: [] };
const byId = new Map(data.records.map((r) => [r.flat.Id, { flat: { ...r.flat }, pipeline: r.pipeline }]));
const listeners = new Map();

const START = '2026-11-20T10:15:00.000Z';
for (const entry of byId.values()) {
  if (!entry.flat.LastModifiedDate) entry.flat.LastModifiedDate = START;
}

/** Read-only view of the store for the browser test: the record as the panel left it. */
globalThis.__WALKAWAY_PREVIEW_STORE__ = { record: (recordId) => ({ ...(byId.get(recordId) || {}).flat }) };

export function listen(recordId, callback) {
  if (!listeners.has(recordId)) listeners.set(recordId, new Set());
  listeners.get(recordId).add(callback);
  return () => listeners.get(recordId).delete(callback);
}

function notify(recordId) {
  for (const callback of listeners.get(recordId) || []) callback();
}

export function flatRecord(recordId) {
  const entry = byId.get(recordId);
  return entry ? entry.flat : null;
}

export function panelContext(recordId) {
  const entry = byId.get(recordId);
  return entry ? { policies: data.policies, pipeline: entry.pipeline } : null;
}

export function update(recordId, fields, ifUnmodifiedSince) {
  const entry = byId.get(recordId);
  if (!entry)
    return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
  if (ifUnmodifiedSince && Date.parse(entry.flat.LastModifiedDate) > Date.parse(ifUnmodifiedSince)) {
    return {
      status: 412,
      body: [{ errorCode: 'PRECONDITION_FAILED', message: 'The record was changed after you read it.' }],
    };
  }
  Object.assign(entry.flat, fields);
  const now = Math.max(Date.now(), Date.parse(entry.flat.LastModifiedDate) + 1000);
  entry.flat.LastModifiedDate = new Date(now).toISOString();
  globalThis.__WALKAWAY_WRITES__ = (globalThis.__WALKAWAY_WRITES__ || 0) + 1;
  Promise.resolve().then(() => notify(recordId));
  return null;
}

/** Someone else edits the record (the preview's "simulate a conflicting edit" button). */
export function touch(recordId) {
  const entry = byId.get(recordId);
  if (!entry) return;
  entry.flat.LastModifiedDate = new Date(Date.now() + 60000).toISOString();
}

export function refresh(recordId) {
  notify(recordId);
}
