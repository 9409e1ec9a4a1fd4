// `walkaway score --target-org`: read the org (snapshot.ts), score every open opportunity, write
// back through Bulk API 2.0 only the rows whose output fields changed, plus the time of scoring.
// Every changed row ends written, failed (with the org's error) or not processed (with the
// reason); failed and not-processed rows go to a CSV file.
import type { Connection } from '@salesforce/core';
import { OUTPUT_FIELDS, type Verdict } from '../engine/index.js';
import { CsvFileWriter, escapeFormula } from '../io/resultWriter.js';
import {
  BulkUpdate,
  emptyIngestReport,
  resumeJob,
  type CellValue,
  type IngestReport,
  type UploadRow,
} from './bulkIngest.js';
import { ApiError, OrgError } from './errors.js';
import { changedSinceRead } from './changedSinceRead.js';
import { MODSTAMP, SCORED_AT } from './fields.js';
import type { Shortage } from './limits.js';
import { callJson } from './http.js';
import type { PollOptions } from './poll.js';
import { scoreSnapshot, type Unscorable } from './scoring.js';
import { readSnapshot } from './snapshot.js';

export const MAX_LISTED = 1000;

export type Change = { id: string; name: string; from: Verdict | null; to: Verdict; fields: string[] };
export type WriteFailure = { id: string; status: 'Failed' | 'Not processed' | 'Changed during run'; error: string };

/** Why a row changed since the read was not written. */
export const CHANGED_DURING_RUN = 'changed during the run, rescored next run';

export type OrgScoreResult = {
  targetOrg: string;
  dryRun: boolean;
  scoredAt: string;
  quarter: { start: string; end: string; source: string } | null;
  policies: string[];
  /** Open opportunities read; deals = unscorable + unchanged + changed. */
  deals: number;
  unscorable: number;
  unchanged: number;
  /** Rows whose outputs changed; changed = written + failed + notProcessed (0 written on a dry run). */
  changed: number;
  written: number;
  failed: number;
  notProcessed: number;
  /** Rows edited in the org after the read (SystemModstamp moved): left alone, rescored next run. */
  changedDuringRun: number;
  queryJobId: string | null;
  ingestJobIds: string[];
  /** A job the org was still processing when --wait ran out. */
  pendingJobId: string | null;
  resumeCommand: string | null;
  failuresFile: string | null;
  lockRetryRounds: number;
  changes: Change[];
  failures: WriteFailure[];
  unscorableRows: Unscorable[];
  limitWarnings: Shortage[];
  /** /limits could not be read (the user lacks View Setup): the org's answer; null when read. */
  limitsUnreadable: string | null;
};

export type Progress = { phase: 'reading' | 'scoring' | 'writing'; processed: number; written: number; failed: number };

export type OrgScoreOptions = {
  readonly targetOrg: string;
  readonly dryRun: boolean;
  readonly now: Date;
  readonly today: string;
  readonly poll: PollOptions;
  readonly failuresFile: string;
  readonly pageSize?: number;
  readonly maxJobBytes?: number;
  readonly lockRetries?: number;
  readonly onProgress?: (p: Progress) => void;
};

const cellOf = (v: unknown): CellValue => (v === undefined ? null : (v as CellValue));

export function resumeCommandFor(targetOrg: string, jobId: string): string {
  return `walkaway score --target-org ${targetOrg} --resume-job ${jobId}`;
}

function emptyResult(options: Pick<OrgScoreOptions, 'targetOrg' | 'dryRun' | 'now'>): OrgScoreResult {
  return {
    targetOrg: options.targetOrg,
    dryRun: options.dryRun,
    scoredAt: options.now.toISOString(),
    quarter: null,
    policies: [],
    deals: 0,
    unscorable: 0,
    unchanged: 0,
    changed: 0,
    written: 0,
    failed: 0,
    notProcessed: 0,
    changedDuringRun: 0,
    queryJobId: null,
    ingestJobIds: [],
    pendingJobId: null,
    resumeCommand: null,
    failuresFile: null,
    lockRetryRounds: 0,
    changes: [],
    failures: [],
    unscorableRows: [],
    limitWarnings: [],
    limitsUnreadable: null,
  };
}

