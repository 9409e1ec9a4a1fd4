// `walkaway score`: scores opportunities against the walk-away policies. Offline with --file (the
// work is in src/score/offlineScore.ts; this file only wires flags, progress and output).
import { basename, extname, resolve } from 'node:path';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { EXIT } from '../../exitCodes.js';
import { messages } from '../../score/messages.js';
import { scoreExport } from '../../score/offlineScore.js';
import type { ScoreResult } from '../../score/result.js';
import { summaryLines } from '../../score/summary.js';
import { defaultPolicyDir } from '../../io/policyFiles.js';
import { orgMessages } from '../../org/cli.js';
import { orgScoreFlags, runOrgScore, type OrgScoreResult } from '../../org/scoreCommand.js';

export type { ScoreResult } from '../../score/result.js';
export type { OrgScoreResult } from '../../org/scoreCommand.js';
/** The --json result: offline (`--file`) or org mode (`--target-org`). */
export type ScoreCommandResult = ScoreResult | OrgScoreResult;

/** Today in the local time zone (YYYY-MM-DD): the clock is read here, at the edge. */
const today = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export default class Score extends SfCommand<ScoreCommandResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly enableJsonFlag = true;

  public static override readonly flags = {
    file: Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.file.summary'),
      // eslint-disable-next-line sf-plugin/flag-cross-references -- both come from ...orgScoreFlags below
      exclusive: ['resume-job', 'dry-run'],
    }),
    'policy-dir': Flags.directory({
      char: 'p',
      summary: messages.getMessage('flags.policy-dir.summary'),
      description: messages.getMessage('flags.policy-dir.description'),
    }),
    output: Flags.string({
      char: 'o',
      summary: messages.getMessage('flags.output.summary'),
      description: messages.getMessage('flags.output.description'),
    }),
    'as-of': Flags.string({
      summary: messages.getMessage('flags.as-of.summary'),
      description: messages.getMessage('flags.as-of.description'),
    }),
    // Org mode (src/org/scoreCommand.ts): --target-org [--dry-run] [--wait N] [--resume-job ID].
    ...orgScoreFlags,
  };

  public async run(): Promise<ScoreCommandResult> {
    const { flags } = await this.parse(Score);
    if (!flags.file) {
      if (!flags['target-org']) throw orgMessages.createError('error.fileOrOrg', [], [], EXIT.badInput);
      return runOrgScore(this, flags, flags['target-org']);
    }
    const now = new Date();
    const file = resolve(flags.file);
    const output = resolve(flags.output ?? `${basename(file, extname(file))}.scored.csv`);
    const showProgress = !this.jsonEnabled() && process.stdout.isTTY === true && process.stderr.isTTY === true;
    let started = false;

    const result = await scoreExport({
      file,
      policyDir: flags['policy-dir'] ?? defaultPolicyDir(),
      output,
      scoredAt: now.toISOString(),
      asOf: flags['as-of'] ?? today(now),
      onWarning: (message) => this.warn(message),
      onProgress: (done, rows) => {
        if (!showProgress) return;
        if (!started) {
          this.progress.start(
            100,
            { rows: 0 },
            {
              title: messages.getMessage('progress.Title'),
              format: '%s | {bar} | {percentage}% | {rows} rows',
            },
          );
          started = true;
        }
        this.progress.update(Math.min(100, Math.floor(done * 100)), { rows });
      },
    });
    if (started) this.progress.finish({ rows: result.rows });

    for (const line of summaryLines(result)) this.log(line);
    if (result.failed > 0) process.exitCode = EXIT.partial;
    return result;
  }
}
