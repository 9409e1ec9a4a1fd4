// Scores the rows of a snapshot with the engine and compares each verdict with the stored one.
import {
  changedOutputs,
  outputRecord,
  readOpportunity,
  scoreOpportunity,
  type OutputRecord,
  type Policy,
  type Score,
  VERDICTS,
  type Verdict,
} from '../engine/index.js';
import type { CsvRow } from './bulkQuery.js';

import { pipelineOf, type Snapshot } from './snapshot.js';

export type ScoredDeal = {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly accountId: string | null;
  readonly row: CsvRow;
  readonly score: Score;
  readonly next: OutputRecord;
  readonly changed: Partial<OutputRecord>;
  readonly storedVerdict: Verdict | null;
};

export type Unscorable = {
  readonly id: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
};

const VERDICT_VALUES: ReadonlySet<string> = new Set(VERDICTS);

export function scoreSnapshot(
  snapshot: Pick<Snapshot, 'rows' | 'quarter' | 'totals' | 'quotas'> & { readonly rates?: Snapshot['rates'] },
  policies: readonly Policy[] = [],
): { scored: ScoredDeal[]; unscorable: Unscorable[] } {
  const scored: ScoredDeal[] = [];
  const unscorable: Unscorable[] = [];
  snapshot.rows.forEach((row, index) => {
    const id = row.Id ?? '';
    const read = readOpportunity(row);
    if (!read.ok) {
      for (const p of read.problems) {
        unscorable.push({ id, row: index + 1, column: p.field, value: String(p.value ?? ''), message: p.message });
      }
      return;
    }
    const pipeline = pipelineOf(snapshot, row);
    const score = scoreOpportunity(read.opportunity, policies, pipeline);
    const next = outputRecord(score);
    const stored = row.Walk_Away_Recommendation__c ?? '';
    scored.push({
      id,
      name: row.Name ?? '',
      ownerId: row.OwnerId ?? '',
      accountId: row.AccountId || null,
      row,
      score,
      next,
      changed: changedOutputs(row, next),
      storedVerdict: VERDICT_VALUES.has(stored) ? (stored as Verdict) : null,
    });
  });
  return { scored, unscorable };
}
