// The LDS record (getRecord) flattened into the shape the engine reads: field API names as keys,
// related fields dotted ("Account.Industry"), values as LDS holds them.
import { numberToCents } from 'c/walkAwayEngine';

/** { Amount: 140000, 'Account.Industry': 'Banking', ... }; absent fields stay absent. */
export function flattenRecord(record) {
  const flat = {};
  if (!record) return flat;
  if (record.id) flat.Id = record.id;
  const walk = (fields, prefix) => {
    for (const [name, field] of Object.entries(fields || {})) {
      const value = field ? field.value : undefined;
      if (value && typeof value === 'object' && value.fields) {
        walk(value.fields, `${prefix}${name}.`);
      } else {
        flat[`${prefix}${name}`] = value === undefined ? null : value;
      }
    }
  };
  walk(record.fields, '');
  return flat;
}

/** A currency value as LDS or Apex holds it (a number in currency units) in cents, or null. */
export function centsOf(value) {
  if (typeof value !== 'number') return null;
  const cents = numberToCents(value);
  return cents === undefined ? null : cents;
}

/** The pipeline figures of getPanelContext (currency units) in the engine's cents, or null. */
export function pipelineFigures(pipeline) {
  if (!pipeline) return null;
  const count = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    alternatives: count(pipeline.alternatives),
    alternativesAmountCents: centsOf(pipeline.alternativesAmount) ?? 0,
    closedWonCents: centsOf(pipeline.closedWonAmount) ?? 0,
    quotaCents: centsOf(pipeline.quota),
    daysToQuarterEnd: count(pipeline.daysToQuarterEnd),
  };
}
