// `walkaway score`: scores opportunities against the walk-away policies. Offline with --file (the
// work is in src/score/offlineScore.ts; this file only wires flags, progress and output). An
// offline run loads neither @salesforce/sf-plugins-core nor the org modules (jsforce); a run
// without --file is handed to the org-mode SfCommand (src/org/orgScoreCommand.ts), imported then.
import { appendFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Flags from '@oclif/core/flags';
import { MessageBundle } from '../../messageBundle.js';
import { messages } from '../../score/messages.js';
import { OfflineCommand, sfMessages } from '../../score/offlineCommand.js';
import { fileFlag } from '../../score/fileFlag.js';
import { scoreExport } from '../../score/offlineScore.js';
import { ProgressLine } from '../../score/progressLine.js';
import { splitOptions } from '../../score/split/options.js';
import type { SplitReport } from '../../score/split/parent.js';
import type { ScoreResult } from '../../score/result.js';
import { summaryLines } from '../../score/summary.js';
import { defaultPolicyDir } from '../../io/policyFiles.js';
import { readCurrencyRates } from '../../score/currencyRates.js';
import { COLUMN_DELIMITER_NAMES, LOCALES, isKnownEncoding, localeOf } from '../../io/export/index.js';
import { inputError } from '../../io/messages.js';
import { EXIT } from '../../exitCodes.js';
import type { OrgScoreResult } from '../../org/rescore.js';

export type { ScoreResult } from '../../score/result.js';
export type { OrgScoreResult } from '../../org/rescore.js';
/** The --json result: offline (`--file`) or org mode (`--target-org`). */
export type ScoreCommandResult = ScoreResult | OrgScoreResult;

const orgMessages = new MessageBundle(
  fileURLToPath(new URL('../../../messages/walkaway.org.md', import.meta.url)),
  'walkaway.org',
);

/** Today in the local time zone (YYYY-MM-DD): the clock is read here, at the edge. */
const today = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * Test-only: WALKAWAY_TEST_READER=csv reads the export with the CSV reader alone; =bytes with the
 * byte reader alone (a file it cannot read is then an error, not read the other way). Unset: the
 * byte reader, and the CSV reader for a file the byte reader does not read.
 */
const testReader = (value: string | undefined): 'csv' | 'bytes' | undefined =>
  value === 'csv' || value === 'bytes' ? value : undefined;

/** Test-only: WALKAWAY_TEST_SPLIT_REPORT=<file> gets one JSON line per run saying how it was split. */
const splitReporter = (file: string | undefined): ((report: SplitReport) => void) | undefined =>
  file ? (report) => appendFileSync(file, `${JSON.stringify(report)}\n`) : undefined;

// An offline run must not import @salesforce/sf-plugins-core (start-up): OfflineCommand gives it
// SfCommand's output and base flags (flags-dir, json), which oclif adds to these flags itself.
// eslint-disable-next-line sf-plugin/only-extend-SfCommand
export default class Score extends OfflineCommand<ScoreCommandResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  // eslint-disable-next-line sf-plugin/spread-base-flags
  public static override readonly flags = {
    file: Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.file.summary'),
      exclusive: ['resume-job', 'dry-run'],
    }),
    'policy-dir': Flags.directory({
      char: 'p',
      summary: messages.getMessage('flags.policy-dir.summary'),
      description: messages.getMessage('flags.policy-dir.description'),
    }),
    // No short flag: -o is --target-org in every sf command (the file flags of contract.md).
    output: Flags.string({
      summary: messages.getMessage('flags.output.summary'),
      description: messages.getMessage('flags.output.description'),
    }),
    'as-of': Flags.string({
      summary: messages.getMessage('flags.as-of.summary'),
      description: messages.getMessage('flags.as-of.description'),
    }),
    'column-delimiter': Flags.option({
      summary: messages.getMessage('flags.column-delimiter.summary'),
      description: messages.getMessage('flags.column-delimiter.description'),
      options: COLUMN_DELIMITER_NAMES,
      dependsOn: ['file'],
    })(),
    encoding: Flags.string({
      summary: messages.getMessage('flags.encoding.summary'),
      description: messages.getMessage('flags.encoding.description'),
      dependsOn: ['file'],
    }),
    locale: Flags.string({
      summary: messages.getMessage('flags.locale.summary'),
      description: messages.getMessage('flags.locale.description'),
      dependsOn: ['file'],
    }),
    // Org mode (src/org/scoreCommand.ts orgScoreFlags, where they are parsed): declared here with the
    // same names and texts so that an offline command line is read as before.
    'currency-rates': Flags.string({
      summary: messages.getMessage('flags.currency-rates.summary'),
      description: messages.getMessage('flags.currency-rates.description'),
    }),
    'target-org': Flags.string({ char: 'o', summary: orgMessages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.string({ description: sfMessages.getMessage('flags.apiVersion.description') }),
    'dry-run': Flags.boolean({ summary: orgMessages.getMessage('flags.dry-run.summary'), default: false }),
    wait: Flags.integer({
      summary: orgMessages.getMessage('flags.wait.summary'),
      description: orgMessages.getMessage('flags.wait.description'),
      default: 10,
      min: 0,
      exclusive: ['file'],
    }),
    'resume-job': Flags.string({ summary: orgMessages.getMessage('flags.resume-job.summary') }),
    'failed-file': Flags.string({
      summary: orgMessages.getMessage('flags.failed-file.summary'),
      description: orgMessages.getMessage('flags.failed-file.description'),
      exclusive: ['file'],
    }),
  };

  protected override async _run<R>(): Promise<R> {
    if (fileFlag(this.argv) === null) {
      const { default: OrgScore } = await import('../../org/orgScoreCommand.js');
      return (await OrgScore.run(this.argv, this.config)) as R;
    }
    return super._run<R>();
  }

  public async run(): Promise<ScoreResult> {
    // Nothing of an offline run goes to @salesforce/core's log file: no log worker to start and join.
    process.env.SF_DISABLE_LOG_FILE ??= 'true';
    const { flags } = await this.parse(Score);
    if (!flags.file) throw orgMessages.createError('error.fileOrOrg', [], [], EXIT.badInput);
    const encoding = flags.encoding;
    if (encoding !== undefined && !isKnownEncoding(encoding)) throw inputError('error.UnknownEncoding', [encoding]);
    const locale = flags.locale === undefined ? undefined : localeOf(flags.locale);
    if (flags.locale !== undefined && locale === undefined) {
      throw inputError('error.UnknownLocale', [flags.locale, Object.keys(LOCALES).join(', ')]);
    }
    const now = new Date();
    const file = resolve(flags.file);
    const output = resolve(flags.output ?? `${basename(file, extname(file))}.scored.csv`);
    // Progress only on a terminal, never under --json (one document on stdout, nothing else).
    const progress =
      !this.jsonEnabled() && process.stdout.isTTY === true && process.stderr.isTTY === true
        ? new ProgressLine(process.stderr, {
            passes: [messages.getMessage('progress.Pipeline'), messages.getMessage('progress.Title')],
            rows: (count) => messages.getMessage('progress.Rows', [count]),
          })
        : null;

    let result: ScoreResult;
    try {
      result = await scoreExport({
        file,
        policyDir: flags['policy-dir'] ?? defaultPolicyDir(),
        output,
        scoredAt: now.toISOString(),
        asOf: flags['as-of'] ?? today(now),
        read: { columnDelimiter: flags['column-delimiter'], encoding },
        locale,
        currencyRates: flags['currency-rates'] ? await readCurrencyRates(resolve(flags['currency-rates'])) : null,
        onWarning: (message) => {
          progress?.clear();
          this.warn(message);
        },
        onProgress: (done, rows, pass) => progress?.update(done, rows, pass),
        testReader: testReader(process.env.WALKAWAY_TEST_READER),
        split: splitOptions(process.env),
        onSplit: splitReporter(process.env.WALKAWAY_TEST_SPLIT_REPORT),
      });
    } finally {
      progress?.finish();
    }

    // Under --json the summary is the document itself: its lines (and the number formatting they
    // load, a twentieth of a small run) are not made.
    if (!this.jsonEnabled()) for (const line of summaryLines(result)) this.log(line);
    if (result.failed > 0) process.exitCode = EXIT.partial;
    return result;
  }
}
