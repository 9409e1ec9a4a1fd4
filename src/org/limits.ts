// A look at /limits before starting: warns (it does not stop) when the org is short of API
// requests, Bulk API 2.0 query jobs or bulk batches for the run about to start. /limits needs
// "View Setup and Configuration", which the integration permission set does not grant: a refusal
// (403) is a warning too, and the run goes on without the check.
import type { Connection } from '@salesforce/core';
import { ApiError } from './errors.js';
import { callJson } from './http.js';

type Limit = { Max: number; Remaining: number };
export type Shortage = {
  readonly limit: string;
  readonly remaining: number;
  readonly max: number;
  readonly needed: number;
};

export type Needs = { readonly apiRequests: number; readonly queryJobs: number; readonly batches: number };

export type LimitCheck = {
  readonly shortages: Shortage[];
  /** Why the limits could not be read (the org's error code and message), or null. */
  readonly unreadable: string | null;
};

export async function checkLimits(conn: Connection, needs: Needs): Promise<LimitCheck> {
  let limits: Record<string, Limit | undefined>;
  try {
    limits = await callJson<Record<string, Limit | undefined>>(conn, { method: 'GET', path: 'limits' });
  } catch (error) {
    const refused = error instanceof ApiError && error.status === 403 && error.errorCode !== 'REQUEST_LIMIT_EXCEEDED';
    if (!refused) throw error;
    return { shortages: [], unreadable: `${error.errorCode}: ${error.message}` };
  }
  const shortages: Shortage[] = [];
  const check = (name: string, needed: number): void => {
    const l = limits[name];
    if (!l) return;
    // Short: not enough for this run, or under 5% of the daily allowance left.
    if (l.Remaining < needed || l.Remaining < l.Max * 0.05) {
      shortages.push({ limit: name, remaining: l.Remaining, max: l.Max, needed });
    }
  };
  check('DailyApiRequests', needs.apiRequests);
  check('DailyBulkV2QueryJobs', needs.queryJobs);
  check('DailyBulkApiBatches', needs.batches);
  return { shortages, unreadable: null };
}
