// The --file of a `walkaway score` command line, read before oclif parses it, in the forms oclif
// reads (`--file X`, `--file=X`, `-f X`, `-fX`): to tell an offline run from an org-mode one
// (commands/walkaway/score.ts) and to start a large run's second process early (split/early.ts).

/**
 * The value given to --file in `flags` (the arguments after the command): '' when it is given
 * without one, null when it is not given. Arguments after `--` are not flags.
 */
export function fileFlag(flags: readonly string[]): string | null {
  let file: string | null = null;
  for (let k = 0; k < flags.length; k++) {
    const a = flags[k] as string;
    if (a === '--') break;
    if (a === '--file' || a === '-f') file = flags[++k] ?? '';
    else if (a.startsWith('--file=')) file = a.slice('--file='.length);
    else if (a.startsWith('-f') && !a.startsWith('--')) file = a.slice(2);
  }
  return file;
}
