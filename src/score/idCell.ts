// The Id cell of a plain record (io/export/plainRecord.ts) as the row's Id: an export row's Id is its
// cell trimmed, and a 15-character Id is read as its 18-character form (rows.ts). A cell with text,
// no spaces around it and not 15 characters long is its own Id, and can be looked up by its bytes.
import type { PlainRecord } from '../io/export/plainRecord.js';
import { trimmedAt } from '../io/export/plainRecord.js';

/** Whether the record's Id (at column `idAt`) is its cell's bytes as they are. */
export function idAsWritten(r: PlainRecord, idAt: number): boolean {
  if (idAt < 0) return false;
  const s = r.starts[idAt] as number;
  const e = r.ends[idAt] as number;
  return e - s !== 15 && trimmedAt(r.bytes, s, e);
}
