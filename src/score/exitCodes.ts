// Exit codes of `walkaway score` (documented in docs/cli-offline.md and the command's help).
export const EXIT = {
  /** Every row was scored. */
  ok: 0,
  /** Some rows could not be scored: they are in the failed-rows file; the others were scored. */
  rowsFailed: 1,
  /** Nothing was read or written: invalid flags, or an invalid or missing policy. */
  badPolicy: 2,
  /** Nothing was written: the file is not a usable export (missing, empty, header only, not UTF-8, required column missing). */
  badFile: 3,
} as const;
