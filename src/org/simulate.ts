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
  /** Deals whose verdict differs, and their total Amount. */
  flipped: number;
  flippedValue: number;
  /** matrix[current][candidate]: deals and value. */
  matrix: Record<Verdict, Record<Verdict, Cell>>;
  /** The flipping deals, largest first (at most 1,000). */
  flips: Flip[];
};

export const MAX_FLIPS = 1000;

export type Deal = {
  readonly id: string;
  readonly name: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly pipeline: PipelineFigures | null;
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
      this.result.unscorable += 1;
      return;
    }
    this.addOpportunity(deal, read.opportunity);
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
