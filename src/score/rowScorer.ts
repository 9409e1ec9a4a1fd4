// The rows of an export scored one by one (`walkaway score --file`): each row checked (deleted, no
// Id, a duplicate Id, cells the engine cannot read), scored by the engine into the scored file or
// written to the failed-rows file, and the run's tallies kept for the summary. One scorer per run,
// or one per half of the file when two processes score it (src/score/split/): two halves' tallies
// merge into what one scorer would have counted over the whole file.
import {
  FINDING_CODES,
  VERDICTS,
  explainFinding,
  plainMoney,
  readOpportunity,
  scoreOpportunity,
  type FindingCode,
  type Opportunity,
  type PipelineRow,
  type Policy,
  type Verdict,
} from '../engine/index.js';
import { isDeletedRow } from '../io/export/columns.js';
import { looksLikeFraction, looksLocalized, type CellLocale } from '../io/export/locale.js';
import { cellText, type OnPlainRecord, type PlainRecord } from '../io/export/plainRecord.js';
import type { ExportRow, RowProblem } from '../io/export/types.js';
import { failedCells, type CsvFileWriter } from '../io/resultWriter.js';
import { SCORED_LINE_ROOM, ScoredLineEncoder } from '../io/scoredLine.js';
import { BatnaCurrencyTally, mergeBatnaCurrencies } from './batnaCurrencies.js';
import { idAsWritten } from './idCell.js';
import { IdIndex, type SeenIds } from './idIndex.js';
import { OpportunityCells } from './opportunityCells.js';
import { PipelineCells } from './pipelineCells.js';
import { messages } from './messages.js';
import { detach, figuresFor, readPipelineRow, type Pipeline, type RatesFile } from './pipeline.js';
import type { BatnaCurrencies, FailedRow, NotProcessedRow, ScoreResult, WalkAwayDeal } from './result.js';

export const MAX_FAILED_IN_RESULT = 1000;
const TOP_WALK_AWAYS = 5;

/** What every row of a run is scored with. */
export type ScoringContext = {
  /** The active policies, ranked (engine rankPolicies). */
  readonly ranked: readonly Policy[];
  /** ISO 8601 UTC timestamp of the run, written to every scored row. */
  readonly scoredAt: string;
  /** The export has an IsDeleted column. */
  readonly withDeleted: boolean;
  /** Each row's cells as the engine reads them (engineCells). */
  readonly prepare: (values: Readonly<Record<string, string>>) => Readonly<Record<string, string>>;
  readonly locale: CellLocale | undefined;
  /** `prepare` changes nothing (no report labels, no --locale): plain records may be read from their bytes. */
  readonly asWritten: boolean;
  readonly currencyRates: RatesFile | null;
};

/** A walk-away deal among the largest, with its Amount in cents (the order they are ranked by). */
export type LargeWalkAway = WalkAwayDeal & { cents: number };

/** What a scorer counted: plain data (structured-clonable: a second process sends it back). */
export type Tallies = {
  rows: number;
  failed: number;
  notProcessed: number;
  verdictCounts: Record<Verdict, number>;
  verdictCents: Record<Verdict, number>;
  findingCounts: Map<FindingCode, number>;
  /** The largest walk-aways, by cents then row (ties: the earlier row first). */
  largest: LargeWalkAway[];
  /** The first failed rows (at most MAX_FAILED_IN_RESULT), in row order. */
  failedRows: FailedRow[];
  notProcessedRows: NotProcessedRow[];
  /** The currencies of the scored deals. */
  currencies: Set<string>;
  batnaCurrencies: BatnaCurrencies;
};

export type RowScorer = {
  /** Scores one row, synchronously, into the writers' buffers. */
  readonly scoreRow: (r: ExportRow) => void;
  /** The byte reader's plain records (when the cells are read as written): scored from their bytes, or false. */
  readonly scorePlain: OnPlainRecord | undefined;
  /** BATNA's owner totals, once the pipeline pass is over (null: no BATNA); the Id table is sized for its rows. */
  usePipeline(pipeline: Pipeline | null): void;
  /** Where scored rows and failed rows go. */
  useWriters(scored: CsvFileWriter, failed: CsvFileWriter): void;
  /**
   * Where each row's Id was first seen, when a first pass found it (a split run's part:
   * DuplicateRows); by default, the Ids are recorded in a table as the rows are scored.
   */
  useIds(ids: SeenIds): void;
  /** Rows scored so far. */
  rowCount(): number;
  tallies(): Tallies;
};

