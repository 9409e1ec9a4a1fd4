/**
 * Reduces one or more errors (UI API read and write errors, Apex errors, network errors, plain
 * JavaScript errors) to a list of messages a person can read. Never returns "[object Object]".
 * @param {*} errors one error or an array of them
 * @return {string[]} messages, empty strings removed
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((error) => error !== undefined && error !== null)
    .flatMap((error) => messagesOf(error))
    .map((message) => String(message).trim())
    .filter((message) => message !== '');
}

function messagesOf(error) {
  if (typeof error === 'string') return [error];
  const body = error.body;
  // UI API read errors: an array of { message }
  if (Array.isArray(body)) return body.map((e) => e && e.message);
  if (body && typeof body === 'object') {
    const messages = [];
    // UI API DML errors: page-level and field-level errors
    const output = body.output;
    if (output) {
      for (const e of output.errors || []) messages.push(e.message);
      for (const fieldErrors of Object.values(output.fieldErrors || {})) {
        for (const e of fieldErrors) messages.push(e.message);
      }
    }
    // Apex errors: page errors, field errors, duplicate results
    for (const e of body.pageErrors || []) messages.push(e.message);
    for (const fieldErrors of Object.values(body.fieldErrors || {})) {
      for (const e of fieldErrors) messages.push(e.message);
    }
    if (messages.length === 0 && typeof body.message === 'string') messages.push(body.message);
    if (messages.length) return messages;
  }
  if (typeof error.message === 'string') return [error.message];
  if (typeof error.statusText === 'string') return [error.statusText];
  return [];
}

/**
 * True when a write was refused because the record changed since it was read: the UI API answers
 * an `ifUnmodifiedSince` mismatch with HTTP 412 (errorCode PRECONDITION_FAILED or similar).
 */
export function isConflict(error) {
  if (!error) return false;
  if (error.status === 412) return true;
  const body = Array.isArray(error.body) ? error.body : [error.body];
  return body.some(
    (b) =>
      b &&
      typeof b === 'object' &&
      /PRECONDITION_FAILED|ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE/.test(String(b.errorCode || '')),
  );
}

/** True when the user may read the record but not edit it (sharing or a read-only record). */
export function isAccessDenied(error) {
  if (!error) return false;
  const bodies = Array.isArray(error.body) ? error.body : [error.body];
  const codes = [];
  for (const b of bodies) {
    if (!b || typeof b !== 'object') continue;
    if (b.errorCode) codes.push(b.errorCode);
    for (const e of (b.output && b.output.errors) || []) codes.push(e.errorCode);
  }
  return codes.some((c) => /^INSUFFICIENT_ACCESS/.test(String(c || '')));
}
