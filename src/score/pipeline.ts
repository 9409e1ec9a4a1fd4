// BATNA from the export itself: when it has OwnerId, CloseDate, Probability, IsClosed and IsWon,
// a first pass adds every row to its owner's pipeline (engine addToPipeline), and the scoring pass
// asks for each deal's figures (engine pipelineFor). Memory grows with the number of owners only.
import {
  addToPipeline,
  calendarQuarter,
  convertCents,
  currencyKey,
  isQualifiedAlternative,
  totalsIn,
  type CurrencyRates,
  parseBoolean,
  parseCents,
  pipelineFor,
  type Cents,
  type OwnerTotals,
  type PipelineFigures,
  type PipelineRow,
  type Quarter,
} from '../engine/index.js';
import type { RowProblem } from '../io/export/index.js';
import { QUOTA_COLUMN, isDeletedRow, type ExportReader } from '../io/export/index.js';
import { closeDateIn } from './closeDate.js';
import { messages } from './messages.js';
import { PipelineCells } from './pipelineCells.js';

/** The --currency-rates file: ConversionRate by currency, and the corporate currency (rate 1). */
export type RatesFile = { readonly rates: CurrencyRates; readonly corporate: string };

export type Pipeline = {
  readonly quarter: Quarter;
  /** By owner, then by currency (upper case; '' for a row without one): amounts never mixed. */
  readonly totals: Map<string, Map<string, OwnerTotals>>;
  readonly quotas: Map<string, Cents>;
  readonly rates: RatesFile | null;
  /** Rows the pass read. */
  readonly rows: number;
};

/** One deal's pipeline figures, and the currencies whose amounts were left out (no rate). */
export type DealFigures = { readonly figures: PipelineFigures | null; readonly leftOut: readonly string[] };

const NO_PROBLEMS = Object.freeze([]) as unknown as RowProblem[];

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

