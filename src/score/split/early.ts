// The second process of a large `walkaway score --file` run, started by the executable (bin/run.js)
// before oclif and the command load: its own modules load in the meantime (about a quarter of a
// second each, on the two cores), instead of after. It is a guess from the command line: the command
// takes it when it reads that same file in two processes (takeEarlySecondProcess) and ends it
// otherwise. Not taken, it does not keep this process running, and leaves when this process ends.
import { appendFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileFlag } from '../fileFlag.js';
import { splitAllowed, splitOptions, splitRefused } from './options.js';
import type { SecondProcess } from './secondProcess.js';

let early: { readonly file: string; readonly second: SecondProcess } | null = null;

/** A flag of `walkaway score` that keeps a run in one process, or takes it to an org. */
const ONE_PROCESS_FLAG = /^(--locale|--target-org|--resume-job|--dry-run)(=|$)|^-o/;

/**
 * The export a `walkaway score` command line reads offline (--file, as `--file X`, `--file=X`,
 * `-f X` or `-fX`), or null: another command, no file, or a flag that keeps the run in one process
 * or takes it to an org.
 */
export function exportToSplit(argv: readonly string[]): string | null {
  let flags: readonly string[];
  if (argv[0] === 'walkaway' && argv[1] === 'score') flags = argv.slice(2);
  else if (argv[0] === 'walkaway:score') flags = argv.slice(1);
  else return null;
  const end = flags.indexOf('--');
  if ((end === -1 ? flags : flags.slice(0, end)).some((a) => ONE_PROCESS_FLAG.test(a))) return null;
  return fileFlag(flags) || null;
}

/**
 * Starts the second process when the command line scores a file large enough for two (the
 * command's own rules: options.ts, WALKAWAY_SPLIT, WALKAWAY_SPLIT_MIN_BYTES). Its module (and
 * node:child_process) is loaded only then: any other run starts as fast as without this.
 */
export async function startEarlySecondProcess(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const file = exportToSplit(argv);
  const options = splitOptions(env);
  // --locale is ruled out by exportToSplit.
  if (file === null || !splitAllowed(options, env.WALKAWAY_TEST_READER, false)) return;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (splitRefused(size, options) !== null) return;
  const { SecondProcess } = await import('./secondProcess.js');
  const second = new SecondProcess(false);
  early = { file: resolve(file), second };
  // Test-only: the split report (WALKAWAY_TEST_SPLIT_REPORT) gets the started process's id.
  const report = env.WALKAWAY_TEST_SPLIT_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify({ early: second.pid ?? null })}\n`);
}

/**
 * The second process started for `file` (absolute), held from now on, or null; one started for
 * another file is ended.
 */
export function takeEarlySecondProcess(file: string): SecondProcess | null {
  const started = early;
  early = null;
  if (started === null) return null;
  if (started.file === file) {
    started.second.hold();
    return started.second;
  }
  void started.second.end(false);
  return null;
}