/** Writes failed and not-processed rows (with their error or reason) to the failures file. */
async function writeFailures(
  path: string,
  report: IngestReport,
  uploads: ReadonlyMap<string, UploadRow>,
  changedDuringRun: readonly string[] = [],
): Promise<string | null> {
  if (!report.failed.length && !report.notProcessed.length && !changedDuringRun.length) return null;
  const valueColumns = [...new Set([...uploads.values()].flatMap((r) => Object.keys(r.values)))];
  const out = await CsvFileWriter.open(path, ['Id', 'Status', 'sf__Error', ...valueColumns]);
  const values = (id: string): string[] =>
    valueColumns.map((c) => {
      const v = uploads.get(id)?.values[c];
      return v === undefined ? '' : v === null ? '#N/A' : escapeFormula(String(v));
    });
  for (const f of report.failed)
    await out.write([escapeFormula(f.id), 'Failed', escapeFormula(f.error), ...values(f.id)]);
  for (const n of report.notProcessed) {
    await out.write([escapeFormula(n.id), 'Not processed', escapeFormula(n.reason), ...values(n.id)]);
  }
  for (const id of changedDuringRun)
    await out.write([escapeFormula(id), 'Changed during run', CHANGED_DURING_RUN, ...values(id)]);
  await out.close();
  return path;
}

function applyReport(
  result: OrgScoreResult,
  report: IngestReport,
  targetOrg: string,
  changedDuringRun: readonly string[] = [],
): void {
  result.ingestJobIds = [...report.jobs];
  result.written = report.written.length;
  result.failed = report.failed.length;
  result.notProcessed = report.notProcessed.length;
  result.lockRetryRounds = report.lockRetryRounds;
  result.pendingJobId = report.pending?.jobId ?? null;
  result.resumeCommand = report.pending ? resumeCommandFor(targetOrg, report.pending.jobId) : null;
  result.failures = [
    ...report.failed.map((f): WriteFailure => ({ id: f.id, status: 'Failed', error: f.error })),
    ...report.notProcessed.map((n): WriteFailure => ({ id: n.id, status: 'Not processed', error: n.reason })),
    ...changedDuringRun.map((id): WriteFailure => ({ id, status: 'Changed during run', error: CHANGED_DURING_RUN })),
  ].slice(0, MAX_LISTED);
}

/** An API error raised mid-run, as an OrgError that keeps the counts so far. */
function orgErrorOf(error: unknown, result: OrgScoreResult): unknown {
  const data = { ...result } as unknown as Record<string, unknown>;
  if (error instanceof OrgError) return new OrgError(error.key, error.tokens, { ...data, ...(error.data ?? {}) });
  if (!(error instanceof ApiError)) return error;
  // Only an ingest job can be resumed (--resume-job): a query job is never offered.
  const job = result.pendingJobId ?? '';
  if (error.errorCode === 'REQUEST_LIMIT_EXCEEDED') return new OrgError('requestLimitExceeded', [error.message], data);
  if (error.errorCode === 'INVALID_SESSION_ID') {
    return new OrgError(job ? 'sessionExpiredJob' : 'sessionExpired', [result.targetOrg, job], data);
  }
  return new OrgError('apiError', [error.errorCode, error.message], data);
}

