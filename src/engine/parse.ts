// The one way Walk-Away reads a checkbox and splits a multi-select picklist or a `;`-separated
// policy list, wherever the value comes from (export cell, LDS record, custom metadata, SOQL).

/** true / false, or undefined when the value is neither. Blank is false. Case and spaces ignored. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (value === true || value === false) return value;
  if (value === undefined || value === null) return false;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  const s = String(value).trim().toLowerCase();
  if (s === '' || s === 'false' || s === '0' || s === 'no') return false;
  if (s === 'true' || s === '1' || s === 'yes') return true;
  return undefined;
}

/** `a; b;;c ` -> ['a', 'b', 'c']: trimmed, blanks dropped, order kept. */
export function splitMultiSelect(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items: string[] = [];
  for (const part of String(value).split(';')) {
    const item = part.trim();
    if (item !== '') items.push(item);
  }
  return items;
}

/** The key under which names are compared: case and surrounding spaces ignored (`' usd '` = `USD`). */
export function matchKey(value: string): string {
  return value.trim().toLowerCase();
}

/** Whether `value` is one of `list`, ignoring case and surrounding spaces. */
export function listIncludes(list: readonly string[], value: string | null): boolean {
  if (value === null) return false;
  const key = matchKey(value);
  for (const item of list) if (matchKey(item) === key) return true;
  return false;
}

/** A decimal, optionally in E-notation as Salesforce writes values of 10 million and more (`4.5E7`). */
const DECIMAL_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?\s*$/;

/** A number cell's value (`99.5`, `8.2E8`), or undefined when the text is not a plain decimal. */
export function parseDecimal(value: unknown): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && DECIMAL_TEXT.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
