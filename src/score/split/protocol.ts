// The messages between the two processes of `walkaway score --file` (parent.ts, child.ts), sent
// over the IPC channel with Node's "advanced" serialization (Maps, Sets and typed arrays as they are).
//
//   parent -> child  start     what the child reads and scores with (once, first)
//   parent -> child  pipeline  the first pass from this record on: the owners' totals (with BATNA)
//                              and the half's Ids (again when the guess was wrong)
//   child -> parent  pipeline  its half's owners' totals and quotas (null without BATNA), or not-plain / error
//   parent -> child  score     the owners' totals of the whole file, the first half's Ids, where the half starts
//   child -> parent  scored    its half's tallies (its rows are in its two files)
//   child -> parent  progress  bytes and rows read in the current pass, about ten times a second
import type { OwnerTotals, Cents, Policy } from '../../engine/index.js';
import type { RecordStart } from '../../io/export/plainReader.js';
import type { ExportHeader, Reading } from '../../io/export/types.js';
import type { RatesFile } from '../pipeline.js';
import type { Tallies } from '../rowScorer.js';

export type OwnerTotalsByCurrency = Map<string, Map<string, OwnerTotals>>;

export type Start = {
  readonly kind: 'start';
  readonly file: string;
  readonly size: number;
  readonly header: ExportHeader;
  readonly reading: Reading;
  readonly delimiter: string;
  /** The cells the pipeline pass reads; null: no BATNA (no pipeline pass). */
  readonly pipelineColumns: ReadonlySet<string> | null;
  readonly asOf: string;
  readonly scoredAt: string;
  /** The active policies, ranked. */
  readonly ranked: readonly Policy[];
  readonly currencyRates: RatesFile | null;
  /** Where the child writes its scored rows and its failed rows (each after a header line). */
  readonly scoredPath: string;
  readonly failedPath: string;
};

export type PipelinePass = { readonly kind: 'pipeline'; readonly start: RecordStart };

export type ScorePass = {
  readonly kind: 'score';
  readonly start: RecordStart;
  readonly totals: OwnerTotalsByCurrency;
  readonly quotas: Map<string, Cents>;
  /** The first half's Ids, as its first pass listed them, in a file (a large message is slow through the channel). */
  readonly ids: IdsFile;
};

/** IdList.entries() of the first half (`count` Ids, three numbers each) in `path`. */
export type IdsFile = { readonly path: string; readonly count: number };

export type ToChild = Start | PipelinePass | ScorePass;

export type FromChild =
  | { readonly kind: 'progress'; readonly pass: number; readonly bytes: number; readonly rows: number }
  | {
      readonly kind: 'pipeline';
      readonly start: number;
      /** Null: no pipeline pass (no BATNA columns); the first pass listed the half's Ids only. */
      readonly totals: OwnerTotalsByCurrency | null;
      readonly quotas: Map<string, Cents>;
    }
  | { readonly kind: 'scored'; readonly tallies: Tallies }
  /** The half from `start` is not read by the byte reader (NotPlainFile). */
  | { readonly kind: 'not-plain'; readonly start: number; readonly reason: string }
  | { readonly kind: 'error'; readonly start: number; readonly message: string };
