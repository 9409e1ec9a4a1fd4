// `walkaway score --file`: scores an export offline. Policies first (an invalid one stops the run
// before anything is written), then the export streamed row by row through the engine into the
// scored and failed-rows files, with backpressure: memory holds the Id index, the owners' pipeline
// totals and the summary, never the rows. Clock and "today" come from the caller.
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  FINDING_CODES,
  VERDICTS,
  explainFinding,
  plainMoney,
  rankPolicies,
  readOpportunity,
  scoreOpportunity,
  type FindingCode,
  type Verdict,
} from '../engine/index.js';
import {
  COLUMN_DELIMITERS,
  DELETED_COLUMN,
  NotPlainFile,
  PIPELINE_COLUMNS,
  QUOTA_COLUMN,
  isDeletedRow,
  looksLikeFraction,
  looksLocalized,
  openExport,
  openPlainExport,
  engineCells,
  type CellLocale,
  type ExportReader,
  type ExportRow,
  type ReadOptions,
  type RowProblem,
} from '../io/export/index.js';
import { ioMessages } from '../io/messages.js';
import { BatnaCurrencyTally } from './batnaCurrencies.js';
import { loadPolicies } from '../io/policyFiles.js';
import {
  CsvFileWriter,
  FAILED_COLUMNS,
  RESULT_COLUMNS,
  failedCells,
  failedPathFor,
  resultLine,
} from '../io/resultWriter.js';
import { EXIT } from '../exitCodes.js';
import { IdIndex } from './idIndex.js';
import { messages } from './messages.js';
import { buildPipeline, detach, figuresFor, readPipelineRow, type Pipeline, type RatesFile } from './pipeline.js';
import type { FailedRow, NotProcessedRow, ScoreResult, WalkAwayDeal } from './result.js';

export const MAX_FAILED_IN_RESULT = 1000;
const TOP_WALK_AWAYS = 5;

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

