// One parsed record (its cells) as an export row: the known columns' text, the Id, and the cells
// that cannot be read (over the size limit, a row with the wrong number of cells). A 15-character Id
// (a report export's) is read as its 18-character form. Only the cells the engine reads are
// checked: a Name of any size never fails its row.
import { ioMessages } from '../messages.js';
import type { HeaderLayout } from './header.js';
import { caseSafeId } from './recordId.js';
import { NO_PROBLEMS, type ExportRow, type RowProblem } from './types.js';

export const MAX_CELL_BYTES = 1_048_576;
const PREVIEW_CHARS = 60;

/** A cell's text as shown in a problem: at most 60 characters. */
export const preview = (text: string): string =>
  text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;

/** The row builder of a file: cells, data row number and starting line to an ExportRow. */
export function rowBuilder(layout: HeaderLayout): (cells: readonly string[], row: number, line: number) => ExportRow {
  const { canonical, used, checked, idIndex, record } = layout;
  const width = layout.header.columns.length;
  return (cells, row, line) => {
    let problems: RowProblem[] | null = null;
    const n = cells.length;
    let whole = n === width;
    for (let k = 0; k < checked.length; k++) {
      const i = checked[k] as number;
      if (i >= n) break; // a short row: the cell count is reported below
      const text = cells[i] as string;
      if (text.length * 3 > MAX_CELL_BYTES) {
        const cellBytes = Buffer.byteLength(text, 'utf8');
        if (cellBytes > MAX_CELL_BYTES) {
          const column = canonical[i] as string;
          (problems ??= []).push({
            column,
            value: preview(text),
            message: ioMessages.getMessage('row.CellTooLarge', [column, cellBytes, MAX_CELL_BYTES]),
          });
          whole = false;
        }
      }
    }
    let values: Record<string, string>;
    let id: string | null = null;
    if (whole) {
      values = record(cells);
      const t = (cells[idIndex] as string).trim();
      id = t === '' ? null : t.length === 15 ? caseSafeId(t) : t;
    } else {
      // A short row or one with a cell too large: only the cells that could be read.
      const bad = new Set(problems?.map((p) => p.column));
      values = {};
      for (const i of used) {
        const column = canonical[i] as string;
        if (i >= n || bad.has(column)) continue;
        const text = cells[i] as string;
        if (i === idIndex) {
          const t = text.trim();
          id = t === '' ? null : t.length === 15 ? caseSafeId(t) : t;
        }
        values[column] = text;
      }
    }
    if (n !== width) {
      (problems ??= []).push({
        column: null,
        value: null,
        message: ioMessages.getMessage('row.CellCount', [n, width]),
      });
    }
    return { row, line, id, values, problems: problems ?? NO_PROBLEMS };
  };
}