/** 1 to 15 digits and nothing else: a Probability read as Number reads it, with no other checks. */
function isDigits(v: string): boolean {
  const n = v.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function flag(v: string | undefined): boolean | undefined {
  // The spellings exports use, first; then the engine's one reading of a checkbox.
  if (v === 'false' || v === '') return false;
  if (v === 'true') return true;
  return parseBoolean(v);
}

/** CloseDate text -> its YYYY-MM-DD, or null when it is not a date. Exports repeat dates: cached. */
const closeDates = new Map<string, string | null>();
function closeDateOf(d: string): string | null {
  const known = closeDates.get(d);
  if (known !== undefined) return known;
  const date = closeDateIn(d);
  if (closeDates.size >= 100_000) closeDates.clear();
  // Cells are slices of a whole chunk of the file: the cache keeps copies, not the chunk.
  closeDates.set(detach(d), date === null ? null : detach(date));
  return date;
}

function problem(values: Readonly<Record<string, string>>, column: string, key: string): RowProblem {
  return { column, value: values[column] ?? null, message: messages.getMessage(key, [column]) };
}

/**
 * The pipeline view of one row, with the cells that cannot be read. `amountCents`, when given, is
 * the row's Amount as readOpportunity already read it (then it is not parsed again).
 */
export function readPipelineRow(
  values: Readonly<Record<string, string>>,
  amountCents?: Cents | null,
): {
  row: PipelineRow | null;
  quotaCents: Cents | null;
  problems: RowProblem[];
} {
  let problems = NO_PROBLEMS;
  const bad = (column: string, key: string): void => {
    if (problems === NO_PROBLEMS) problems = [];
    problems.push(problem(values, column, key));
  };
  const ownerId = (values.OwnerId ?? '').trim();

  const amountText = values.Amount;
  const parsedAmount =
    amountCents !== undefined ? amountCents : blank(amountText) ? null : parseCents(amountText ?? '');

  let probability: number | null = null;
  const p = values.Probability;
  if (p !== undefined && isDigits(p)) probability = Number(p);
  else if (!blank(p)) {
    const t = (p ?? '').trim();
    const n = Number(t.endsWith('%') ? t.slice(0, -1) : t);
    if (Number.isFinite(n) && /\d/.test(p ?? '')) probability = n;
    else bad('Probability', 'row.NotANumber');
  }
  let closeDate: string | null = null;
  const d = values.CloseDate;
  if (!blank(d)) {
    closeDate = closeDateOf(d ?? '');
    if (closeDate === null) bad('CloseDate', 'row.NotADate');
  }
  const isClosed = flag(values.IsClosed);
  if (isClosed === undefined) bad('IsClosed', 'row.NotABoolean');
  const isWon = flag(values.IsWon);
  if (isWon === undefined) bad('IsWon', 'row.NotABoolean');

  let quotaCents: Cents | null = null;
  const q = values[QUOTA_COLUMN];
  if (!blank(q)) {
    const c = parseCents(q ?? '');
    if (c === undefined || c < 0) bad(QUOTA_COLUMN, 'row.NotAnAmount');
    else quotaCents = c;
  }
  // A row without an owner, or whose Amount cannot be read (it fails when scored), is no alternative.
  const row: PipelineRow | null =
    ownerId === '' || parsedAmount === undefined
      ? null
      : {
          ownerId,
          amountCents: parsedAmount,
          probability,
          closeDate,
          isClosed: isClosed ?? false,
          isWon: isWon ?? false,
        };
  return { row, quotaCents, problems };
}

/** A copy of `text` that does not share the memory of the (much larger) string it was cut from. */
export const detach = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** First pass: every owner's totals for the quarter holding `asOf`, by currency, and their quotas. */
export async function buildPipeline(
  reader: ExportReader,
  asOf: string,
  /** Called after each chunk of the file with the rows read so far. */
  onProgress: (rows: number) => void = () => {},
  /** The cells as the engine reads them (--locale). */
  prepare: (values: Readonly<Record<string, string>>) => Readonly<Record<string, string>> = (v) => v,
  rates: RatesFile | null = null,
  /** The engine reads the cells as written (`prepare` changes nothing): plain records are read from their bytes. */
  asWritten = false,
): Promise<Pipeline> {
  const quarter = calendarQuarter(asOf);
  const totals = new Map<string, Map<string, OwnerTotals>>();
  const quotas = new Map<string, Cents>();
  let n = 0;
  const add = (row: PipelineRow, currency: string, quotaCents: Cents | null): void => {
    // A cell's text is a slice of a whole chunk of the file: a key kept for the run is copied,
    // so that the maps do not keep every chunk that introduced an owner alive.
    let byCurrency = totals.get(row.ownerId);
    const owner = byCurrency !== undefined ? row.ownerId : detach(row.ownerId);
    if (byCurrency === undefined) {
      byCurrency = new Map();
      totals.set(owner, byCurrency);
    }
    addToPipeline(byCurrency, row, quarter, byCurrency.has(currency) ? currency : detach(currency));
    if (quotaCents !== null && !quotas.has(owner)) quotas.set(owner, quotaCents);
  };
  let cells: PipelineCells | null = null;
  await reader.each(
    (r) => {
      n++;
      // A deleted record (IsDeleted true in an "Export all" file) is no alternative.
      if (r.problems.length === 0 && !isDeletedRow(r.values)) {
        const values = prepare(r.values);
        const { row, quotaCents, problems } = readPipelineRow(values);
        if (row !== null && problems.length === 0) add(row, currencyKey(values.CurrencyIsoCode), quotaCents);
      }
    },
    () => onProgress(n),
    asWritten
      ? (r) => {
          if (cells?.columns !== r.columns) cells = new PipelineCells(r.columns);
          const deleted = cells.isDeleted(r);
          if (deleted === undefined) return false;
          if (!deleted) {
            const row = cells.row(r);
            if (row === undefined) return false;
            // No quota here: a record with one is read as text.
            if (row !== null) add(row, cells.currencyOf(r), null);
          }
          n++;
          return true;
        }
      : undefined,
  );
  return { quarter, totals, quotas, rates, rows: n };
}

/** An owner's totals in one deal currency: what every deal of that owner in that currency shares. */
type OwnerInCurrency = {
  readonly totals: OwnerTotals;
  readonly leftOut: readonly string[];
  readonly quotaCents: Cents | null;
  /** The figures of a deal that is not itself one of the owner's alternatives (the same for all). */
  readonly others: DealFigures;
};

/**
 * Per pipeline, by owner and then by the deal's currency as written: computed on the first deal and
 * reused (the totals do not change once the pipeline pass is over), not converted again per deal.
 */
const byOwnerCache = new WeakMap<Pipeline, Map<string, Map<string, OwnerInCurrency>>>();

function ownerInCurrency(
  pipeline: Pipeline,
  ownerId: string,
  byCurrency: Map<string, OwnerTotals>,
  currency: string | null,
): OwnerInCurrency {
  let owners = byOwnerCache.get(pipeline);
  if (owners === undefined) {
    owners = new Map();
    byOwnerCache.set(pipeline, owners);
  }
  let currencies = owners.get(ownerId);
  if (currencies === undefined) {
    currencies = new Map();
    owners.set(detach(ownerId), currencies);
  }
  const key = currency ?? '';
  let known = currencies.get(key);
  if (known === undefined) {
    const rates = pipeline.rates;
    const { totals, leftOut } = totalsIn(byCurrency, currency, rates?.rates ?? null);
    const quota = pipeline.quotas.get(ownerId) ?? null;
    const quotaCents =
      quota === null || rates === null ? quota : (convertCents(quota, rates.corporate, currency, rates.rates) ?? null);
    const others: DealFigures = {
      figures: pipelineFor(totals, OTHER_DEAL, quotaCents, pipeline.quarter),
      leftOut,
    };
    known = { totals, leftOut, quotaCents, others };
    currencies.set(detach(key), known);
  }
  return known;
}

/** A deal that is not an alternative (closed): its owner's totals are taken whole. */
const OTHER_DEAL: PipelineRow = Object.freeze({
  ownerId: '',
  amountCents: null,
  probability: null,
  closeDate: null,
  isClosed: true,
  isWon: false,
});

/**
 * The figures for one deal, in the deal's currency: the owner's other currencies converted with the
 * rates file, or their amounts left out without one. The quota is in the corporate currency when a
 * rates file is given, else taken to be in the deal's currency (an export does not say).
 */
export function figuresFor(pipeline: Pipeline, row: PipelineRow | null, currency: string | null): DealFigures {
  if (row === null) return NO_FIGURES;
  const byCurrency = pipeline.totals.get(row.ownerId);
  if (byCurrency === undefined) return NO_FIGURES;
  const owner = ownerInCurrency(pipeline, row.ownerId, byCurrency, currency);
  if (!isQualifiedAlternative(row, pipeline.quarter)) return owner.others;
  return {
    figures: pipelineFor(owner.totals, row, owner.quotaCents, pipeline.quarter),
    leftOut: owner.leftOut,
  };
}

const NO_FIGURES: DealFigures = Object.freeze({ figures: null, leftOut: Object.freeze([]) as readonly string[] });
