// Bulk API 2.0 update of Opportunity rows. The CSV is built here (jsforce would take the columns of
// the first record only): the header is the union of every row's columns, a blank cell leaves a
// field as it is and `#N/A` clears it. Uploads are split so that no job carries more than 100 MB of
// raw CSV. Results are matched to rows by sf__Id (or the echoed Id), never by position; every row
// ends up written, failed (with the org's sf__Error) or not processed (with the reason).
// UNABLE_TO_LOCK_ROW rows are retried a bounded number of times, sorted by account so that rows of
// one account travel together. REQUEST_LIMIT_EXCEEDED is never retried.
import type { Connection } from '@salesforce/core';
import { parse } from 'csv-parse/sync';
import { ApiError } from './errors.js';
import { call, callJson, defaultBackoff, isTransient, retryDelayMs, withRetries } from './http.js';
import { pollJob, type JobState, type PollOptions } from './poll.js';

export type CellValue = string | number | boolean | null;

export type UploadRow = {
  readonly Id: string;
  /** Used to group lock retries; not uploaded. */
  readonly accountId?: string | null;
  readonly values: Readonly<Record<string, CellValue>>;
};

export type FailedRow = {
  readonly id: string;
  readonly error: string;
  readonly values: Readonly<Record<string, string>>;
};
export type NotProcessedRow = { readonly id: string; readonly reason: string };

export type IngestReport = {
  jobs: string[];
  written: string[];
  failed: FailedRow[];
  notProcessed: NotProcessedRow[];
  /** A job still running in the org when the client-side wait ran out. */
  pending: { jobId: string; rows: number } | null;
  lockRetryRounds: number;
};

export type IngestOptions = PollOptions & {
  readonly maxJobBytes?: number;
  readonly lockRetries?: number;
  readonly onProgress?: (report: Readonly<IngestReport>) => void;
};

/** Bulk API 2.0 accepts 150 MB of base64 per job; 100 MB of raw CSV stays clear of it. */
export const MAX_JOB_BYTES = 100 * 1024 * 1024;
export const LOCK_RETRIES = 3;
const JOB_ATTEMPTS = 3;

function cell(value: CellValue | undefined): string {
  if (value === undefined) return '';
  if (value === null) return '#N/A';
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : String(value)) : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header: Id, then every other column in the order rows first use it. */
export function columnsOf(rows: readonly UploadRow[]): string[] {
  const columns = new Set<string>(['Id']);
  for (const row of rows) for (const key of Object.keys(row.values)) if (key !== 'Id') columns.add(key);
  return [...columns];
}

export function csvLine(columns: readonly string[], row: UploadRow): string {
  return columns.map((c) => cell(c === 'Id' ? row.Id : row.values[c])).join(',');
}

/** Splits rows into CSV documents of at most `maxBytes` each (a single longer row gets its own). */
export function toCsvChunks(
  rows: readonly UploadRow[],
  maxBytes = MAX_JOB_BYTES,
): Array<{ csv: string; ids: string[] }> {
  const columns = columnsOf(rows);
  const header = columns.map((c) => cell(c)).join(',') + '\n';
  const chunks: Array<{ csv: string; ids: string[] }> = [];
  let lines: string[] = [];
  let ids: string[] = [];
  let bytes = Buffer.byteLength(header);
  for (const row of rows) {
    const line = csvLine(columns, row) + '\n';
    const size = Buffer.byteLength(line);
    if (ids.length && bytes + size > maxBytes) {
      chunks.push({ csv: header + lines.join(''), ids });
      lines = [];
      ids = [];
      bytes = Buffer.byteLength(header);
    }
    lines.push(line);
    ids.push(row.Id);
    bytes += size;
  }
  if (ids.length) chunks.push({ csv: header + lines.join(''), ids });
  return chunks;
}

type ResultRow = Record<string, string>;
const parseCsv = (text: string): ResultRow[] =>
  text.trim() === '' ? [] : (parse(text, { columns: true, skip_empty_lines: true, bom: true }) as ResultRow[]);

const isLockError = (error: string): boolean => error.startsWith('UNABLE_TO_LOCK_ROW');

