// SOQL built only from constants and escaped values. A value from outside (a date, an Id, a
// picklist value) goes through `quote`/`dateLiteral`/`idLiteral`, never concatenated raw.
import type { Connection } from '@salesforce/core';
import { callJson } from './http.js';

/** A SOQL string literal: backslash and quote escaped, as the SOQL reference asks. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A date literal (YYYY-MM-DD, unquoted in SOQL); anything else is refused. */
export function dateLiteral(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`not a date: ${JSON.stringify(value)}`);
  }
  return value;
}

/** A field API name from the project's own constants (checked, so a typo cannot become injection). */
export function fieldList(fields: readonly string[]): string {
  for (const f of fields) if (!/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)?$/.test(f)) throw new Error(`not a field name: ${f}`);
  return fields.join(', ');
}

type QueryPage<R> = { totalSize: number; done: boolean; records: R[]; nextRecordsUrl?: string };

/** REST query, every page through nextRecordsUrl (bounded by the page count the first page implies). */
export async function queryAll<R extends Record<string, unknown>>(conn: Connection, soql: string): Promise<R[]> {
  let page = await callJson<QueryPage<R>>(conn, { method: 'GET', path: `query?q=${encodeURIComponent(soql)}` });
  const records = [...page.records];
  const maxPages = Math.ceil(page.totalSize / Math.max(1, page.records.length)) + 1;
  for (let i = 0; !page.done && page.nextRecordsUrl && i < maxPages; i++) {
    page = await callJson<QueryPage<R>>(conn, { method: 'GET', path: page.nextRecordsUrl });
    records.push(...page.records);
  }
  return records;
}

/** Strips REST `attributes` and flattens relationship objects to dotted keys (Account.Industry). */
export function flatten(record: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (k === 'attributes') continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/** A field's text as the REST API returns it, or null when it is blank or not text. */
export const textOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
