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

/** Lines before the header a report exported through a spreadsheet may carry (title, filters). */
const MAX_PREAMBLE_LINES = 20;

/**
 * The header line and its 1-based line number: the first non-blank line, unless a later one among
 * the first lines splits into known columns while the lines before it are one cell each (a report's
 * title and filter lines above its header, as a spreadsheet saves a formatted report).
 */
export function headerLineAt(text: string): { line: string; number: number } {
  const lines = text.split(/\r?\n/, MAX_PREAMBLE_LINES + 1);
  let first: { line: string; number: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    first ??= { line, number: i + 1 };
    if (detectDelimiter(line) !== null) return { line, number: i + 1 };
    if (!/^\s*("[^"]*"|[^,;\t|^`"]*)\s*[,;\t|^`]*\s*$/.test(line)) break;
  }
  return first ?? { line: '', number: 1 };
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