/** A report of no work yet: no job, no row. */
export const emptyIngestReport = (): IngestReport => ({
  jobs: [],
  written: [],
  failed: [],
  notProcessed: [],
  pending: null,
  lockRetryRounds: 0,
});

export class BulkUpdate {
  public readonly report: IngestReport = emptyIngestReport();
  private readonly conn: Connection;
  private readonly options: IngestOptions;

  public constructor(conn: Connection, options: IngestOptions) {
    this.conn = conn;
    this.options = options;
  }

  /** Uploads every row; returns when each is accounted for or a job outlives the wait. */
  public async run(rows: readonly UploadRow[]): Promise<IngestReport> {
    const byId = new Map(rows.map((r) => [r.Id, r]));
    let todo: UploadRow[] = [...rows];
    const retries = this.options.lockRetries ?? LOCK_RETRIES;
    let locked: FailedRow[] = [];
    try {
      for (let round = 0; round <= retries && todo.length; round++) {
        if (round > 0) {
          this.report.lockRetryRounds = round;
          todo.sort((a, b) => (a.accountId ?? '').localeCompare(b.accountId ?? '') || a.Id.localeCompare(b.Id));
        }
        locked = [];
        for (const chunk of toCsvChunks(todo, this.options.maxJobBytes ?? MAX_JOB_BYTES)) {
          locked.push(...(await this.runJob(chunk.csv, chunk.ids, round === retries)));
          if (this.report.pending) break;
        }
        if (this.report.pending) break;
        todo = locked.map((f) => byId.get(f.id)).filter((r): r is UploadRow => r !== undefined);
        locked = [];
      }
    } catch (error) {
      this.report.failed.push(...locked);
      this.accountForRest(rows, `not sent (${error instanceof ApiError ? error.errorCode : 'error'})`);
      throw error;
    }
    this.report.failed.push(...locked);
    this.accountForRest(rows, 'not sent: an earlier job is still running');
    return this.report;
  }

  /** Every row not yet written, failed or reported gets `reason` (or the running job's). */
  private accountForRest(rows: readonly UploadRow[], reason: string): void {
    const done = new Set([
      ...this.report.written,
      ...this.report.failed.map((f) => f.id),
      ...this.report.notProcessed.map((n) => n.id),
    ]);
    const running = this.running;
    for (const row of rows) {
      if (done.has(row.Id)) continue;
      const inRunningJob = running !== null && running.ids.has(row.Id);
      this.report.notProcessed.push({
        id: row.Id,
        reason: inRunningJob ? `still in job ${running.jobId}, which the org may still be processing` : reason,
      });
    }
    if (running !== null && this.report.pending === null)
      this.report.pending = { jobId: running.jobId, rows: running.ids.size };
  }

  private running: { jobId: string; ids: Set<string> } | null = null;

  /** Creates, fills, closes and waits for one job; returns the rows to retry for a lock. */
  private async runJob(csv: string, ids: readonly string[], lastRound: boolean): Promise<FailedRow[]> {
    let jobId = '';
    for (let attempt = 1; ; attempt++) {
      jobId = await this.openJob();
      try {
        await call(this.conn, {
          method: 'PUT',
          path: `jobs/ingest/${jobId}/batches`,
          contentType: 'text/csv',
          body: csv,
          retry: false,
        });
        break;
      } catch (error) {
        // A broken upload may have landed in part: drop that job and start a clean one.
        await this.abort(jobId);
        if (!isTransient(error) || attempt >= JOB_ATTEMPTS) {
          for (const id of ids) this.report.notProcessed.push({ id, reason: `upload failed (job ${jobId} aborted)` });
          if (!isTransient(error)) throw error;
          return [];
        }
        const backoff = defaultBackoff();
        await backoff.sleep(retryDelayMs(attempt, backoff));
      }
    }
    this.running = { jobId, ids: new Set(ids) };
    await this.close(jobId);
    const done = await pollJob(this.conn, `jobs/ingest/${jobId}`, this.options);
    if (done === null) {
      this.report.pending = { jobId, rows: ids.length };
      return [];
    }
    const locked = await this.collect(done, ids, lastRound);
    this.running = null;
    return locked;
  }

