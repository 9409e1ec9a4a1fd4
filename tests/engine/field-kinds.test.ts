// The engine's field kinds say how readOpportunity reads each input field; the export reader and the
// panel preview take their number / checkbox / date columns from them. These tests hold the list
// and the reader together: a field read as a number but listed as text (or missing) fails here.
import { INPUT_FIELD_KINDS, INPUT_FIELDS, fieldsOfKind, parseDecimal, readOpportunity } from '../../src/engine';

const fieldsOf = (kind: string): string[] =>
  Object.entries(INPUT_FIELD_KINDS)
    .filter(([, k]) => k === kind)
    .map(([f]) => f);
const problemFields = (raw: Record<string, unknown>): string[] => {
  const r = readOpportunity(raw);
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('field kinds', () => {
  it('name every input field the engine reads, and no other', () => {
    expect(Object.keys(INPUT_FIELD_KINDS).sort()).toEqual([...INPUT_FIELDS].sort());
  });

  it.each(fieldsOf('number'))('%s is read as a number: text is refused, 1E1 is ten', (field) => {
    expect(problemFields({ [field]: 'ten' })).toEqual([field]);
    expect(problemFields({ [field]: '1E1' })).toEqual([]);
  });

  it.each(fieldsOf('boolean'))('%s is read as a checkbox: "maybe" is refused, TRUE is true', (field) => {
    expect(problemFields({ [field]: 'maybe' })).toEqual([field]);
    expect(problemFields({ [field]: 'TRUE' })).toEqual([]);
  });

  it.each(fieldsOf('date'))('%s is read as a date: "soon" is refused, 2026-12-18 is a date', (field) => {
    expect(problemFields({ [field]: 'soon' })).toEqual([field]);
    expect(problemFields({ [field]: '2026-12-18' })).toEqual([]);
  });

  it.each([...fieldsOf('text'), ...fieldsOf('picklist'), ...fieldsOf('id')])(
    '%s is read as text: any text is accepted as written',
    (field) => {
      expect(problemFields({ [field]: 'ten' })).toEqual([]);
    },
  );

  it('give the export reader its number, checkbox and date columns, pipeline included', () => {
    expect(fieldsOfKind('number')).toEqual(expect.arrayContaining(['Walk_Away_Deal_Size__c', 'Probability']));
    expect(fieldsOfKind('boolean')).toEqual(expect.arrayContaining(['IsWon', 'IsClosed']));
    expect(fieldsOfKind('date')).toEqual([
      'Walk_Away_Reengage_Timeline__c',
      'Walk_Away_Buyer_Decision_Date__c',
      'CloseDate',
    ]);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['8.2E8', 820_000_000],
    [' 99.5 ', 99.5],
    ['.5', 0.5],
    [42, 42],
  ])('%j is %d', (text, n) => expect(parseDecimal(text)).toBe(n));

  it.each(['1,5', '9e999', 'NaN', '', '1.2.3', Infinity])('%j is not a number', (text) =>
    expect(parseDecimal(text)).toBeUndefined(),
  );
});
