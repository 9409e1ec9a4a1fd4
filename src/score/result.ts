// The result of `walkaway score` (what `--json` prints under `result`), built by the offline run
// and, later, by org mode.
import type { FindingCode, Verdict } from '../engine/index.js';
import type { Reading } from '../io/export/types.js';

export type VerdictTotal = {
  /** Opportunities with this verdict. */
  count: number;
  /** Their total Amount, in currency units (blank Amounts count as 0). */
  value: number;
};

export type FailedRow = {
  /** The row's Id, or null when it has none. */
  id: string | null;
  /** 1-based data row number (the header is not a row). */
  row: number;
  /** Physical line of the file where the row starts. */
  line: number;
  /** The column at fault (API name), or null when the fault is the whole row. */
  column: string | null;
  /** The cell as read (long cells shortened), or null. */
  value: string | null;
  message: string;
};

export type WalkAwayDeal = {
  id: string;
  name: string | null;
  amount: number;
  currency: string | null;
  /** The main finding: the first one that forces the walk-away. */
  finding: FindingCode;
  reason: string;
};

export type { Reading } from '../io/export/types.js';
export type SkippedLine = { line: number; text: string };

export type NotProcessedRow = { id: string | null; row: number; line: number; reason: string };

/** How a run treated pipeline amounts in other currencies than the deal's (`src/score/batnaCurrencies.ts` tallies it). */
export type BatnaCurrencies = {
  /** The currencies of --currency-rates (upper case), or null without it. */
  rates: string[] | null;
  /** The corporate currency of --currency-rates (its rate is 1), or null without it. */
  corporate: string | null;
  /** Currencies whose pipeline amounts were left out of some deal's BATNA: no rate for them. */
  leftOut: string[];
  /** How many deals had pipeline amounts left out of their BATNA. */
  dealsWithAmountsLeftOut: number;
};

export type ScoreResult = {
  file: string;
  /** The scored file: Id + output fields + Walk_Away_Scored_At__c. */
  output: string;
  /** Every failed row with its Id, row number, column, value and message. */
  failedOutput: string;
  policyDir: string;
  /** DeveloperNames of the active policies applied. */
  policies: string[];
  /** When the verdicts were computed (ISO 8601, UTC); written to every scored row. */
  scoredAt: string;
  /** The day whose quarter BATNA is computed for (YYYY-MM-DD). */
  asOf: string;
  /** Whether BATNA was computed from the export's pipeline columns. */
  batna: boolean;
  /** BATNA never adds amounts of different currencies: how the owners' other currencies were treated. */
  batnaCurrencies: BatnaCurrencies;
  /** How the file was read: column delimiter and encoding, each with what decided it. */
  reading: Reading & {
    /** --locale: the spreadsheet language whose numbers, dates and TRUE/FALSE were read; null without it. */
    locale: string | null;
  };
  /** Data rows read; rows = scored + failed + notProcessed. */
  rows: number;
  scored: number;
  failed: number;
  verdicts: Record<Verdict, VerdictTotal>;
  /** The five largest deals (by Amount) to walk away from. */
  largestWalkAways: WalkAwayDeal[];
  /** Finding codes by how many deals hit them, most first. */
  topFindings: { code: FindingCode; count: number }[];
  /** The first failed rows (at most 1,000; all of them are in failedOutput). */
  failedRows: FailedRow[];
  /** Rows read but not scored, by design: deleted records of an "Export all" file (IsDeleted true). */
  notProcessed: number;
  /** Each of them (at most 1,000) with the reason. */
  notProcessedRows: NotProcessedRow[];
  /**
   * Lines of the file that are not data rows and were skipped: a report export's footer (its title,
   * filters, "Grand Totals", "Confidential Information - Do Not Distribute", Copyright, "Generated
   * By") and the title and filter lines above the header of a formatted report saved as CSV, each
   * with its line and text. Not counted in rows.
   */
  skippedLines: SkippedLine[];
  warnings: string[];
};