export async function rescoreOrg(conn: Connection, options: OrgScoreOptions): Promise<OrgScoreResult> {
  const result = emptyResult(options);
  const progress = (p: Partial<Progress> & Pick<Progress, 'phase'>): void =>
    options.onProgress?.({ processed: 0, written: result.written, failed: result.failed, ...p });
  progress({ phase: 'reading' });
  let snapshot;
  try {
    snapshot = await readSnapshot(conn, { today: options.today, poll: options.poll, pageSize: options.pageSize });
  } catch (error) {
    throw orgErrorOf(error, result);
  }
  result.limitWarnings = snapshot.shortages;
  result.limitsUnreadable = snapshot.limitsUnreadable;
  result.queryJobId = snapshot.queryJobId;
  result.quarter = { start: snapshot.quarter.start, end: snapshot.quarter.end, source: snapshot.quarterSource };
  result.policies = snapshot.policies.map((p) => p.name);
  result.deals = snapshot.rows.length;

  const { scored, unscorable } = scoreSnapshot(snapshot, snapshot.policies);
  result.unscorable = new Set(unscorable.map((u) => u.id)).size;
  result.unscorableRows = unscorable.slice(0, MAX_LISTED);
  const uploads = new Map<string, UploadRow>();
  for (const deal of scored) {
    const fields = Object.keys(deal.changed);
    if (!fields.length) continue;
    const values: Record<string, CellValue> = {};
    for (const f of OUTPUT_FIELDS) if (f in deal.changed) values[f] = cellOf(deal.next[f]);
    values[SCORED_AT] = result.scoredAt;
    uploads.set(deal.id, { Id: deal.id, accountId: deal.accountId, values });
    if (result.changes.length < MAX_LISTED) {
      result.changes.push({
        id: deal.id,
        name: deal.name,
        from: deal.storedVerdict,
        to: deal.next.Walk_Away_Recommendation__c,
        fields,
      });
    }
  }
  result.changed = uploads.size;
  result.unchanged = scored.length - uploads.size;
  progress({ phase: 'scoring', processed: scored.length + result.unscorable });
  if (options.dryRun || uploads.size === 0) return result;

  // No lost update: rows edited since the read are left alone (changedSinceRead.ts).
  let moved: string[];
  try {
    const stamps = new Map(scored.filter((d) => uploads.has(d.id)).map((d) => [d.id, d.row[MODSTAMP] ?? '']));
    moved = [...(await changedSinceRead(conn, snapshot.readStartedAt, stamps))].sort();
  } catch (error) {
    throw orgErrorOf(error, result);
  }
  for (const id of moved) uploads.delete(id);
  result.changedDuringRun = moved.length;
  if (uploads.size === 0) {
    applyReport(result, emptyIngestReport(), options.targetOrg, moved);
    result.failuresFile = await writeFailures(options.failuresFile, emptyIngestReport(), uploads, moved);
    return result;
  }

  const update = new BulkUpdate(conn, {
    ...options.poll,
    maxJobBytes: options.maxJobBytes,
    lockRetries: options.lockRetries,
    onProgress: (report) =>
      progress({
        phase: 'writing',
        processed: report.written.length + report.failed.length + report.notProcessed.length,
        written: report.written.length,
        failed: report.failed.length,
      }),
  });
  try {
    await update.run([...uploads.values()]);
  } catch (error) {
    // An ingest job may exist: the error carries its ids, the resume command and the failed rows.
    applyReport(result, update.report, options.targetOrg, moved);
    result.failuresFile = await writeFailures(options.failuresFile, update.report, uploads, moved);
    throw orgErrorOf(error, result);
  }
  applyReport(result, update.report, options.targetOrg, moved);
  result.failuresFile = await writeFailures(options.failuresFile, update.report, uploads, moved);
  return result;
}

/** A Bulk API job Id: key prefix 750, 15 or 18 characters. Query jobs share it: the org tells them apart. */
export const INGEST_JOB_ID = /^750[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/** Refuses an Id that is not an Opportunity update job of this org (a query job's Id among them). */
async function checkIngestJob(conn: Connection, jobId: string): Promise<void> {
  let info: { object?: string; operation?: string };
  try {
    info = await callJson(conn, { method: 'GET', path: `jobs/ingest/${jobId}` });
  } catch (error) {
    if (error instanceof ApiError && (error.errorCode === 'NOT_FOUND' || error.status === 404))
      throw new OrgError('notAnIngestJob', [jobId]);
    throw error;
  }
  if (info.object !== 'Opportunity' || info.operation !== 'update') throw new OrgError('notAnIngestJob', [jobId]);
}

/** `--resume-job`: waits for a job an earlier run left running and accounts for its rows. */
export async function resumeOrgJob(
  conn: Connection,
  jobId: string,
  options: Pick<OrgScoreOptions, 'targetOrg' | 'now' | 'poll' | 'failuresFile'>,
): Promise<OrgScoreResult> {
  const result = emptyResult({ ...options, dryRun: false });
  if (!INGEST_JOB_ID.test(jobId)) throw new OrgError('notAnIngestJob', [jobId]);
  try {
    await checkIngestJob(conn, jobId);
  } catch (error) {
    throw orgErrorOf(error, result);
  }
  let report: IngestReport;
  try {
    report = await resumeJob(conn, jobId, options.poll);
  } catch (error) {
    const resumeCommand = resumeCommandFor(options.targetOrg, jobId);
    throw orgErrorOf(error, { ...result, ingestJobIds: [jobId], pendingJobId: jobId, resumeCommand });
  }
  applyReport(result, report, options.targetOrg);
  result.changed = result.written + result.failed + result.notProcessed;
  const uploads = new Map<string, UploadRow>(
    report.failed.map((f) => [
      f.id,
      { Id: f.id, values: Object.fromEntries(Object.entries(f.values).filter(([k]) => k !== 'Id')) },
    ]),
  );
  result.failuresFile = await writeFailures(options.failuresFile, report, uploads);
  return result;
}
