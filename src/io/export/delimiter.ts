// Column delimiters by the names `sf data export bulk --column-delimiter` and Bulk API 2.0 use,
// and the delimiter of a file read from its header: the one that splits it into known columns.
import { canonicalColumn } from './columns.js';

export const COLUMN_DELIMITERS = {
  COMMA: ',',
  SEMICOLON: ';',
  TAB: '\t',
  PIPE: '|',
  CARET: '^',
  BACKQUOTE: '`',
} as const;
export type ColumnDelimiter = keyof typeof COLUMN_DELIMITERS;
export const COLUMN_DELIMITER_NAMES = Object.keys(COLUMN_DELIMITERS) as ColumnDelimiter[];

/** How many cells of the header line are known columns when it is split at `delimiter`. */
function knownColumns(line: string, delimiter: string): number {
  let n = 0;
  for (const cell of line.split(delimiter)) {
    const name = cell.trim().replace(/^"(.*)"$/, '$1');
    if (canonicalColumn(name) !== null) n++;
  }
  return n;
}

/** The first line of text that is not blank (the header), without its line end. */
export function headerLine(text: string): string {
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '') return line;
  return '';
}

/**
 * The delimiter that splits the header line into the most known columns (COMMA first on a tie), or
 * null when no delimiter gives more than one: then the header is not a list of field names.
 */
export function detectDelimiter(line: string): ColumnDelimiter | null {
  let best: ColumnDelimiter | null = null;
  let bestCount = 1;
  for (const name of COLUMN_DELIMITER_NAMES) {
    const count = knownColumns(line, COLUMN_DELIMITERS[name]);
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/** Whether `detected` reads more known columns from the header line than `given`. */
export function readsMore(line: string, detected: ColumnDelimiter, given: ColumnDelimiter): boolean {
  return knownColumns(line, COLUMN_DELIMITERS[detected]) > knownColumns(line, COLUMN_DELIMITERS[given]);
}
