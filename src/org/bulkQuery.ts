// Bulk API 2.0 query: create the job, poll it, read every results page through the Sforce-Locator
// header. Rows come back as CSV strings keyed by the SOQL field paths (Account.Industry).
import type { Connection } from '@salesforce/core';
import { parse } from 'csv-parse/sync';
import { OrgError } from './errors.js';
import { call, callJson, withRetries } from './http.js';
import { pollJob, type PollOptions } from './poll.js';

export type CsvRow = Record<string, string>;

export type BulkQueryResult = {
  readonly jobId: string;
  readonly rows: CsvRow[];
  readonly pages: number;
  /** When the org created the job (its clock), as the job info says; null when it does not. */
  readonly createdDate: string | null;
};

type JobInfo = {
  id: string;
  state: string;
  createdDate?: string;
  numberRecordsProcessed?: number;
  errorMessage?: string;
};

/** Rows per results page asked for (Salesforce may send fewer). */
export const RESULTS_PAGE_SIZE = 50_000;

/** Best effort: a job that cannot be aborted (already finished, or the org unreachable) ends by itself. */
async function abortQuery(conn: Connection, jobId: string): Promise<void> {
  try {
    await callJson(conn, {
      method: 'PATCH',
      path: `jobs/query/${jobId}`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ state: 'Aborted' }),
    });
  } catch {
    // the job expires in the org; the error that stopped the run is the one reported
  }
}

export async function bulkQuery(
  conn: Connection,
  soql: string,
  options: PollOptions & { readonly pageSize?: number },
): Promise<BulkQueryResult> {
  const job = await withRetries(3, () =>
    callJson<JobInfo>(conn, {
      method: 'POST',
      path: 'jobs/query',
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({
        operation: 'query',
        query: soql,
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF',
      }),
    }),
  );
  let done;
  try {
    done = await pollJob(conn, `jobs/query/${job.id}`, options);
  } catch (error) {
    await abortQuery(conn, job.id);
    throw error;
  }
  if (done === null) {
    // Nothing will read its results: stop it rather than leave it using the org's query allowance.
    await abortQuery(conn, job.id);
    throw new OrgError('queryTimeout', [job.id]);
  }
  if (done.state !== 'JobComplete') throw new OrgError('queryJobEnded', [job.id, done.state, done.errorMessage ?? '']);

  const rows: CsvRow[] = [];
  const pageSize = options.pageSize ?? RESULTS_PAGE_SIZE;
  const expected = done.numberRecordsProcessed ?? 0;
  const maxPages = expected + 2; // a page holds at least one row: a hard bound on the loop
  let locator: string | null = null;
  let pages = 0;
  for (; pages < maxPages;) {
    const query: string = `maxRecords=${pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
    const reply = await call(conn, {
      method: 'GET',
      path: `jobs/query/${job.id}/results?${query}`,
      accept: 'text/csv',
    });
    pages += 1;
    const page = parse(reply.text, {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: false,
    }) as CsvRow[];
    rows.push(...page);
    const next = reply.headers['sforce-locator'];
    if (!next || next === 'null') break;
    locator = next;
  }
  if (expected && rows.length !== expected) throw new OrgError('queryIncomplete', [job.id, rows.length, expected]);
  return { jobId: job.id, rows, pages, createdDate: job.createdDate ?? null };
}
