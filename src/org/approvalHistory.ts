// Who rejected an exception: the approval history (ProcessInstanceStep), since the exception record
// keeps only who approved each step (the approval process stamps VP_Approver__c and the like on
// approval, nothing on rejection). Read for the exceptions asked about only, by Id, in chunks; a
// running user who cannot read the history gets no rejecters and the reason, as with the exceptions.
import type { Connection } from '@salesforce/core';
import { ApiError } from './errors.js';
import { HIDDEN } from './exceptionRecords.js';
import { fieldList, flatten, queryAll, quote, textOf } from './soql.js';

/** ProcessInstanceStep fields read (standard, without field-level security; visible to who sees the target). */
export const HISTORY_FIELDS = ['ProcessInstance.TargetObjectId', 'ActorId', 'Actor.Name', 'CreatedDate'] as const;

export type Rejection = {
  readonly exceptionId: string;
  readonly userId: string;
  readonly userName: string;
  readonly rejectedOn: string | null;
};

export type RejectionRead =
  | { readonly ok: true; readonly rejections: ReadonlyMap<string, Rejection> }
  | { readonly ok: false; readonly reason: string };

/** Ids per query: 200 quoted 18-character Ids keep the query string far below the URI limit. */
const CHUNK = 200;
/** Record Ids as the org returns them (quoted anyway: a value of another shape is not asked about). */
const ID = /^[A-Za-z0-9]{15,18}$/;

/** The last rejecting step of each exception, by exception Id; or why the history could not be read. */
export async function readRejections(conn: Connection, exceptionIds: readonly string[]): Promise<RejectionRead> {
  const ids = [...new Set(exceptionIds)].filter((id) => ID.test(id));
  const rejections = new Map<string, Rejection>();
  try {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const list = ids
        .slice(i, i + CHUNK)
        .map((id) => quote(id))
        .join(', ');
      const soql = `SELECT ${fieldList(HISTORY_FIELDS)} FROM ProcessInstanceStep WHERE StepStatus = ${quote('Rejected')} AND ProcessInstance.TargetObjectId IN (${list}) ORDER BY CreatedDate`;
      for (const raw of await queryAll(conn, soql)) {
        const r = flatten(raw);
        const exceptionId = textOf(r['ProcessInstance.TargetObjectId']);
        const userId = textOf(r.ActorId);
        if (exceptionId === null || userId === null) continue;
        const rejectedOn = textOf(r.CreatedDate);
        const before = rejections.get(exceptionId);
        if (before && (before.rejectedOn ?? '') > (rejectedOn ?? '')) continue;
        rejections.set(exceptionId, { exceptionId, userId, userName: textOf(r['Actor.Name']) ?? userId, rejectedOn });
      }
    }
    return { ok: true, rejections };
  } catch (error) {
    if (error instanceof ApiError && HIDDEN.has(error.errorCode)) {
      return { ok: false, reason: `${error.errorCode}: ${error.message}` };
    }
    throw error;
  }
}
