// `walkaway score --file`: scores an export offline. Policies first (an invalid one stops the run
// before anything is written), then the export streamed row by row through the engine into the
// scored and failed-rows files, with backpressure: memory holds the Id index, the owners' pipeline
// totals and the summary, never the rows. Clock and "today" come from the caller.
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { rankPolicies } from '../engine/index.js';
import {
  COLUMN_DELIMITERS,
  DELETED_COLUMN,
  NotPlainFile,
  PIPELINE_COLUMNS,
  QUOTA_COLUMN,
  openExport,
  openPlainExport,
  engineCells,
  type CellLocale,
  type ExportReader,
  type ReadOptions,
} from '../io/export/index.js';
import { ioMessages } from '../io/messages.js';
import { loadPolicies } from '../io/policyFiles.js';
import { CsvFileWriter, ScoreOutputs, failedPathFor } from '../io/resultWriter.js';
import { EXIT } from '../exitCodes.js';
import { messages } from './messages.js';
import { buildPipeline, type RatesFile } from './pipeline.js';
import type { ScoreResult } from './result.js';
import { rowScorer, summaryOf, type ScoringContext, type Tallies } from './rowScorer.js';
import { takeEarlySecondProcess } from './split/early.js';
import { splitAllowed, splitRefused, type SplitOptions } from './split/options.js';
import { scoreInTwo, type SplitReport } from './split/parent.js';
import { SecondProcess } from './split/secondProcess.js';

export { MAX_FAILED_IN_RESULT } from './rowScorer.js';

export type OfflineScoreOptions = {
  readonly file: string;
  readonly policyDir: string;
  readonly output: string;
  /** ISO 8601 UTC timestamp of the run, written to every scored row. */
  readonly scoredAt: string;
  /** YYYY-MM-DD: the quarter BATNA is computed for. */
  readonly asOf: string;
  /** --column-delimiter and --encoding, when given. */
  readonly read?: ReadOptions;
  /** --locale: how a spreadsheet in that language wrote numbers, dates and TRUE/FALSE. */
  readonly locale?: CellLocale | undefined;
  /** --currency-rates: BATNA converts the owner's other currencies with these rates. */
  readonly currencyRates?: RatesFile | null;
  readonly onWarning?: (message: string) => void;
  /**
   * Fraction of the whole run done (0..1), rows read so far in the current pass, and the pass
   * (0: the pipeline pass when BATNA is computed from the export; the scoring pass is the last).
   */
  readonly onProgress?: (done: number, rows: number, pass: number) => void;
  /**
   * Test-only: `csv` reads the file with the CSV reader alone (reader.ts); `bytes` with the byte
   * reader alone (plainReader.ts: a file it does not read is an error). Undefined: the byte reader,
   * and the CSV reader when the byte reader does not read the file.
   */
  readonly testReader?: 'csv' | 'bytes' | undefined;
  /**
   * Two processes for a large file read by the byte reader (src/score/split): from how many bytes.
   * Undefined: one process.
   */
  readonly split?: SplitOptions | undefined;
  /** Test-only: told whether the run used two processes, and how it split the file. */
  readonly onSplit?: ((report: SplitReport) => void) | undefined;
};

/** The cells the pipeline pass reads (buildPipeline): the byte reader decodes only these there. */
const PIPELINE_PASS_COLUMNS: ReadonlySet<string> = new Set([
  ...PIPELINE_COLUMNS,
  'Amount',
  'CurrencyIsoCode',
  QUOTA_COLUMN,
  DELETED_COLUMN,
]);

const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** The real path of `path`, or of its folder joined with its name when it does not exist yet. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path));
  }
}

/** An output file, written as `.partial` until complete; one that cannot be written stops the run (exit 3). */
async function openOutput(path: string, columns: readonly string[]): Promise<CsvFileWriter> {
  try {
    return await CsvFileWriter.open(path, columns);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw ioMessages.createError(
      'error.OutputNotWritable',
      [path, typeof code === 'string' ? code : String(error)],
      [],
      EXIT.badFile,
    );
  }
}

/**
 * Scores the export. A large one (options.split) is read by two processes: the second starts
 * first (or was started by the executable: split/early.ts), its modules loading while this process
 * reads the policies and the header; it is ended whatever happens, used or not.
 */
