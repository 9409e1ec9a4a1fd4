// No lost update: a rep who edits a deal between the CLI's read and its write must not have the
// edit overwritten by a verdict computed from the old values. Bulk API 2.0 has no conditional
// update, so just before the ingest job is created one REST query lists the opportunities whose
// SystemModstamp moved since the query job started (server time, so the client's clock plays no
// part); a row to write whose stamp differs from the one read is left alone and rescored next run.
// What remains: an edit after this check and before the ingest job processes the row (seconds to
// minutes) is overwritten, and `walkaway audit` or the next run finds it (docs/cli-org.md).
import type { Connection } from '@salesforce/core';
import { MODSTAMP } from './fields.js';
import { fieldList, queryAll } from './soql.js';

/** Stamps are compared as instants: Bulk CSV writes `...000Z`, REST JSON `...000+0000`. */
export function instant(stamp: string | null | undefined): number {
  if (!stamp) return NaN;
  return Date.parse(stamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** A SOQL datetime literal (unquoted, UTC, whole seconds); anything that is not a time is refused. */
export function dateTimeLiteral(at: number): string {
  if (!Number.isFinite(at)) throw new Error(`not a time: ${at}`);
  return new Date(Math.floor(at / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A minute before the read started: the check then also sees edits the query job just missed. */
export const SLACK_MS = 60_000;

/**
 * The Ids among `read` (Id -> SystemModstamp as read) whose record changed since: edited,
 * deleted rows are not listed (the write reports them as ENTITY_IS_DELETED).
 */
export async function changedSinceRead(
  conn: Connection,
  readStartedAt: number,
  read: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const since = dateTimeLiteral(readStartedAt - SLACK_MS);
  const rows = await queryAll<{ Id: string; SystemModstamp: string }>(
    conn,
    `SELECT ${fieldList(['Id', MODSTAMP])} FROM Opportunity WHERE ${MODSTAMP} >= ${since}`,
  );
  const changed = new Set<string>();
  for (const r of rows) {
    const before = read.get(r.Id);
    if (before !== undefined && instant(before) !== instant(r.SystemModstamp)) changed.add(r.Id);
  }
  return changed;
}