  private async openJob(): Promise<string> {
    const info = await withRetries(JOB_ATTEMPTS, () =>
      callJson<JobState>(this.conn, {
        method: 'POST',
        path: 'jobs/ingest',
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          object: 'Opportunity',
          operation: 'update',
          contentType: 'CSV',
          columnDelimiter: 'COMMA',
          lineEnding: 'LF',
        }),
      }),
    );
    this.report.jobs.push(info.id);
    return info.id;
  }

  private async close(jobId: string): Promise<void> {
    try {
      await withRetries(JOB_ATTEMPTS, () =>
        callJson(this.conn, {
          method: 'PATCH',
          path: `jobs/ingest/${jobId}`,
          contentType: 'application/json; charset=utf-8',
          body: JSON.stringify({ state: 'UploadComplete' }),
        }),
      );
    } catch (error) {
      // A PATCH whose answer was lost may have been applied: the job then is no longer Open.
      if (!(error instanceof ApiError) || !/INVALIDJOBSTATE|HTTP_409/.test(error.errorCode)) throw error;
      const info = await callJson<JobState>(this.conn, { method: 'GET', path: `jobs/ingest/${jobId}` });
      if (info.state === 'Open') throw error;
    }
  }

  private async abort(jobId: string): Promise<void> {
    try {
      await callJson(this.conn, {
        method: 'PATCH',
        path: `jobs/ingest/${jobId}`,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ state: 'Aborted' }),
      });
    } catch {
      // best effort: an Open job with no data expires in the org by itself
    }
  }

  /**
   * Reads the three result files of a finished job and accounts for each uploaded row (`ids`; null
   * when resuming a job of an earlier run: then every row the files list).
   */
  public async collect(done: JobState, ids: readonly string[] | null, lastRound = true): Promise<FailedRow[]> {
    const path = `jobs/ingest/${done.id}`;
    const get = async (file: string): Promise<ResultRow[]> =>
      parseCsv((await call(this.conn, { method: 'GET', path: `${path}/${file}`, accept: 'text/csv' })).text);
    const success = await get('successfulResults');
    const failed = await get('failedResults');
    const unprocessed = await get('unprocessedrecords');

    const idOf = (r: ResultRow): string => r.sf__Id || r.Id || '';
    const expected = new Set(ids ?? [...success, ...failed, ...unprocessed].map(idOf).filter((id) => id !== ''));
    const seen = new Set<string>();
    const locked: FailedRow[] = [];
    for (const r of success) {
      const id = idOf(r);
      if (!expected.has(id) || seen.has(id)) continue;
      seen.add(id);
      this.report.written.push(id);
    }
    for (const r of failed) {
      const id = idOf(r);
      if (!expected.has(id) || seen.has(id)) continue;
      seen.add(id);
      const error = r.sf__Error ?? '';
      const values = Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('sf__')));
      const row: FailedRow = { id, error, values };
      if (isLockError(error) && !lastRound) locked.push(row);
      else this.report.failed.push(row);
    }
    const why =
      done.state === 'JobComplete'
        ? 'not processed by the org'
        : `job ${done.id} ${done.state}${done.errorMessage ? `: ${done.errorMessage}` : ''}`;
    for (const r of unprocessed) {
      const id = r.Id ?? '';
      if (!expected.has(id) || seen.has(id)) continue;
      seen.add(id);
      this.report.notProcessed.push({ id, reason: why });
    }
    for (const id of expected) {
      if (!seen.has(id))
        this.report.notProcessed.push({ id, reason: `missing from the results of job ${done.id} (${why})` });
    }
    this.options.onProgress?.(this.report);
    return locked;
  }
}

/** Resumes a job left running by an earlier run: waits for it and accounts for its rows. */
export async function resumeJob(conn: Connection, jobId: string, options: IngestOptions): Promise<IngestReport> {
  const update = new BulkUpdate(conn, options);
  update.report.jobs.push(jobId);
  const done = await pollJob(conn, `jobs/ingest/${jobId}`, options);
  if (done === null) {
    update.report.pending = { jobId, rows: 0 };
    return update.report;
  }
  // The uploaded Ids are whatever the three result files list: each file is read once.
  await update.collect(done, null, true);
  return update.report;
}
