// The one way Walk-Away reads a checkbox and splits a multi-select picklist or a `;`-separated
// policy list, wherever the value comes from (export cell, LDS record, custom metadata, SOQL).

/** true / false, or undefined when the value is neither. Blank is false. Case and spaces ignored. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (value === true || value === false) return value;
  // The spellings exports write, first (the same answers as below).
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
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

/** The match keys of a policy's list, made once per list (this runs for every deal scored). */
const listKeys = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `value` is one of `list`, ignoring case and surrounding spaces. */
export function listIncludes(list: readonly string[], value: string | null): boolean {
  if (value === null) return false;
  if (list.includes(value)) return true;
  let keys = listKeys.get(list);
  if (keys === undefined) {
    keys = new Set(list.map(matchKey));
    listKeys.set(list, keys);
  }
  return keys.has(matchKey(value));
}

/** A decimal, optionally in E-notation as Salesforce writes values of 10 million and more (`4.5E7`). */
const DECIMAL_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?\s*$/;

/** Digits with at most one point and at least one digit (`99.5`, `12`, `7.`, `.5`): what DECIMAL_TEXT always takes. */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 24) return false;
  let point = false;
  let digit = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c === 46 && !point) point = true;
    else return false;
  }
  return digit;
}

/** A number cell's value (`99.5`, `8.2E8`), or undefined when the text is not a plain decimal. */
export function parseDecimal(value: unknown): number | undefined {
  if (typeof value === 'string' && isPlainDecimal(value)) return Number(value);
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && DECIMAL_TEXT.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
