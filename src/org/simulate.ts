// What-if: every deal judged under today's policies and under candidate ones. Counts and value
// moving between verdicts (a transition matrix) and the deals that flip. Reads only; writes nothing.
import {
  centsToNumber,
  readOpportunity,
  scoreOpportunity,
  VERDICTS,
  type Opportunity,
  type PipelineFigures,
  type Policy,
  type Verdict,
} from '../engine/index.js';

export type Cell = { count: number; value: number };
export type Flip = {
  id: string;
  name: string;
  amount: number;
  from: Verdict;
  to: Verdict;
  fromPolicy: string | null;
  toPolicy: string | null;
};

export type SimulateResult = {
  source: 'file' | 'org';
  /** The export file or the org's username. */
  target: string;
  currentPolicies: string[];
  candidatePolicies: string[];
  candidateDir: string;
  deals: number;
  unscorable: number;
  /** Every problem of the deals that could not be scored (at most 1,000): Id, row, column, value, why. */
  unscorableRows: UnscorableRow[];
  /** Deals whose verdict differs, and their total Amount. */
  flipped: number;
  flippedValue: number;
  /** matrix[current][candidate]: deals and value. */
  matrix: Record<Verdict, Record<Verdict, Cell>>;
  /** The flipping deals, largest first (at most 1,000). */
  flips: Flip[];
};

export const MAX_FLIPS = 1000;
export const MAX_UNSCORABLE_ROWS = 1000;

/** One problem of a deal that could not be scored; `line` only for a file. */
export type UnscorableRow = {
  id: string | null;
  row: number;
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
};

export type Deal = {
  readonly id: string;
  readonly name: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly pipeline: PipelineFigures | null;
  /** 1-based row of the export or of the org's query results, and the file's line. */
  readonly row: number;
  readonly line?: number | null;
};

export class Simulation {
  public readonly result: SimulateResult;
  private readonly current: readonly Policy[];
  private readonly candidate: readonly Policy[];
  private readonly allFlips: Flip[] = [];

  public constructor(
    init: Pick<SimulateResult, 'source' | 'target' | 'candidateDir'>,
    current: readonly Policy[],
    candidate: readonly Policy[],
  ) {
    this.current = current;
    this.candidate = candidate;
    const matrix = Object.fromEntries(
      VERDICTS.map((from) => [from, Object.fromEntries(VERDICTS.map((to) => [to, { count: 0, value: 0 }]))]),
    ) as Record<Verdict, Record<Verdict, Cell>>;
    this.result = {
      ...init,
      currentPolicies: current.map((p) => p.name),
      candidatePolicies: candidate.map((p) => p.name),
      deals: 0,
      unscorable: 0,
      unscorableRows: [],
      flipped: 0,
      flippedValue: 0,
      matrix,
      flips: [],
    };
  }

  public add(deal: Deal): void {
    const read = readOpportunity(deal.values);
    this.result.deals += 1;
    if (!read.ok) {
      this.unscorable(
        read.problems.map((p) => ({
          id: deal.id === '' ? null : deal.id,
          row: deal.row,
          line: deal.line ?? null,
          column: p.field,
          value: typeof p.value === 'string' ? p.value : String(p.value),
          message: `${p.field} ${p.message}`,
        })),
      );
      return;
    }
    this.addOpportunity(deal, read.opportunity);
  }

  /** A deal that cannot be scored, with every problem it has. */
  public unscorable(problems: readonly UnscorableRow[]): void {
    this.result.unscorable += 1;
    for (const p of problems)
      if (this.result.unscorableRows.length < MAX_UNSCORABLE_ROWS) this.result.unscorableRows.push(p);
  }

  private addOpportunity(deal: Deal, o: Opportunity): void {
    const before = scoreOpportunity(o, this.current, deal.pipeline);
    const after = scoreOpportunity(o, this.candidate, deal.pipeline);
    const amount = o.amountCents === null ? 0 : centsToNumber(o.amountCents);
    const cell = this.result.matrix[before.verdict][after.verdict];
    cell.count += 1;
    cell.value = Math.round((cell.value + amount) * 100) / 100;
    if (before.verdict !== after.verdict) {
      this.result.flipped += 1;
      this.result.flippedValue = Math.round((this.result.flippedValue + amount) * 100) / 100;
      this.allFlips.push({
        id: deal.id,
        name: deal.name,
        amount,
        from: before.verdict,
        to: after.verdict,
        fromPolicy: before.policy,
        toPolicy: after.policy,
      });
    }
  }

  public finish(): SimulateResult {
    this.result.flips = this.allFlips
      .sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id))
      .slice(0, MAX_FLIPS);
    return this.result;
  }
}
