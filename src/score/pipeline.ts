// BATNA from the export itself: when it has OwnerId, CloseDate, Probability, IsClosed and IsWon,
// a first pass adds every row to its owner's pipeline (engine addToPipeline), and the scoring pass
// asks for each deal's figures (engine pipelineFor). Memory grows with the number of owners only.
import {
  addToPipeline,
  calendarQuarter,
  parseCents,
  pipelineFor,
  type Cents,
  type OwnerTotals,
  type PipelineFigures,
  type PipelineRow,
  type Quarter,
} from '../engine/index.js';
import type { RowProblem } from '../io/exportReader.js';
import { QUOTA_COLUMN, type ExportReader } from '../io/exportReader.js';
import { messages } from './messages.js';

export type Pipeline = {
  readonly quarter: Quarter;
  readonly totals: Map<string, OwnerTotals>;
  readonly quotas: Map<string, Cents>;
};

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function flag(v: string | undefined): boolean | undefined {
  if (blank(v)) return false;
  const s = (v ?? '').trim().toLowerCase();
  if (s === 'true' || s === '1' || s === 'yes') return true;
  if (s === 'false' || s === '0' || s === 'no') return false;
  return undefined;
}

/** The pipeline view of one row, with the cells that cannot be read. */
export function readPipelineRow(values: Readonly<Record<string, string>>): {
  row: PipelineRow | null;
  quotaCents: Cents | null;
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const bad = (column: string, key: string): void => {
    problems.push({ column, value: values[column] ?? null, message: messages.getMessage(key, [column]) });
  };
  const ownerId = (values.OwnerId ?? '').trim();

  const amountText = values.Amount;
  const parsedAmount = blank(amountText) ? null : parseCents(amountText ?? '');

  let probability: number | null = null;
  const p = values.Probability;
  if (!blank(p)) {
    const n = Number((p ?? '').trim().replace(/%$/, ''));
    if (Number.isFinite(n) && /\d/.test(p ?? '')) probability = n;
    else bad('Probability', 'row.NotANumber');
  }
  let closeDate: string | null = null;
  const d = values.CloseDate;
  if (!blank(d)) {
    const m = DATE.exec((d ?? '').trim());
    if (m?.[1] !== undefined && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) closeDate = m[1];
    else bad('CloseDate', 'row.NotADate');
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

/** First pass: every owner's totals for the quarter holding `asOf`, and their quotas. */
export async function buildPipeline(
  reader: ExportReader,
  asOf: string,
  /** Called after each chunk of the file with the rows read so far. */
  onProgress: (rows: number) => void = () => {},
): Promise<Pipeline> {
  const quarter = calendarQuarter(asOf);
  const totals = new Map<string, OwnerTotals>();
  const quotas = new Map<string, Cents>();
  let n = 0;
  await reader.each(
    (r) => {
      n++;
      if (r.problems.length === 0) {
        const { row, quotaCents, problems } = readPipelineRow(r.values);
        if (row !== null && problems.length === 0) {
          // A cell's text is a slice of a whole chunk of the file: a key kept for the run is copied,
          // so that the maps do not keep every chunk that introduced an owner alive.
          const owner = totals.has(row.ownerId) ? row : { ...row, ownerId: detach(row.ownerId) };
          addToPipeline(totals, owner, quarter);
          if (quotaCents !== null && !quotas.has(owner.ownerId)) quotas.set(owner.ownerId, quotaCents);
        }
      }
    },
    () => onProgress(n),
  );
  return { quarter, totals, quotas };
}

export function figuresFor(pipeline: Pipeline, row: PipelineRow | null): PipelineFigures | null {
  if (row === null) return null;
  return pipelineFor(pipeline.totals.get(row.ownerId), row, pipeline.quotas.get(row.ownerId) ?? null, pipeline.quarter);
}
