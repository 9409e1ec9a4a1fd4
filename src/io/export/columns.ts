// The columns an opportunity export may have, by their field API names (related fields dotted,
// `Account.Industry`), and the canonical spelling of each (headers are matched case-insensitively).
import { INPUT_FIELDS, OUTPUT_FIELDS } from '../../engine/index.js';
import { CURRENCY_FIELDS, FIELD_LABELS } from './reportLabels.generated.js';
import { STANDARD_CURRENCY_LABELS, STANDARD_LABELS } from './standardLabels.js';

/** Without these columns no row can be judged on price: the file is refused. */
export const REQUIRED_COLUMNS = ['Id', 'Amount', 'Direct_Cost__c', 'Allocated_Overhead__c'] as const;
/** With all of these, BATNA is computed from the export itself. */
export const PIPELINE_COLUMNS = ['OwnerId', 'CloseDate', 'Probability', 'IsClosed', 'IsWon'] as const;
export const QUOTA_COLUMN = 'Owner.Walk_Away_Quarterly_Quota__c';
/** In a Data Loader "Export all" file: a row with IsDeleted true is in the recycle bin, not scored. */
export const DELETED_COLUMN = 'IsDeleted';

/** Whether a row of an "Export all" file is a deleted record. */
export const isDeletedRow = (values: Readonly<Record<string, string>>): boolean =>
  values.IsDeleted !== undefined && values.IsDeleted.trim().toLowerCase() === 'true';

/** Read but not scored; never warned about. */
const KNOWN_COLUMNS: readonly string[] = [
  ...INPUT_FIELDS,
  'Name',
  'StageName',
  ...PIPELINE_COLUMNS,
  QUOTA_COLUMN,
  DELETED_COLUMN,
  ...OUTPUT_FIELDS,
  'Walk_Away_Scored_At__c',
];
// Relationship fields as some tools write them, with an underscore for the dot (`Account_Industry`,
// the column names of Workbench's and some report exports): read as the dotted field, never blank.
const CANONICAL = new Map([
  ...KNOWN_COLUMNS.filter((c) => c.includes('.')).map((c) => [c.replace('.', '_').toLowerCase(), c] as const),
  ...KNOWN_COLUMNS.map((c) => [c.toLowerCase(), c] as const),
]);

// Field labels, as a report "Details Only" export heads its columns: the custom fields' labels from
// the metadata (English and Bahasa Indonesia) and the standard fields' labels.
// In a multi-currency org each currency column comes with a "<label> Currency" column: the record's
// currency, the same for every currency field of the deal (the first such column is read).
const known = new Set(KNOWN_COLUMNS);
const currencyLabels = [
  ...CURRENCY_FIELDS.filter((name) => known.has(name)).map((name) => FIELD_LABELS[name]?.[0] ?? name),
  ...STANDARD_CURRENCY_LABELS,
].map((label) => `${label} Currency`);
const BY_LABEL = new Map(
  [...Object.entries(FIELD_LABELS), ...Object.entries(STANDARD_LABELS), ['CurrencyIsoCode', currencyLabels] as const]
    .filter(([name]) => known.has(name))
    .flatMap(([name, labels]) => labels.map((label) => [label.trim().toLowerCase(), name] as const))
    .filter(([label]) => !CANONICAL.has(label)),
);

/** The canonical name of a header cell, or null when the command does not use the column. */
export const canonicalColumn = (name: string): string | null => {
  const key = name.trim().toLowerCase();
  return CANONICAL.get(key) ?? BY_LABEL.get(key) ?? null;
};

/** Whether a header cell is a field label (a report export's header), not an API name. */
export const isLabelColumn = (name: string): boolean => {
  const key = name.trim().toLowerCase();
  return !CANONICAL.has(key) && BY_LABEL.has(key);
};
