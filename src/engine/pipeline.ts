// The owner's pipeline figures that BATNA needs, aggregated from opportunity rows (an export or a
// bulk query). A qualified alternative: open, Probability >= 20, CloseDate within the quarter.
// The deal being judged is never its own alternative. Dates are ISO `YYYY-MM-DD` strings, and the
// quarter and "today" are given by the caller (the engine reads no clock).
import type { PipelineFigures } from './batna.js';
import type { Cents } from './money.js';

export const QUALIFIED_PROBABILITY = 20;

export type Quarter = { readonly start: string; readonly end: string; readonly today: string };

export type PipelineRow = {
  readonly ownerId: string;
  readonly amountCents: Cents | null;
  readonly probability: number | null;
  readonly closeDate: string | null;
  readonly isClosed: boolean;
  readonly isWon: boolean;
};

export type OwnerTotals = { alternatives: number; alternativesAmountCents: Cents; closedWonCents: Cents };

/** The calendar quarter that holds `today` (YYYY-MM-DD). */
export function calendarQuarter(today: string): Quarter {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}`, today };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// A quarter is a readonly value: its days to the end are computed once (two Date.parse calls), not
// once per deal; a scoring run asks with the same quarter for every deal.
let lastQuarter: Quarter | null = null;
let lastDaysToEnd = 0;

/** Days from the quarter's `today` to its last day, never negative. */
export function daysToQuarterEnd(q: Quarter): number {
  if (q !== lastQuarter) {
    lastDaysToEnd = Math.max(0, daysBetween(q.today, q.end));
    lastQuarter = q;
  }
  return lastDaysToEnd;
}

const inQuarter = (date: string | null, q: Quarter): boolean => date !== null && date >= q.start && date <= q.end;

export function isQualifiedAlternative(row: PipelineRow, q: Quarter): boolean {
  return !row.isClosed && (row.probability ?? 0) >= QUALIFIED_PROBABILITY && inQuarter(row.closeDate, q);
}

/**
 * Adds one row to its owner's totals (or to the totals under `key`: the offline reader keeps an
 * owner's currencies apart). Call for every row of the export or query.
 */
/** Adds `from` (an owner's totals over other rows, in the same currency) into `into`. */
export function addOwnerTotals(into: OwnerTotals, from: OwnerTotals): void {
  into.alternatives += from.alternatives;
  into.alternativesAmountCents += from.alternativesAmountCents;
  into.closedWonCents += from.closedWonCents;
}

export function addToPipeline(
  totals: Map<string, OwnerTotals>,
  row: PipelineRow,
  q: Quarter,
  key: string = row.ownerId,
): void {
  let t = totals.get(key);
  if (t === undefined) {
    t = { alternatives: 0, alternativesAmountCents: 0, closedWonCents: 0 };
    totals.set(key, t);
  }
  if (isQualifiedAlternative(row, q)) {
    t.alternatives += 1;
    t.alternativesAmountCents += row.amountCents ?? 0;
  } else if (row.isWon && inQuarter(row.closeDate, q)) {
    t.closedWonCents += row.amountCents ?? 0;
  }
}

/** The figures for one deal: its owner's totals less the deal itself, with the owner's quota. */
export function pipelineFor(
  totals: OwnerTotals | undefined,
  deal: PipelineRow,
  quotaCents: Cents | null,
  q: Quarter,
): PipelineFigures | null {
  if (totals === undefined) return null;
  const self = isQualifiedAlternative(deal, q);
  return {
    alternatives: totals.alternatives - (self ? 1 : 0),
    alternativesAmountCents: totals.alternativesAmountCents - (self ? (deal.amountCents ?? 0) : 0),
    closedWonCents: totals.closedWonCents,
    quotaCents,
    daysToQuarterEnd: daysToQuarterEnd(q),
  };
}