/** A scorer with nothing counted yet. */
export function rowScorer(context: ScoringContext): RowScorer {
  const { ranked, prepare, withDeleted, locale } = context;
  let pipeline: Pipeline | null = null;
  let scored: CsvFileWriter | null = null;
  let failedWriter: CsvFileWriter | null = null;

  const verdictCounts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const verdictCents = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const findingCounts = new Map<FindingCode, number>();
  const largest: LargeWalkAway[] = [];
  const failedRows: FailedRow[] = [];
  /** The Ids seen, and the row each was first seen on (made on first use: sized for the pipeline's rows). */
  let ids: SeenIds | null = null;
  const idTable = (): SeenIds => (ids ??= new IdIndex(pipeline?.rows ?? 0));
  const currencies = new Set<string>();
  /** BATNA: deals whose owner's pipeline had amounts in a currency without a rate, and those currencies. */
  const batnaCurrencies = new BatnaCurrencyTally(context.currencyRates);
  let rows = 0;
  let failed = 0;
  const notProcessedRows: NotProcessedRow[] = [];
  let notProcessed = 0;
  const deletedReason = messages.getMessage('row.Deleted');
  const lines = new ScoredLineEncoder(context.scoredAt);

  /** Without --locale, a value only a locale could read names --locale. */
  const withLocaleHint = (p: RowProblem): RowProblem =>
    locale === undefined && p.value !== null && looksLocalized(p.value)
      ? { ...p, message: `${p.message} ${messages.getMessage('row.LocaleHint')}` }
      : p;

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
      const firstRow = idTable().firstRowOf(r.id, r.row);
      if (firstRow !== undefined && firstRow !== r.row) {
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
    const entry = scoreDeal(r.id ?? '', read.opportunity, pipelineRow?.row ?? null);
    if (entry !== null) entry.name = r.values.Name?.trim() || null;
  };

  /**
   * A deal read without a problem: scored, written and counted. Returns its entry when it is now
   * among the largest walk-aways, for the caller to give it the deal's Name.
   */
  const scoreDeal = (id: string, o: Opportunity, row: PipelineRow | null): LargeWalkAway | null => {
    const deal = pipeline === null ? null : figuresFor(pipeline, row, o.currency);
    if (deal !== null) batnaCurrencies.add(deal.leftOut);
    const score = scoreOpportunity(o, ranked, deal?.figures ?? null);
    const out = scored as CsvFileWriter;
    out.commit(lines.write(out.claim(SCORED_LINE_ROOM), out.offset, id, score));

    verdictCounts[score.verdict]++;
    verdictCents[score.verdict] += o.amountCents ?? 0;
    if (o.currency !== null && !currencies.has(o.currency)) currencies.add(detach(o.currency));
    for (const f of score.findings) findingCounts.set(f.code, (findingCounts.get(f.code) ?? 0) + 1);
    if (score.verdict !== 'Walk Away' || o.amountCents === null) return null;
    const main = score.findings.find((f) => f.effect === 'Walk Away');
    const smallest = largest[largest.length - 1];
    if (main === undefined || (largest.length >= TOP_WALK_AWAYS && !(smallest && o.amountCents > smallest.cents))) {
      return null;
    }
    const entry: LargeWalkAway = {
      id,
      name: null,
      amount: o.amountCents / 100,
      cents: o.amountCents,
      currency: o.currency,
      finding: main.code,
      reason: explainFinding(main, plainMoney(o.currency)),
    };
    largest.push(entry);
    largest.sort((a, b) => b.cents - a.cents);
    if (largest.length > TOP_WALK_AWAYS) largest.pop();
    return largest.includes(entry) ? entry : null;
  };

  // A plain record read from its bytes (the engine reads its cells as written): the same checks and
  // the same opportunity as scoreRow, or false to have it read as an ExportRow by scoreRow.
  let cells: { opportunity: OpportunityCells; pipeline: PipelineCells; idAt: number; nameAt: number } | null = null;
  const scorePlain = (p: PlainRecord): boolean => {
    if (cells === null || cells.opportunity.columns !== p.columns) {
      cells = {
        opportunity: new OpportunityCells(p.columns),
        pipeline: new PipelineCells(p.columns),
        idAt: p.columns.indexOf('Id'),
        nameAt: p.columns.indexOf('Name'),
      };
    }
    const c = cells;
    if (withDeleted && c.pipeline.isDeleted(p) !== false) return false;
    if (!idAsWritten(p, c.idAt)) return false;
    const idStart = p.starts[c.idAt] as number;
    const idEnd = p.ends[c.idAt] as number;
    const id = cellText(p, c.idAt);
    const o = c.opportunity.read(p, id);
    if (o === undefined) return false;
    let row: PipelineRow | null = null;
    if (pipeline !== null) {
      const read = c.pipeline.row(p, o.amountCents);
      if (read === undefined) return false;
      row = read;
    }
    // A duplicate Id is reported by scoreRow (its message); a new one is recorded here.
    const firstRow = idTable().firstRowOfBytes(p.bytes, idStart, idEnd, p.row);
    if (firstRow !== undefined && firstRow !== p.row) return false;
    rows++;
    const entry = scoreDeal(id, o, row);
    if (entry !== null && c.nameAt !== -1) {
      // Kept for the summary: a copy, not a slice of the chunk's text.
      entry.name = detach(cellText(p, c.nameAt).trim()) || null;
    }
    return true;
  };

  return {
    scoreRow,
    scorePlain: context.asWritten ? scorePlain : undefined,
    usePipeline: (p) => {
      // The pipeline pass counted the rows: the Id table is made to size once, not grown.
      pipeline = p;
    },
    useWriters: (s, f) => {
      scored = s;
      failedWriter = f;
    },
    useIds: (known) => {
      ids = known;
    },
    rowCount: () => rows,
    tallies: () => ({
      rows,
      failed,
      notProcessed,
      verdictCounts,
      verdictCents,
      findingCounts,
      largest,
      failedRows,
      notProcessedRows,
      currencies,
      batnaCurrencies: batnaCurrencies.result(),
    }),
  };
}

