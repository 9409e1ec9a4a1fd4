// Checks the header of an export and lays out how its rows are read: which cells are known
// columns, where the Id is, and one record builder for the whole file.
import { INPUT_FIELDS, OUTPUT_FIELDS, REENGAGEMENT_FIELDS } from '../../engine/index.js';
import { fileError } from '../messages.js';
import { REQUIRED_COLUMNS, canonicalColumn, isLabelColumn } from './columns.js';
import type { ExportHeader } from './types.js';

/** Known columns kept for display or ignored: their bytes never fail a row. */
const DISPLAY_ONLY: ReadonlySet<string> = new Set(['Name', 'StageName', ...OUTPUT_FIELDS, 'Walk_Away_Scored_At__c']);

export type HeaderLayout = {
  readonly header: ExportHeader;
  /** Canonical column name of each cell position (null: not used). */
  readonly canonical: readonly (string | null)[];
  /** Positions of the known columns, in file order. */
  readonly used: readonly number[];
  /** Positions of the columns the engine or the pipeline reads (a subset of `used`). */
  readonly checked: readonly number[];
  readonly idIndex: number;
  /** The record of a full row: known columns' cell text by canonical name. */
  readonly record: (cells: readonly string[]) => Record<string, string>;
};

/**
 * The layout of a file from its header cells. Throws (exit 3) when the header lacks a required
 * column or has a column twice.
 */
export function readHeader(file: string, cells: readonly string[]): HeaderLayout {
  const columns = cells.map((c) => c.trim());
  const report = columns.some(isLabelColumn);
  const canonical = columns.map(canonicalColumn);
  const unknown = columns.filter((_, i) => canonical[i] === null);
  // A report export in a multi-currency org carries the deal's currency beside every currency column
  // ("Amount Currency", "Direct Cost Currency", ...): the first is read, the others ignored.
  if (report) {
    const first = canonical.indexOf('CurrencyIsoCode');
    canonical.forEach((c, i) => {
      if (c === 'CurrencyIsoCode' && i !== first && isLabelColumn(columns[i] as string)) canonical[i] = null;
    });
  }
  const present = new Set(canonical.filter((c): c is string => c !== null));
  const missingRequired = REQUIRED_COLUMNS.filter((c) => !present.has(c));
  if (missingRequired.length) {
    throw fileError('error.MissingRequiredColumns', [file, missingRequired.join(', ')], [REQUIRED_COLUMNS.join(', ')]);
  }
  const seen = new Set<string>();
  for (const c of canonical) {
    if (c === null) continue;
    if (seen.has(c)) throw fileError('error.DuplicateColumn', [file, c]);
    seen.add(c);
  }
  const used = canonical.flatMap((c, i) => (c === null ? [] : [i]));
  // The record of a full row is one object literal with this file's known columns as constant
  // keys (canonical names only, quoted by JSON.stringify): one allocation and one shape for every
  // row, where a keyed store per cell cost more than the rest of the row.
  const fields = used.map((i) => `${JSON.stringify(canonical[i])}: c[${i}]`).join(', ');
  const record = new Function('c', `return { ${fields} };`) as (cells: readonly string[]) => Record<string, string>;
  return {
    header: {
      columns,
      present,
      report,
      // Without Walk_Away_Buyer_Returned__c no buyer has come back and the conditions are never
      // checked: their columns are not missed.
      missingInputs: INPUT_FIELDS.filter(
        (c) =>
          !present.has(c) &&
          (present.has('Walk_Away_Buyer_Returned__c') || !(REENGAGEMENT_FIELDS as readonly string[]).includes(c)),
      ),
      unknown,
    },
    canonical,
    used,
    checked: used.filter((i) => !DISPLAY_ONLY.has(canonical[i] as string)),
    idIndex: canonical.indexOf('Id'),
    record,
  };
}
