// The cells of a report "Details Only" export as the engine reads them: a picklist cell holds the
// value's label (in the exporting user's language), mapped here to the API value by the labels of
// the project's own field metadata and their Bahasa Indonesia translations (and the standard Industry
// picklist's Bahasa Indonesia labels, standardLabels.ts); a multi-select cell's
// labels are separated by semicolons. A label that matches no value is left as it is, and the rules
// judge it as they judge any value they do not know.
import { INPUT_FIELDS } from '../../engine/index.js';
import { PICKLIST_LABELS } from './reportLabels.generated.js';
import { INDUSTRY_LABELS_IN } from './standardLabels.js';

const inputs: ReadonlySet<string> = new Set(INPUT_FIELDS);
/** The engine's picklist inputs: label (lower case) -> API value. */
const byLabel = new Map(
  [...Object.entries(PICKLIST_LABELS), ['Account.Industry', Object.entries(INDUSTRY_LABELS_IN)] as const]
    .filter(([field]) => inputs.has(field))
    .map(
      ([field, pairs]) => [field, new Map(pairs.map(([label, value]) => [label.trim().toLowerCase(), value]))] as const,
    ),
);

const valueOf = (labels: ReadonlyMap<string, string>, text: string): string =>
  labels.get(text.trim().toLowerCase()) ?? text.trim();

/** The row's values with every picklist label the metadata knows replaced by its API value. */
export function picklistValues(values: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  let out: Record<string, string> | null = null;
  for (const [field, labels] of byLabel) {
    const text = values[field];
    if (text === undefined || text.trim() === '') continue;
    const mapped = text.includes(';')
      ? text
          .split(';')
          .filter((part) => part.trim() !== '')
          .map((part) => valueOf(labels, part))
          .join(';')
      : valueOf(labels, text);
    if (mapped !== text) (out ??= { ...values })[field] = mapped;
  }
  return out ?? values;
}