/**
 * The tallies of two consecutive parts of one file (`first`'s rows all before `second`'s), as one
 * scorer would have counted them over both.
 */
export function mergeTallies(first: Tallies, second: Tallies): Tallies {
  const sum = (a: Record<Verdict, number>, b: Record<Verdict, number>): Record<Verdict, number> =>
    Object.fromEntries(VERDICTS.map((v) => [v, a[v] + b[v]])) as Record<Verdict, number>;
  const findingCounts = new Map(first.findingCounts);
  for (const [code, n] of second.findingCounts) findingCounts.set(code, (findingCounts.get(code) ?? 0) + n);
  // The scorer keeps the first TOP_WALK_AWAYS by cents, the earlier row first among equal cents:
  // a stable sort of the first part's then the second's gives the same.
  const largest = [...first.largest, ...second.largest].sort((a, b) => b.cents - a.cents).slice(0, TOP_WALK_AWAYS);
  return {
    rows: first.rows + second.rows,
    failed: first.failed + second.failed,
    notProcessed: first.notProcessed + second.notProcessed,
    verdictCounts: sum(first.verdictCounts, second.verdictCounts),
    verdictCents: sum(first.verdictCents, second.verdictCents),
    findingCounts,
    largest,
    failedRows: [...first.failedRows, ...second.failedRows].slice(0, MAX_FAILED_IN_RESULT),
    notProcessedRows: [...first.notProcessedRows, ...second.notProcessedRows].slice(0, MAX_FAILED_IN_RESULT),
    currencies: new Set([...first.currencies, ...second.currencies]),
    batnaCurrencies: mergeBatnaCurrencies(first.batnaCurrencies, second.batnaCurrencies),
  };
}

/** The summary's counts from a run's tallies: what ScoreResult shows of them. */
export function summaryOf(
  t: Tallies,
): Pick<
  ScoreResult,
  | 'rows'
  | 'scored'
  | 'failed'
  | 'notProcessed'
  | 'notProcessedRows'
  | 'verdicts'
  | 'largestWalkAways'
  | 'topFindings'
  | 'failedRows'
  | 'batnaCurrencies'
> & { mixedCurrencies: string[] | null } {
  const verdicts = Object.fromEntries(
    VERDICTS.map((v) => [v, { count: t.verdictCounts[v], value: t.verdictCents[v] / 100 }]),
  ) as ScoreResult['verdicts'];
  const order = (code: FindingCode): number => FINDING_CODES.indexOf(code);
  const topFindings = [...t.findingCounts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || order(a.code) - order(b.code));
  return {
    rows: t.rows,
    scored: t.rows - t.failed - t.notProcessed,
    failed: t.failed,
    notProcessed: t.notProcessed,
    notProcessedRows: t.notProcessedRows,
    verdicts,
    largestWalkAways: t.largest.map((d) => ({
      id: d.id,
      name: d.name,
      amount: d.amount,
      currency: d.currency,
      finding: d.finding,
      reason: d.reason,
    })),
    topFindings,
    failedRows: t.failedRows,
    batnaCurrencies: t.batnaCurrencies,
    mixedCurrencies: t.currencies.size > 1 ? [...t.currencies].sort() : null,
  };
}
