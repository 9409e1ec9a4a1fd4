// The LDS record (getRecord) flattened into the shape the engine reads: field API names as keys,
// related fields dotted ("Account.Industry"), values as LDS holds them.

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

/** The pipeline figures of getPanelContext (currency units) in the engine's cents, or null. */
export function pipelineFigures(pipeline) {
  if (!pipeline) return null;
  const cents = (v) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : 0);
  return {
    alternatives: typeof pipeline.alternatives === 'number' ? pipeline.alternatives : 0,
    alternativesAmountCents: cents(pipeline.alternativesAmount),
    closedWonCents: cents(pipeline.closedWonAmount),
    quotaCents:
      typeof pipeline.quota === 'number' && Number.isFinite(pipeline.quota) ? Math.round(pipeline.quota * 100) : null,
    daysToQuarterEnd: typeof pipeline.daysToQuarterEnd === 'number' ? pipeline.daysToQuarterEnd : 0,
  };
}
