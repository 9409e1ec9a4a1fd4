// Polls a Bulk API 2.0 job until it reaches a final state or the client-side wait runs out. The
// job is never aborted on timeout: it keeps running in the org and can be resumed.
import type { Connection } from '@salesforce/core';
import { callJson } from './http.js';

export type PollOptions = {
  /** How long to wait for the job, client side. */
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly onPoll?: (info: JobState) => void;
};

export type JobState = {
  readonly id: string;
  readonly state: string;
  readonly numberRecordsProcessed?: number;
  readonly numberRecordsFailed?: number;
  readonly errorMessage?: string;
};

const FINAL = new Set(['JobComplete', 'Failed', 'Aborted']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The job's final state, or null when the wait ran out first. */
export async function pollJob(conn: Connection, path: string, options: PollOptions): Promise<JobState | null> {
  const deadline = Date.now() + options.timeoutMs;
  const maxPolls = Math.ceil(options.timeoutMs / Math.max(1, options.intervalMs)) + 1;
  for (let i = 0; i < maxPolls; i++) {
    const info = await callJson<JobState>(conn, { method: 'GET', path });
    options.onPoll?.(info);
    if (FINAL.has(info.state)) return info;
    if (Date.now() + options.intervalMs > deadline) return null;
    await sleep(options.intervalMs);
  }
  return null;
}
