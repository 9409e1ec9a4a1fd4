// What the org commands share: the message bundle of the org modules (messages/walkaway.org.md)
// and the one place org, API and policy errors become messages.createError(...).
import { Messages, SfError } from '@salesforce/core';
import { PolicyError } from '../engine/index.js';
import { EXIT } from '../exitCodes.js';
import { ApiError, OrgError } from './errors.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
export const orgMessages = Messages.loadMessages('walk-away', 'walkaway.org');

/** The Salesforce API version every org command asks for. */
export const API_VERSION = '62.0';

const ACTION_TOKENS: Readonly<Record<string, (t: ReadonlyArray<string | number>) => Array<string | number>>> = {
  sessionExpired: (t) => [t[0] ?? ''],
  sessionExpiredJob: (t) => [t[0] ?? '', t[1] ?? ''],
};

const EXIT_BY_KEY: Readonly<Record<string, number>> = {
  badQuarter: EXIT.badInput,
  notAnIngestJob: EXIT.badInput,
  queryTimeout: EXIT.pending,
};

/**
 * Once an ingest job exists, whatever stops the run says where things stand: the job ids, the
 * command that resumes a job the org may still be processing, and the file of rows not written.
 */
export function runActions(data: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  const jobs = Array.isArray(data.ingestJobIds) ? (data.ingestJobIds as string[]) : [];
  if (jobs.length) out.push(orgMessages.getMessage('action.IngestJobs', [jobs.join(', ')]));
  if (typeof data.resumeCommand === 'string' && data.resumeCommand !== '')
    out.push(orgMessages.getMessage('action.Resume', [data.resumeCommand]));
  if (typeof data.failuresFile === 'string' && data.failuresFile !== '')
    out.push(orgMessages.getMessage('action.FailuresFile', [data.failuresFile]));
  return out;
}

/** Any error of an org run as the SfError the command throws (text from the messages file). */
export function toCommandError(error: unknown): Error {
  if (error instanceof SfError) return error;
  if (error instanceof PolicyError) {
    const lines = error.issues.map((i) =>
      orgMessages.getMessage('error.invalidPolicy.issue', [i.policy, i.field, i.message, JSON.stringify(i.value)]),
    );
    return orgMessages.createError('error.invalidPolicy', [lines.join('\n')], [], EXIT.badInput);
  }
  if (error instanceof ApiError) return toCommandError(new OrgError('apiError', [error.errorCode, error.message]));
  if (error instanceof OrgError) {
    const key = `error.${error.key}`;
    const tokens =
      error.key === 'queryJobEnded' && error.tokens[2]
        ? [error.tokens[0] ?? '', error.tokens[1] ?? '', `: ${String(error.tokens[2])}`]
        : error.key === 'queryJobEnded'
          ? [error.tokens[0] ?? '', error.tokens[1] ?? '', '']
          : [...error.tokens];
    const actions = (ACTION_TOKENS[error.key] ?? (() => []))(error.tokens);
    const exit = EXIT_BY_KEY[error.key] ?? EXIT.orgError;
    const sfError = orgMessages.createError(key, tokens, actions, exit);
    if (error.data) {
      sfError.setData(error.data as never);
      sfError.actions = [...(sfError.actions ?? []), ...runActions(error.data)];
    }
    return sfError;
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** YYYY-MM-DD in the local time zone. */
export const localDate = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** 20261126T215900Z: for file names. */
export const stamp = (now: Date): string =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Poll interval: 5 s in real use; WALKAWAY_POLL_INTERVAL_MS lowers it for tests against a local stand-in. */
export function pollIntervalMs(): number {
  const fromEnv = Number(process.env.WALKAWAY_POLL_INTERVAL_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 5000;
}
