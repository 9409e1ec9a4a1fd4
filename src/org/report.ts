// `walkaway report`: the deals walked away from in a quarter, by rep and by exit reason, with their
// value; the deals that needed approval and those granted; buyers who came back and on what terms;
// reps (or a whole team) with no walk-away at all; and the exceptions requested in the quarter by
// approver and outcome, with the value of bad deals avoided against the value let through
// (exceptionReport.ts).
import type { Connection } from '@salesforce/core';
import {
  centsToNumber,
  EXCEPTION_APPROVED,
  numberToCents,
  WALKED_AWAY_DECISIONS,
  type Verdict,
} from '../engine/index.js';
import { readRejections } from './approvalHistory.js';
import { readWonDeals } from './audit.js';
import { OrgError } from './errors.js';
import { readExceptions } from './exceptionRecords.js';
import {
  avoidedDeals,
  exceptionsReport,
  letThrough,
  requestedIn,
  type Avoided,
  type ExceptionsReport,
  type LetThrough,
  type Total,
} from './exceptionReport.js';
import { REPORT_FIELDS } from './fields.js';
import { currentQuarter } from './pipeline.js';
import { dateLiteral, fieldList, flatten, queryAll } from './soql.js';

export type { Total } from './exceptionReport.js';
export type ReportDeal = {
  id: string;
  name: string;
  owner: string;
  amount: number;
  decision: string;
  exitReason: string | null;
  decidedOn: string | null;
  /** What the rep learned from walking away (Walk_Away_Lessons_Learned__c), or null. */
  lessonsLearned: string | null;
};
export type ReturnedBuyer = ReportDeal & {
  returnedOn: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
};

export type ReportResult = {
  targetOrg: string;
  quarter: { label: string; start: string; end: string; source: string };
  decided: number;
  walkedAway: Total;
  byRep: Array<{ owner: string } & Total>;
  byReason: Array<{ reason: string } & Total>;
  walkAways: ReportDeal[];
  approvalsNeeded: Total;
  approvalsGranted: Total;
  approvals: ReportDeal[];
  buyersReturned: ReturnedBuyer[];
  /** Reps with deals decided in the quarter and not one walk-away. */
  repsWithoutWalkAways: string[];
  /** True when nobody walked away from anything in the quarter. */
  zeroWalkAways: boolean;
  /** Exceptions requested in the quarter (Requested_On__c), by approver and outcome. */
  exceptions: ExceptionsReport;
  /** Bad deals avoided: walked away from in the quarter, or with an exception requested in it rejected and not won. */
  avoided: Avoided;
  /** Deals Closed Won in the quarter against a Walk Away or Approval Required verdict, judged as `walkaway audit` does. */
  letThrough: LetThrough;
};

/** `2026-Q3` as a calendar quarter. */
export function parseQuarter(text: string): { label: string; start: string; end: string } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(text.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const last = new Date(Date.UTC(year, q * 3, 0)).getUTCDate();
  return { label: `${year}-Q${q}`, start: `${year}-${pad(q * 3 - 2)}-01`, end: `${year}-${pad(q * 3)}-${pad(last)}` };
}

const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function labelOf(start: string, end: string, source: string): string {
  const calendar = parseQuarter(`${start.slice(0, 4)}-Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1}`);
  return source === 'calendar' && calendar && calendar.start === start && calendar.end === end
    ? calendar.label
    : `${start}..${end}`;
}

/** The quarter before the one holding `today`: fiscal (Period) when the org has it, else calendar. */
export async function lastQuarter(conn: Connection, today: string): Promise<ReportResult['quarter']> {
  const current = await currentQuarter(conn, today);
  const last = await currentQuarter(conn, dayBefore(current.quarter.start));
  const { start, end } = last.quarter;
  return { label: labelOf(start, end, last.source), start, end, source: last.source };
}

const APPROVAL_REQUIRED: Verdict = 'Approval Required';
const amountOf = (v: unknown): number => (typeof v === 'number' ? centsToNumber(numberToCents(v) ?? 0) : 0);
const textOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const add = (t: Total, value: number): void => {
  t.count += 1;
  t.value = Math.round((t.value + value) * 100) / 100;
};

