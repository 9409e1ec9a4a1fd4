// A CloseDate cell as the pipeline reads it: the day it names (YYYY-MM-DD, a time after it
// ignored), or null when it names none.

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;

/** CloseDate text -> its YYYY-MM-DD, or null when it is not a date. */
export function closeDateIn(text: string): string | null {
  const m = DATE.exec(text.trim());
  return m?.[1] !== undefined && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) ? m[1] : null;
}
