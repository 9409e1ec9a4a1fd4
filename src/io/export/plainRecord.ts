// A record of the byte reader (plainReader.ts) handed to its caller as bytes, before any cell is a
// string: a caller that can read the cells it needs from the bytes does (amounts digit by digit,
// checkboxes by their spelling, a picklist, owner or date read once per distinct value); one that
// cannot says so and gets the record as an ExportRow, read the existing way, so every row it does
// not understand ends exactly where it always did.

/** One record of plain cells: ASCII, no quotes, as many cells as the header. */
export type PlainRecord = {
  /** The bytes holding the record (one character a byte). */
  bytes: Buffer;
  /**
   * The same bytes as text (one character a byte) when the reader has it ('' otherwise): a cell cut
   * from it is a slice, not a copy (cellText).
   */
  text: string;
  /** Where each cell starts and ends in `bytes`, by column position (the header's order). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The canonical name of each column position (null: a column not read). */
  columns: readonly (string | null)[];
  /** 1-based data row number, and the line the record starts on. */
  row: number;
  line: number;
};

/** Handles a plain record from its bytes; false when it cannot (the record then comes as an ExportRow). */
export type OnPlainRecord = (record: PlainRecord) => boolean;

/** The text of cell `k` (ASCII), from the record's text when the reader has it. */
export function cellText(r: PlainRecord, k: number): string {
  const s = r.starts[k] as number;
  const e = r.ends[k] as number;
  return r.text !== '' ? r.text.substring(s, e) : r.bytes.toString('latin1', s, e);
}

/** A checkbox cell as exports spell it: 1 for `true`, 0 for `false` or an empty cell, -1 for anything else. */
export function flagAt(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  if (n === 4 && b[start] === 0x74 && b[start + 1] === 0x72 && b[start + 2] === 0x75 && b[start + 3] === 0x65) return 1;
  if (
    n === 5 &&
    b[start] === 0x66 &&
    b[start + 1] === 0x61 &&
    b[start + 2] === 0x6c &&
    b[start + 3] === 0x73 &&
    b[start + 4] === 0x65
  ) {
    return 0;
  }
  return -1;
}

/** 1 to 15 digits and nothing else: their number (exact); -1 for any other cell. */
export function digitsAt(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = (b[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Whether the cell starts and ends with a printable character other than a space: its own trimmed text. */
export function trimmedAt(b: Uint8Array, start: number, end: number): boolean {
  if (end === start) return false;
  const first = b[start] as number;
  const last = b[end - 1] as number;
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}

const FIRST_SLOTS = 1 << 10;
/** Distinct values kept per column; past this the table starts again (a column of unique values). */
const MAX_SLOTS = 1 << 17;

/**
 * The cells of one column read once per distinct value: `read` turns a cell's text into what the
 * caller keeps of it (the text itself, a date, a picklist's values), and a cell of the same bytes
 * later gets the same answer without a string being made.
 */
export class DistinctCells<T> {
  private hashes = new Int32Array(FIRST_SLOTS);
  private texts: Array<string | undefined> = new Array<string | undefined>(FIRST_SLOTS);
  private values: T[] = new Array<T>(FIRST_SLOTS);
  private count = 0;
  /** What `read` made of an empty cell (the commonest value of many columns), once asked. */
  private empty: { readonly value: T } | null = null;

  public constructor(private readonly read: (text: string) => T) {}

  /** What `read` made of the cell `bytes[start..end)` (ASCII). */
  public at(b: Buffer, start: number, end: number): T {
    if (end === start) return (this.empty ??= { value: this.read('') }).value;
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    const n = end - start;
    const mask = this.hashes.length - 1;
    let slot = h & mask;
    for (let t = this.texts[slot]; t !== undefined; t = this.texts[slot]) {
      if (this.hashes[slot] === h && t.length === n && sameText(t, b, start)) return this.values[slot] as T;
      slot = (slot + 1) & mask;
    }
    if ((this.count + 1) * 2 > this.hashes.length) {
      this.resize();
      return this.at(b, start, end);
    }
    // A new value: its text made once (a copy, not a slice of the chunk).
    const text = b.toString('latin1', start, end);
    const value = this.read(text);
    this.hashes[slot] = h;
    this.texts[slot] = text;
    this.values[slot] = value;
    this.count++;
    return value;
  }

  private resize(): void {
    const { hashes, texts, values } = this;
    const size = hashes.length >= MAX_SLOTS ? hashes.length : hashes.length * 2;
    this.hashes = new Int32Array(size);
    this.texts = new Array<string | undefined>(size);
    this.values = new Array<T>(size);
    this.count = 0;
    if (size === hashes.length) return; // full of distinct values: begin again
    const mask = size - 1;
    for (let j = 0; j < hashes.length; j++) {
      const t = texts[j];
      if (t === undefined) continue;
      let slot = (hashes[j] as number) & mask;
      while (this.texts[slot] !== undefined) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[j] as number;
      this.texts[slot] = t;
      this.values[slot] = values[j] as T;
      this.count++;
    }
  }
}

function sameText(text: string, b: Uint8Array, start: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== b[start + i]) return false;
  return true;
}