export async function reportOrg(
  conn: Connection,
  options: { targetOrg: string; today: string; quarter?: string },
): Promise<ReportResult> {
  let quarter: ReportResult['quarter'];
  if (options.quarter && options.quarter.toUpperCase() !== 'LAST_QUARTER') {
    const q = parseQuarter(options.quarter);
    if (!q) throw new OrgError('badQuarter', [options.quarter]);
    quarter = { ...q, source: 'calendar' };
  } else quarter = await lastQuarter(conn, options.today);

  const soql = `SELECT ${fieldList(REPORT_FIELDS)} FROM Opportunity WHERE Walk_Away_Decided_On__c >= ${dateLiteral(quarter.start)} AND Walk_Away_Decided_On__c <= ${dateLiteral(quarter.end)}`;
  const rows = (await queryAll(conn, soql)).map((r) => flatten(r));
  const result: ReportResult = {
    targetOrg: options.targetOrg,
    quarter,
    decided: rows.length,
    walkedAway: { count: 0, value: 0 },
    byRep: [],
    byReason: [],
    walkAways: [],
    approvalsNeeded: { count: 0, value: 0 },
    approvalsGranted: { count: 0, value: 0 },
    approvals: [],
    buyersReturned: [],
    repsWithoutWalkAways: [],
    zeroWalkAways: true,
    exceptions: { unreadable: null, historyUnreadable: null, ...exceptionsReport([], null) },
    avoided: avoidedDeals([], []),
    letThrough: letThrough([], []),
  };
  const byRep = new Map<string, Total>();
  const byReason = new Map<string, Total>();
  const reps = new Set<string>();
  for (const r of rows) {
    const deal: ReportDeal = {
      id: String(r.Id),
      name: String(r.Name ?? ''),
      owner: String(r['Owner.Name'] ?? r.OwnerId ?? ''),
      amount: amountOf(r.Amount),
      decision: String(r.Walk_Away_Decision__c ?? ''),
      exitReason: (r.Walk_Away_Exit_Reason__c as string | null) ?? null,
      decidedOn: (r.Walk_Away_Decided_On__c as string | null) ?? null,
      lessonsLearned: textOf(r.Walk_Away_Lessons_Learned__c),
    };
    reps.add(deal.owner);
    if ((WALKED_AWAY_DECISIONS as readonly string[]).includes(deal.decision)) {
      add(result.walkedAway, deal.amount);
      const rep = byRep.get(deal.owner) ?? { count: 0, value: 0 };
      add(rep, deal.amount);
      byRep.set(deal.owner, rep);
      const reasonKey = deal.exitReason ?? '(no reason given)';
      const reason = byReason.get(reasonKey) ?? { count: 0, value: 0 };
      add(reason, deal.amount);
      byReason.set(reasonKey, reason);
      result.walkAways.push(deal);
      if (r.Walk_Away_Buyer_Returned__c === true) {
        result.buyersReturned.push({
          ...deal,
          returnedOn: (r.Walk_Away_Buyer_Returned_On__c as string | null) ?? null,
          budgetMin: typeof r.Walk_Away_Reengage_Budget_Min__c === 'number' ? r.Walk_Away_Reengage_Budget_Min__c : null,
          budgetMax: typeof r.Walk_Away_Reengage_Budget_Max__c === 'number' ? r.Walk_Away_Reengage_Budget_Max__c : null,
        });
      }
    }
    const needed = r.Walk_Away_Recommendation__c === APPROVAL_REQUIRED || Boolean(r.Walk_Away_Approvals__c);
    const granted = deal.decision === EXCEPTION_APPROVED;
    if (needed) add(result.approvalsNeeded, deal.amount);
    if (granted) add(result.approvalsGranted, deal.amount);
    if (needed || granted) result.approvals.push(deal);
  }
  const sorted = <K extends string>(m: Map<string, Total>, key: K): Array<Record<K, string> & Total> =>
    [...m.entries()]
      .map(([k, t]) => ({ [key]: k, ...t }) as Record<K, string> & Total)
      .sort((a, b) => b.value - a.value || a[key].localeCompare(b[key]));
  result.byRep = sorted(byRep, 'owner');
  result.byReason = sorted(byReason, 'reason');
  result.walkAways.sort((a, b) => b.amount - a.amount);
  result.repsWithoutWalkAways = [...reps].filter((rep) => !byRep.has(rep)).sort();
  result.zeroWalkAways = result.walkedAway.count === 0;

  const read = await readExceptions(conn);
  const all = read.ok ? read.exceptions : null;
  const inQuarter = (all ?? []).filter((e) => requestedIn(e, quarter));
  const rejectedIds = inQuarter.filter((e) => e.status === 'Rejected').map((e) => e.id);
  const history = rejectedIds.length ? await readRejections(conn, rejectedIds) : null;
  result.exceptions = {
    unreadable: read.ok ? null : read.reason,
    historyUnreadable: history && !history.ok ? history.reason : null,
    ...exceptionsReport(inQuarter, history?.ok ? history.rejections : null),
  };
  result.avoided = avoidedDeals(result.walkAways, inQuarter);
  result.letThrough = letThrough(await readWonDeals(conn, quarter.start, quarter.end), all);
  return result;
}
