// A look at /limits before starting: warns (it does not stop) when the org is short of API
// requests, Bulk API 2.0 query jobs or bulk batches for the run about to start.
import type { Connection } from '@salesforce/core';
import { callJson } from './http.js';

type Limit = { Max: number; Remaining: number };
export type Shortage = {
  readonly limit: string;
  readonly remaining: number;
  readonly max: number;
  readonly needed: number;
};

export type Needs = { readonly apiRequests: number; readonly queryJobs: number; readonly batches: number };

export async function checkLimits(conn: Connection, needs: Needs): Promise<Shortage[]> {
  const limits = await callJson<Record<string, Limit | undefined>>(conn, { method: 'GET', path: 'limits' });
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
  return shortages;
}
