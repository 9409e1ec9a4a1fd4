// The owners' pipeline figures for BATNA, in three requests whatever the org's size: the current
// quarter (Period, else the calendar quarter), Closed Won this quarter by one aggregate query
// grouped by owner, and the quotas by one User query. Open alternatives come from the bulk rows.
import type { Connection } from '@salesforce/core';
import {
  addToPipeline,
  calendarQuarter,
  numberToCents,
  parseBoolean,
  parseCents,
  type Cents,
  type OwnerTotals,
  type PipelineRow,
  type Quarter,
} from '../engine/index.js';
import { toCorporate, type Rates } from './currency.js';
import { ApiError } from './errors.js';
import { dateLiteral, queryAll } from './soql.js';

export type QuarterSource = 'Period' | 'calendar';

/** The fiscal quarter holding `today` from Period, or the calendar quarter when the org has none. */
export async function currentQuarter(
  conn: Connection,
  today: string,
): Promise<{ quarter: Quarter; source: QuarterSource }> {
  const d = dateLiteral(today);
  try {
    const periods = await queryAll<{ StartDate: string; EndDate: string }>(
      conn,
      `SELECT StartDate, EndDate FROM Period WHERE Type = 'Quarter' AND StartDate <= ${d} AND EndDate >= ${d} LIMIT 1`,
    );
    const p = periods[0];
    if (p) return { quarter: { start: p.StartDate, end: p.EndDate, today }, source: 'Period' };
  } catch (error) {
    if (
      !(error instanceof ApiError) ||
      !['INVALID_TYPE', 'INSUFFICIENT_ACCESS', 'INVALID_FIELD'].includes(error.errorCode)
    ) {
      throw error;
    }
  }
  return { quarter: calendarQuarter(today), source: 'calendar' };
}

const cents = (v: unknown): Cents | null => {
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'number' ? (numberToCents(v) ?? null) : (parseCents(String(v)) ?? null);
};

export async function closedWonByOwner(conn: Connection, q: Quarter): Promise<Map<string, Cents>> {
  const rows = await queryAll<{ OwnerId: string; amount: number | null }>(
    conn,
    `SELECT OwnerId, SUM(Amount) amount FROM Opportunity WHERE IsWon = true AND CloseDate >= ${dateLiteral(q.start)} AND CloseDate <= ${dateLiteral(q.end)} GROUP BY OwnerId`,
  );
  return new Map(rows.map((r) => [r.OwnerId, cents(r.amount) ?? 0]));
}

export async function quotasByOwner(conn: Connection): Promise<Map<string, Cents>> {
  const rows = await queryAll<{ Id: string; Walk_Away_Quarterly_Quota__c: number | null }>(
    conn,
    'SELECT Id, Walk_Away_Quarterly_Quota__c FROM User WHERE Walk_Away_Quarterly_Quota__c != null',
  );
  const out = new Map<string, Cents>();
  for (const r of rows) {
    const c = cents(r.Walk_Away_Quarterly_Quota__c);
    if (c !== null) out.set(r.Id, c);
  }
  return out;
}

const truthy = (v: unknown): boolean => parseBoolean(v) === true;

/**
 * A bulk row (CSV strings) as the engine's pipeline row; with the org's rates (multi-currency), its
 * Amount in the corporate currency (null when the org has no rate for the row's currency).
 */
export function pipelineRow(row: Readonly<Record<string, unknown>>, rates: Rates | null = null): PipelineRow {
  const probability = row.Probability === '' || row.Probability == null ? null : Number(row.Probability);
  const closeDate = row.CloseDate ? String(row.CloseDate).slice(0, 10) : null;
  const amount = cents(row.Amount);
  const currency = typeof row.CurrencyIsoCode === 'string' && row.CurrencyIsoCode !== '' ? row.CurrencyIsoCode : null;
  return {
    ownerId: String(row.OwnerId ?? ''),
    amountCents: amount === null || rates === null ? amount : (toCorporate(rates, amount, currency, closeDate) ?? null),
    probability: probability !== null && Number.isFinite(probability) ? probability : null,
    closeDate,
    isClosed: truthy(row.IsClosed),
    isWon: truthy(row.IsWon),
  };
}

/** Owner totals: open alternatives from the rows, Closed Won from the aggregate. */
export function ownerTotals(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  closedWon: ReadonlyMap<string, Cents>,
  q: Quarter,
  rates: Rates | null = null,
): Map<string, OwnerTotals> {
  const totals = new Map<string, OwnerTotals>();
  for (const row of rows) addToPipeline(totals, pipelineRow(row, rates), q);
  for (const [owner, won] of closedWon) {
    const t = totals.get(owner);
    if (t) t.closedWonCents = won;
    else totals.set(owner, { alternatives: 0, alternativesAmountCents: 0, closedWonCents: won });
  }
  return totals;
}