export async function scoreExport(options: OfflineScoreOptions): Promise<ScoreResult> {
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
  /** Without --locale, a value only a locale could read names --locale. */
  const withLocaleHint = (p: RowProblem): RowProblem =>
    locale === undefined && p.value !== null && looksLocalized(p.value)
      ? { ...p, message: `${p.message} ${messages.getMessage('row.LocaleHint')}` }
      : p;

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

  let pipeline: Pipeline | null = null;
  let scored: CsvFileWriter | null = null;
  let failedWriter: CsvFileWriter | null = null;

  // The run's tallies, set by restart(): before the first pass, and again for the CSV reader's run
  // after the byte reader stopped.
  let verdicts!: ScoreResult['verdicts'];
  let verdictCents!: Record<Verdict, number>;
  let findingCounts!: Map<FindingCode, number>;
  let largest!: (WalkAwayDeal & { cents: number })[];
  let failedRows!: FailedRow[];
  let ids!: IdIndex;
  let currencies!: Set<string>;
  /** BATNA: deals whose owner's pipeline had amounts in a currency without a rate, and those currencies. */
  let batnaCurrencies!: BatnaCurrencyTally;
  let rows!: number;
  let failed!: number;
  let notProcessedRows!: NotProcessedRow[];
  let notProcessed!: number;
  /** Back to no row read. */
  const restart = (): void => {
    verdicts = Object.fromEntries(VERDICTS.map((v) => [v, { count: 0, value: 0 }])) as ScoreResult['verdicts'];
    verdictCents = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    findingCounts = new Map<FindingCode, number>();
    largest = [];
    failedRows = [];
    ids = new IdIndex();
    currencies = new Set<string>();
    batnaCurrencies = new BatnaCurrencyTally(options.currencyRates ?? null);
    rows = 0;
    failed = 0;
    notProcessedRows = [];
    notProcessed = 0;
  };
  restart();
  const deletedReason = messages.getMessage('row.Deleted');
  const withDeleted = header.present.has('IsDeleted');

  const fail = (r: { id: string | null; row: number; line: number }, problems: readonly RowProblem[]): void => {
    failed++;
    for (const p of problems) {
      const f: FailedRow = { id: r.id, row: r.row, line: r.line, column: p.column, value: p.value, message: p.message };
      if (failedRows.length < MAX_FAILED_IN_RESULT) failedRows.push(f);
      (failedWriter as CsvFileWriter).add(failedCells(f));
    }
  };

  // One row, synchronously: output goes to the writers' buffers, flushed once a chunk of the input.
  const scoreRow = (r: ExportRow): void => {
    rows++;
    if (withDeleted && isDeletedRow(r.values)) {
      notProcessed++;
      if (notProcessedRows.length < MAX_FAILED_IN_RESULT) {
        notProcessedRows.push({
          id: r.id === null ? null : detach(r.id),
          row: r.row,
          line: r.line,
          reason: deletedReason,
        });
      }
      return;
    }
    let problems: RowProblem[] | null = r.problems.length ? [...r.problems] : null;
    if (r.id === null) {
      if (problems === null || !problems.some((p) => p.column === 'Id')) {
        (problems ??= []).push({
          column: 'Id',
          value: r.values.Id ?? null,
          message: messages.getMessage('row.MissingId'),
        });
      }
    } else {
      const firstRow = ids.firstRowOf(r.id, r.row);
      if (firstRow !== undefined) {
        // The 15-character form of an Id is the same record as its 18-character form.
        const written = r.values.Id?.trim() ?? r.id;
        (problems ??= []).push({
          column: 'Id',
          value: written,
          message:
            written === r.id
              ? messages.getMessage('row.DuplicateId', [r.id, firstRow, r.row])
              : messages.getMessage('row.DuplicateId15', [r.id, firstRow, r.row, written]),
        });
      }
    }
    if (problems !== null) {
      fail(r, problems);
      return;
    }
    const values = prepare(r.values);
    const uptime = values.SLA_Uptime_Pct__c;
    if (uptime !== undefined && looksLikeFraction(uptime)) {
      fail(r, [
        {
          column: 'SLA_Uptime_Pct__c',
          value: uptime,
          message: messages.getMessage('row.PercentFraction', [uptime, Number(uptime) * 100]),
        },
      ]);
      return;
    }
    const read = readOpportunity(values);
    const pipelineRow =
      pipeline === null ? null : readPipelineRow(values, read.ok ? read.opportunity.amountCents : undefined);
    if (!read.ok || (pipelineRow !== null && pipelineRow.problems.length)) {
      const all: RowProblem[] = read.ok
        ? []
        : read.problems.map((p) => ({
            column: p.field,
            value: typeof p.value === 'string' ? p.value : String(p.value),
            message: messages.getMessage('row.InvalidValue', [p.field, p.message]),
          }));
      fail(r, [...all, ...(pipelineRow?.problems ?? [])].map(withLocaleHint));
      return;
    }
    const o = read.opportunity;
    const deal = pipeline === null || pipelineRow === null ? null : figuresFor(pipeline, pipelineRow.row, o.currency);
    if (deal !== null) batnaCurrencies.add(deal.leftOut);
    const score = scoreOpportunity(o, ranked, deal?.figures ?? null);
    (scored as CsvFileWriter).addLine(resultLine(r.id ?? '', score, options.scoredAt));

    verdicts[score.verdict].count++;
    verdictCents[score.verdict] += o.amountCents ?? 0;
    if (o.currency !== null && !currencies.has(o.currency)) currencies.add(detach(o.currency));
    for (const f of score.findings) findingCounts.set(f.code, (findingCounts.get(f.code) ?? 0) + 1);
    if (score.verdict === 'Walk Away' && o.amountCents !== null) {
      const main = score.findings.find((f) => f.effect === 'Walk Away');
      const smallest = largest[largest.length - 1];
      if (main !== undefined && (largest.length < TOP_WALK_AWAYS || (smallest && o.amountCents > smallest.cents))) {
        largest.push({
          id: r.id ?? '',
          name: r.values.Name?.trim() || null,
          amount: o.amountCents / 100,
          cents: o.amountCents,
          currency: o.currency,
          finding: main.code,
          reason: explainFinding(main, plainMoney(o.currency)),
        });
        largest.sort((a, b) => b.cents - a.cents);
        if (largest.length > TOP_WALK_AWAYS) largest.pop();
      }
    }
  };

  /** The scoring pass: every row of `rowsOf` scored into the two output files. */
  const scoreAll = async (rowsOf: ExportReader): Promise<void> => {
    const scoredOut = await openOutput(output, RESULT_COLUMNS);
    let failedOut: CsvFileWriter;
    try {
      failedOut = await openOutput(failedOutput, FAILED_COLUMNS);
    } catch (error) {
      await scoredOut.abort();
      throw error;
    }
    scored = scoredOut;
    failedWriter = failedOut;
    // The pipeline pass counted the rows: the Id table is made to size once, not grown.
    if (pipeline !== null) ids = new IdIndex(pipeline.rows);
    try {
      // After each chunk of the input: write the output once a megabyte of it is ready, report progress.
      await rowsOf.each(scoreRow, async () => {
        if (scoredOut.full) await scoredOut.flush();
        if (failedOut.full) await failedOut.flush();
        progress(passes - 1, rowsOf.bytesRead(), rows);
      });
      await scoredOut.close();
      await failedOut.close();
    } catch (error) {
      await scoredOut.abort();
      await failedOut.abort();
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
    );

  if (plain) {
    try {
      if (withBatna) {
        pipeline = await pipelinePass(source(PIPELINE_PASS_COLUMNS));
      }
      await scoreAll(source());
      reader.close();
    } catch (error) {
      if (!(error instanceof NotPlainFile) || options.testReader === 'bytes') {
        reader.close();
        throw error;
      }
      plain = false;
      restart();
    }
  }
  if (!plain) {
    if (withBatna) {
      pipeline = await pipelinePass(await openExport(file, options.read));
    }
    await scoreAll(reader);
  }
  options.onProgress?.(1, rows, 1);

  for (const v of VERDICTS) verdicts[v].value = verdictCents[v] / 100;
  if (currencies.size > 1) warn(messages.getMessage('warning.MixedCurrencies', [[...currencies].sort().join(', ')]));
  const order = (code: FindingCode): number => FINDING_CODES.indexOf(code);
  const topFindings = [...findingCounts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || order(a.code) - order(b.code));

  return {
    file,
    output,
    failedOutput,
    policyDir: loaded.dir,
    policies: ranked.map((p) => p.name),
    scoredAt: options.scoredAt,
    asOf: options.asOf,
    batna: withBatna,
    batnaCurrencies: batnaCurrencies.result(),
    reading: { ...reader.reading, locale: locale?.tag ?? null },
    rows,
    scored: rows - failed - notProcessed,
    failed,
    notProcessed,
    notProcessedRows,
    skippedLines: [...reader.skipped()],
    verdicts,
    largestWalkAways: largest.map((d) => ({
      id: d.id,
      name: d.name,
      amount: d.amount,
      currency: d.currency,
      finding: d.finding,
      reason: d.reason,
    })),
    topFindings,
    failedRows,
    warnings,
  };
}
