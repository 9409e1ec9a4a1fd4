// The columns an opportunity export may have, by their field API names (related fields dotted,
// `Account.Industry`), and the canonical spelling of each (headers are matched case-insensitively).
import { INPUT_FIELDS, OUTPUT_FIELDS } from '../../engine/index.js';

/** Without these columns no row can be judged on price: the file is refused. */
export const REQUIRED_COLUMNS = ['Id', 'Amount', 'Direct_Cost__c', 'Allocated_Overhead__c'] as const;
/** With all of these, BATNA is computed from the export itself. */
export const PIPELINE_COLUMNS = ['OwnerId', 'CloseDate', 'Probability', 'IsClosed', 'IsWon'] as const;
export const QUOTA_COLUMN = 'Owner.Walk_Away_Quarterly_Quota__c';

/** Read but not scored; never warned about. */
const KNOWN_COLUMNS: readonly string[] = [
  ...INPUT_FIELDS,
  'Name',
  'StageName',
  ...PIPELINE_COLUMNS,
  QUOTA_COLUMN,
  ...OUTPUT_FIELDS,
  'Walk_Away_Scored_At__c',
];
const CANONICAL = new Map(KNOWN_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** The canonical name of a header cell, or null when the command does not use the column. */
export const canonicalColumn = (name: string): string | null => CANONICAL.get(name.trim().toLowerCase()) ?? null;
