// Everything a run reads from the org, in a fixed, small number of requests: /limits, the
// Opportunity describe, the active policies, the quarter, the open opportunities (one Bulk API
// 2.0 query job, every page), Closed Won by owner (one aggregate) and the quotas (one query).
import type { Connection } from '@salesforce/core';
import {
  convertAtRates,
  pipelineFor,
  type OwnerTotals,
  type PipelineFigures,
  type Policy,
  type Quarter,
} from '../engine/index.js';
import { bulkQuery, type CsvRow } from './bulkQuery.js';
import { instant } from './changedSinceRead.js';
import { corporateRate, readRates, type Rates } from './currency.js';
import { OrgError } from './errors.js';
import { opportunityFields, REQUIRED_FIELDS } from './fields.js';
import { callJson } from './http.js';
import { checkLimits, type Shortage } from './limits.js';
import {
  closedWonByOwner,
  currentQuarter,
  ownerTotals,
  pipelineRow,
  quotasByOwner,
  type QuarterSource,
} from './pipeline.js';
import type { PollOptions } from './poll.js';
import { readOrgPolicies } from './policies.js';
import { fieldList } from './soql.js';

export type Snapshot = {
  readonly policies: Policy[];
  readonly rows: CsvRow[];
  readonly quarter: Quarter;
  readonly quarterSource: QuarterSource;
  readonly totals: Map<string, OwnerTotals>;
  readonly quotas: Map<string, number>;
  readonly queryJobId: string;
  /** When the read started, on the org's clock (the query job's createdDate), in ms. */
  readonly readStartedAt: number;
  readonly pages: number;
  readonly shortages: Shortage[];
  /** The org's rates in a multi-currency org (every pipeline amount in the corporate currency); else null. */
  readonly rates: Rates | null;
  /** /limits refused (no View Setup): why; the run went on without the check. */
  readonly limitsUnreadable: string | null;
};

/**
 * The BATNA figures for one open opportunity of the snapshot: its owner's totals less the deal
 * itself. In a multi-currency org the totals are summed in the corporate currency; they are given
 * back in the deal's own currency (its rate on its CloseDate, as the org converts its Amount), so
 * that the deal's Amount is compared with its owner's quota and pipeline in one currency, as offline.
 */
export function pipelineOf(
  snapshot: Pick<Snapshot, 'quarter' | 'totals' | 'quotas'> & { readonly rates?: Rates | null },
  row: Readonly<Record<string, unknown>>,
): PipelineFigures | null {
  const rates = snapshot.rates ?? null;
  const deal = pipelineRow(row, rates);
  const figures = pipelineFor(
    snapshot.totals.get(deal.ownerId),
    deal,
    snapshot.quotas.get(deal.ownerId) ?? null,
    snapshot.quarter,
  );
  const currency = typeof row.CurrencyIsoCode === 'string' ? row.CurrencyIsoCode : null;
  return figures === null || rates === null ? figures : inDealCurrency(figures, rates, currency, deal.closeDate);
}

/** Corporate-currency figures in the deal's currency; unchanged when the org has no rate for it. */
function inDealCurrency(
  figures: PipelineFigures,
  rates: Rates,
  currency: string | null,
  closeDate: string | null,
): PipelineFigures {
  const rate = corporateRate(rates, currency, closeDate);
  if (rate === undefined || rate === 1) return figures;
  const convert = (cents: number): number => convertAtRates(cents, 1, rate);
  return {
    ...figures,
    alternativesAmountCents: convert(figures.alternativesAmountCents),
    closedWonCents: convert(figures.closedWonCents),
    quotaCents: figures.quotaCents === null ? null : convert(figures.quotaCents),
  };
}

export type SnapshotOptions = { readonly today: string; readonly poll: PollOptions; readonly pageSize?: number };

/** Checks the package is deployed; says whether the org has multiple currencies. */
export async function describeOpportunity(conn: Connection): Promise<{ multiCurrency: boolean }> {
  const describe = await callJson<{ fields: Array<{ name: string }> }>(conn, {
    method: 'GET',
    path: 'sobjects/Opportunity/describe',
  });
  const names = new Set(describe.fields.map((f) => f.name));
  const missing = REQUIRED_FIELDS.filter((f) => !names.has(f));
  if (missing.length) throw new OrgError('fieldsMissing', [missing.join(', '), 'Walk_Away_Integration']);
  return { multiCurrency: names.has('CurrencyIsoCode') };
}

export function openOpportunitiesSoql(multiCurrency: boolean): string {
  return `SELECT ${fieldList(opportunityFields(multiCurrency))} FROM Opportunity WHERE IsClosed = false`;
}

export async function readSnapshot(conn: Connection, options: SnapshotOptions): Promise<Snapshot> {
  // 7 REST requests + the query job (create, polls, pages); then the ingest per 100 MB.
  // Without the job's createdDate: the client's clock, 15 minutes early to absorb clock skew.
  const startedAt = Date.now() - 15 * 60_000;
  const limits = await checkLimits(conn, { apiRequests: 20, queryJobs: 1, batches: 2 });
  const { multiCurrency } = await describeOpportunity(conn);
  const policies = await readOrgPolicies(conn);
  const { quarter, source } = await currentQuarter(conn, options.today);
  const result = await bulkQuery(conn, openOpportunitiesSoql(multiCurrency), {
    ...options.poll,
    pageSize: options.pageSize,
  });
  const closedWon = await closedWonByOwner(conn, quarter);
  const rates = multiCurrency ? await readRates(conn) : null;
  const quotas = await quotasByOwner(conn);
  return {
    policies,
    rows: result.rows,
    quarter,
    quarterSource: source,
    totals: ownerTotals(result.rows, closedWon, quarter, rates),
    rates,
    quotas,
    queryJobId: result.jobId,
    readStartedAt: Number.isNaN(instant(result.createdDate)) ? startedAt : instant(result.createdDate),
    pages: result.pages,
    shortages: limits.shortages,
    limitsUnreadable: limits.unreadable,
  };
}
