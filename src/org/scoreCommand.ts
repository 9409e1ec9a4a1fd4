// The --target-org branch of `walkaway score`: flags, the run, what it prints and its exit code.
// score.ts (shared with the offline mode) only adds these flags and calls runOrgScore.
import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { Org } from '@salesforce/core';
import { API_VERSION, localDate, orgMessages as m, pollIntervalMs, stamp, toCommandError } from './cli.js';
import { printable } from './format.js';
import { resumeOrgJob, rescoreOrg, type OrgScoreResult } from './rescore.js';
import { EXIT } from '../exitCodes.js';

export type { OrgScoreResult } from './rescore.js';

export const orgScoreFlags = {
  'target-org': Flags.optionalOrg({ summary: m.getMessage('flags.target-org.summary') }),
  'api-version': Flags.orgApiVersion(),
  'dry-run': Flags.boolean({ summary: m.getMessage('flags.dry-run.summary'), default: false }),
  wait: Flags.integer({
    summary: m.getMessage('flags.wait.summary'),
    description: m.getMessage('flags.wait.description'),
    default: 10,
    min: 0,
    exclusive: ['file'],
  }),
  'resume-job': Flags.string({ summary: m.getMessage('flags.resume-job.summary') }),
  'failed-file': Flags.string({
    summary: m.getMessage('flags.failed-file.summary'),
    description: m.getMessage('flags.failed-file.description'),
    exclusive: ['file'],
  }),
};

export type Ui = {
  log(message?: string): void;
  warn(message: string): unknown;
  jsonEnabled(): boolean;
  spinner: {
    start(action: string, status?: string): void;
    set status(s: string | undefined);
    stop(msg?: string): void;
  };
};

export type OrgScoreFlags = {
  'target-org'?: Org;
  'api-version'?: string;
  'dry-run': boolean;
  wait: number;
  'resume-job'?: string;
  'failed-file'?: string;
};

const LISTED = 20;

export function orgScoreLines(r: OrgScoreResult): string[] {
  const lines: string[] = [];
  if (r.queryJobId && r.quarter) {
    lines.push(
      m.getMessage('score.Read', [
        r.deals,
        r.targetOrg,
        r.queryJobId,
        r.policies.join(', ') || '-',
        r.quarter.start,
        r.quarter.end,
        r.quarter.source,
      ]),
    );
    lines.push(m.getMessage('score.Unchanged', [r.unchanged]));
    lines.push(m.getMessage('score.Changed', [r.changed]));
  }
  if (r.changes.length) {
    lines.push(m.getMessage('score.ChangesHeader', [Math.min(LISTED, r.changes.length)]));
    for (const c of r.changes.slice(0, LISTED)) {
      lines.push(
        `  ${printable(c.id)}  ${printable(c.name)}  ${c.from ?? '(none)'} -> ${c.to}  [${c.fields.join(', ')}]`,
      );
    }
  }
  if (r.unscorableRows.length) {
    lines.push(m.getMessage('score.Unscorable', [r.unscorable]));
    for (const u of r.unscorableRows.slice(0, LISTED))
      lines.push(m.getMessage('score.UnscorableRow', [printable(u.id), u.column, u.message, printable(u.value)]));
  }
  if (r.dryRun) lines.push(m.getMessage('score.DryRun', [r.changed]));
  else if (r.queryJobId && r.changed === 0) lines.push(m.getMessage('score.NothingToWrite'));
  else if (r.ingestJobIds.length) {
    lines.push(m.getMessage('score.Written', [r.written, r.failed, r.notProcessed, r.ingestJobIds.join(', ')]));
    if (r.lockRetryRounds) lines.push(m.getMessage('score.LockRetries', [r.lockRetryRounds]));
  }
  if (r.changedDuringRun) lines.push(m.getMessage('score.ChangedDuringRun', [r.changedDuringRun]));
  if (r.failuresFile) lines.push(m.getMessage('score.FailuresFile', [r.failuresFile]));
  if (r.pendingJobId && r.resumeCommand) {
    lines.push(m.getMessage('score.Pending', [r.pendingJobId]));
    lines.push(m.getMessage('score.PendingCommand', [r.resumeCommand]));
  }
  return lines;
}

/** Runs org mode; prints unless --json; returns the result or throws an error with exit code and data. */
export async function runOrgScore(ui: Ui, flags: OrgScoreFlags, org: Org): Promise<OrgScoreResult> {
  const conn = org.getConnection(flags['api-version'] ?? API_VERSION);
  const targetOrg = org.getUsername() ?? org.getOrgId();
  const now = new Date();
  const poll = { timeoutMs: flags.wait * 60_000, intervalMs: pollIntervalMs() };
  const failuresFile = resolve(flags['failed-file'] ?? `walkaway-failed-${stamp(now)}.csv`);
  // Progress only on a terminal, never under --json (one document on stdout, nothing else).
  const quiet = ui.jsonEnabled();
  const spin = !quiet && process.stderr.isTTY === true;
  if (spin) ui.spinner.start(m.getMessage('progress.Reading'));
  let result: OrgScoreResult;
  try {
    result = flags['resume-job']
      ? await resumeOrgJob(conn, flags['resume-job'], { targetOrg, now, poll, failuresFile })
      : await rescoreOrg(conn, {
          targetOrg,
          dryRun: flags['dry-run'],
          now,
          today: localDate(now),
          poll,
          failuresFile,
          onProgress: (p) => {
            if (!spin) return;
            const tokens = { reading: [], scoring: [p.processed], writing: [p.processed, p.written, p.failed] }[
              p.phase
            ];
            ui.spinner.status = m.getMessage(`progress.${p.phase}`, tokens);
          },
        });
  } catch (error) {
    if (spin) ui.spinner.stop(m.getMessage('progress.Failed'));
    throw toCommandError(error);
  }
  if (spin) ui.spinner.stop(m.getMessage('progress.Done'));
  if (result.limitsUnreadable) ui.warn(m.getMessage('warning.LimitsUnreadable', [result.limitsUnreadable]));
  for (const s of result.limitWarnings)
    ui.warn(m.getMessage('warning.LimitShort', [s.limit, s.remaining, s.max, s.needed]));
  if (flags['resume-job'] && !result.pendingJobId) {
    if (!quiet)
      ui.log(m.getMessage('score.Resumed', [flags['resume-job'], result.written, result.failed, result.notProcessed]));
  }
  if (!quiet) for (const line of orgScoreLines(result)) ui.log(line);

  if (result.pendingJobId && result.resumeCommand) {
    const error = m.createError('error.Pending', [result.pendingJobId], [result.resumeCommand], EXIT.pending);
    error.setData(result as never);
    throw error;
  }
  if (result.failed || result.notProcessed) {
    const error = m.createError(
      'error.PartialFailure',
      [result.ingestJobIds.join(', '), result.written, result.changed, result.failed, result.notProcessed],
      [result.failuresFile ?? '-'],
      EXIT.partial,
    );
    error.setData(result as never);
    throw error;
  }
  if (result.unscorable) {
    const error = m.createError('error.Unscorable', [result.unscorable], [], EXIT.partial);
    error.setData(result as never);
    throw error;
  }
  return result;
}