export async function scoreExport(options: OfflineScoreOptions): Promise<ScoreResult> {
  const { split } = options;
  const file = resolve(options.file);
  // One the executable started as it read the command line (early.ts), or a new one.
  const early = takeEarlySecondProcess(file);
  let second: SecondProcess | null = null;
  if (splitAllowed(split, options.testReader, options.locale !== undefined)) {
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (splitRefused(size, split) === null) second = early ?? new SecondProcess();
  }
  if (second !== early) await early?.end(false);
  try {
    return await scoreWith(options, second);
  } finally {
    await second?.end(false);
  }
}

async function scoreWith(options: OfflineScoreOptions, second: SecondProcess | null): Promise<ScoreResult> {
  const file = resolve(options.file);
  const output = resolve(options.output);
  const failedOutput = failedPathFor(output);
  // Compared by real path: an output that is the export through a symbolic link is the export.
  const realFile = await realPathOf(file);
  if ((await realPathOf(output)) === realFile || (await realPathOf(failedOutput)) === realFile) {
    throw messages.createError('error.OutputIsInput', [output], [], EXIT.badInput);
  }
  if (!isDate(options.asOf)) throw messages.createError('error.BadAsOf', [options.asOf], [], EXIT.badInput);

  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.onWarning?.(message);
  };

  const loaded = await loadPolicies(resolve(options.policyDir));
  const ranked = rankPolicies(loaded.policies);

  const reader = await openExport(file, options.read);
  const { header } = reader;
  if (header.unknown.length) warn(messages.getMessage('warning.UnknownColumns', [header.unknown.join(', ')]));
  const missing = header.missingInputs.filter((c) => c !== 'Id');
  if (missing.length) warn(messages.getMessage('warning.MissingColumns', [missing.join(', ')]));
  const missingPipeline = PIPELINE_COLUMNS.filter((c) => !header.present.has(c));
  const withBatna = missingPipeline.length === 0;
  if (!withBatna && missingPipeline.length < PIPELINE_COLUMNS.length) {
    warn(messages.getMessage('warning.NoBatna', [missingPipeline.join(', ')]));
  }

  const passes = withBatna ? 2 : 1;
  // The pass is reported as 0 (pipeline) or 1 (scoring), whether or not the pipeline pass runs.
  const progress = (pass: number, bytes: number, rows: number): void =>
    options.onProgress?.((pass + (reader.size === 0 ? 1 : bytes / reader.size)) / passes, rows, pass + 2 - passes);

  // --locale: each formatted cell as the engine reads it. Always: `99.99%` in a percent cell is 99.99.
  // A report export: picklist cells hold labels, read as their API values.
  const { locale } = options;
  const prepare = engineCells(header.report, locale);
  /** The engine reads the cells as written: the byte reader's plain records are read from their bytes. */
  const asWritten = !header.report && locale === undefined;

  // The byte reader (plainReader.ts) reads a UTF-8 file as the CSV reader does, faster; a file it
  // does not read exactly alike (NotPlainFile, before a row of it is used) is read again by the CSV
  // reader, from the start. Cells a locale formats are read by the CSV reader alone.
  const plainDelimiter = COLUMN_DELIMITERS[reader.reading.columnDelimiter];
  // Lines above the header (a report's title and filters, skipped while opening): the CSV reader's.
  let plain =
    options.testReader !== 'csv' &&
    locale === undefined &&
    reader.reading.encoding === 'UTF-8' &&
    reader.skipped().length === 0;
  const source = (columns?: ReadonlySet<string>): ExportReader =>
    openPlainExport(file, reader, { delimiter: plainDelimiter, columns });

  const context: ScoringContext = {
    ranked,
    scoredAt: options.scoredAt,
    withDeleted: header.present.has('IsDeleted'),
    prepare,
    locale,
    currencyRates: options.currencyRates ?? null,
    asWritten,
  };
  // The run's scorer: a new one (nothing counted) for the CSV reader's run after the byte reader stopped.
  let scorer = rowScorer(context);

  /** The run's two output files (the scored rows, the failed rows), opened for a scoring pass. */
  const openOutputs = (): Promise<ScoreOutputs> => ScoreOutputs.open(output, failedOutput, openOutput);

  /** The scoring pass: every row of `rowsOf` scored into the two output files. */
  const scoreAll = async (rowsOf: ExportReader): Promise<void> => {
    const outputs = await openOutputs();
    scorer.useWriters(outputs.scored, outputs.failed);
    try {
      // After each chunk of the input: write the output once a megabyte of it is ready, report progress.
      await rowsOf.each(
        scorer.scoreRow,
        async () => {
          await outputs.flushFull();
          progress(passes - 1, rowsOf.bytesRead(), scorer.rowCount());
        },
        scorer.scorePlain,
      );
      await outputs.close();
    } catch (error) {
      await outputs.abort();
      throw error;
    }
  };

  /** The first pass (owners' totals for BATNA), over whichever reader reads the file. */
  const pipelinePass = (first: Parameters<typeof buildPipeline>[0] & { bytesRead(): number }) =>
    buildPipeline(
      first,
      options.asOf,
      (n) => progress(0, first.bytesRead(), n),
      prepare,
      options.currencyRates ?? null,
      asWritten,
    );

  // A large file: two processes, each reading half of it (src/score/split). Whatever stops them
  // before the output is complete is not an error: the file is read again from the start, by the
  // byte reader in this process, or by the CSV reader when a half is not read by the byte reader.
  let tallies: Tallies | null = null;
  if (!plain) await second?.end(false);
  if (plain) {
    if (second === null) {
      const refused = options.split === undefined ? 'off' : splitRefused(reader.size, options.split);
      options.onSplit?.({ processes: 1, reason: refused ?? 'not read by the byte reader' });
    } else {
      let split: Awaited<ReturnType<typeof scoreInTwo>>;
      try {
        split = await scoreInTwo(
          {
            file,
            base: reader,
            delimiter: plainDelimiter,
            pipelineColumns: withBatna ? PIPELINE_PASS_COLUMNS : null,
            context,
            asOf: options.asOf,
            output,
            failedOutput,
            openOutputs,
            progress,
            passes,
          },
          second,
        );
      } catch (error) {
        reader.close();
        throw error;
      }
      options.onSplit?.(split.report);
      if (split.tallies !== null) {
        tallies = split.tallies;
        reader.close();
      } else if (split.report.fallback === 'not-plain') {
        if (options.testReader === 'bytes') {
          reader.close();
          throw new NotPlainFile(split.report.reason ?? 'a half of the file');
        }
        plain = false;
      }
    }
  }
  if (plain && tallies === null) {
    try {
      if (withBatna) {
        scorer.usePipeline(await pipelinePass(source(PIPELINE_PASS_COLUMNS)));
      }
      await scoreAll(source());
      reader.close();
    } catch (error) {
      if (!(error instanceof NotPlainFile) || options.testReader === 'bytes') {
        reader.close();
        throw error;
      }
      plain = false;
      scorer = rowScorer(context);
    }
  }
  if (!plain) {
    if (withBatna) {
      scorer.usePipeline(await pipelinePass(await openExport(file, options.read)));
    }
    await scoreAll(reader);
  }
  tallies ??= scorer.tallies();
  options.onProgress?.(1, tallies.rows, 1);

  const { mixedCurrencies, ...counts } = summaryOf(tallies);
  if (mixedCurrencies !== null) warn(messages.getMessage('warning.MixedCurrencies', [mixedCurrencies.join(', ')]));

  return {
    file,
    output,
    failedOutput,
    policyDir: loaded.dir,
    policies: ranked.map((p) => p.name),
    scoredAt: options.scoredAt,
    asOf: options.asOf,
    batna: withBatna,
    batnaCurrencies: counts.batnaCurrencies,
    reading: { ...reader.reading, locale: locale?.tag ?? null },
    rows: counts.rows,
    scored: counts.scored,
    failed: counts.failed,
    notProcessed: counts.notProcessed,
    notProcessedRows: counts.notProcessedRows,
    skippedLines: [...reader.skipped()],
    verdicts: counts.verdicts,
    largestWalkAways: counts.largestWalkAways,
    topFindings: counts.topFindings,
    failedRows: counts.failedRows,
    warnings,
  };
}
