// The one table of exit codes of every walkaway command, offline and against an org
// (docs/cli-offline.md, docs/cli-org.md and each command's help say what they mean there).
export const EXIT = {
  /** Everything was done: every row scored (offline) or written (org). */
  ok: 0,
  /** Some rows were not scored or not written (they are listed with their reason), or audit found problems. */
  partial: 1,
  /** Nothing read or written: invalid flags, an invalid or missing policy. */
  badInput: 2,
  /** Nothing written: the file is not a usable export (missing, empty, header only, wrong encoding or delimiter, required column missing), or the output cannot be written. */
  badFile: 3,
  /** The org refused or could not be reached (limits, session, missing package, failed query job). */
  orgError: 4,
  /** The wait ran out: a job is still running in the org; the resume command is printed. */
  pending: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
