// The rows of a split run's part that repeat an Id of an earlier row (what its scoring pass reports
// as duplicates), found at once from the Ids the first passes listed (IdList): each row's Id is not
// hashed and looked up again as it is scored. A bitmap of the Ids' hashes (IdBits, 16 bits an Id)
// finds the bits more than one Id has: the Ids that repeat, and about one in thirty of the others.
// Only those go through a table, in row order, which gives each repeat its first row.
import { IdIndex, type SeenIds } from '../idIndex.js';

/** Numbers per listed Id (IdList.entries()): hash high, hash low, row + 1. */
const ENTRY = 3;

/** Which bits of a bitmap of Id hashes more than one Id has. Ids are added in any order. */
export class IdBits {
  private readonly once: Int32Array;
  private readonly again: Int32Array;
  private readonly shift: number;
  /** Ids whose bit another had already: a table of the Ids that may repeat holds at most twice as many. */
  private shared = 0;

  /** For about `ids` Ids in all. */
  public constructor(ids: number) {
    let bits = 1 << 16;
    while (bits < ids * 16) bits *= 2;
    this.shift = 32 - Math.log2(bits);
    this.once = new Int32Array(bits >>> 5);
    this.again = new Int32Array(bits >>> 5);
  }

  /** Adds the Ids of an IdList's entries. */
  public add(entries: Uint32Array): void {
    const { once, again, shift } = this;
    for (let j = 0; j < entries.length; j += ENTRY) {
      const k = Math.imul((entries[j] as number) ^ (entries[j + 1] as number), 0x9e3779b1) >>> shift;
      const bit = 1 << (k & 31);
      if (((once[k >>> 5] as number) & bit) === 0) once[k >>> 5] = (once[k >>> 5] as number) | bit;
      else {
        again[k >>> 5] = (again[k >>> 5] as number) | bit;
        this.shared++;
      }
    }
  }

  /** Whether the Id of hash (h, l) shares its bit with another Id added. */
  public mayRepeat(h: number, l: number): boolean {
    const k = Math.imul(h ^ l, 0x9e3779b1) >>> this.shift;
    return ((this.again[k >>> 5] as number) & (1 << (k & 31))) !== 0;
  }

  public get sharedBits(): number {
    return this.shared;
  }
}

export class DuplicateRows implements SeenIds {
  /** Where the next row asked may be in `rows` (rows are asked in order). */
  private next = 0;
  private lastAsked = -1;
  private askedRows = 0;

  private constructor(
    /** The repeating rows, in order, and the first row of each one's Id. */
    private readonly rows: Int32Array,
    private readonly firstRows: Int32Array,
  ) {}

  /**
   * The repeats among `own`'s rows (an IdList's entries, rows numbered from the part's start; row
   * `ownRowsAfter` + 1 is the part's first), of Ids of `earlier` (the entries of the parts before,
   * rows numbered from the file's start) or of `own`'s own earlier rows. `bits`: both added.
   */
  public static of(bits: IdBits, earlier: Uint32Array | null, own: Uint32Array, ownRowsAfter: number): DuplicateRows {
    const table = new IdIndex(2 * bits.sharedBits);
    const rows: number[] = [];
    const firstRows: number[] = [];
    for (const p of earlier === null ? [own] : [earlier, own]) {
      const after = p === own ? ownRowsAfter : 0;
      for (let j = 0; j < p.length; j += ENTRY) {
        const h = p[j] as number;
        const l = p[j + 1] as number;
        if (!bits.mayRepeat(h, l)) continue;
        const row = after + (p[j + 2] as number) - 1;
        const first = table.firstRowOfHash(h, l, row);
        if (first !== undefined && p === own) {
          rows.push(row);
          firstRows.push(first);
        }
      }
    }
    return new DuplicateRows(Int32Array.from(rows), Int32Array.from(firstRows));
  }

  public firstRowOf(_id: string, row: number): number | undefined {
    return this.firstRowAt(row);
  }

  public firstRowOfBytes(_b: Uint8Array, _start: number, _end: number, row: number): number | undefined {
    return this.firstRowAt(row);
  }

  /** How many rows have been asked about: every row the first pass listed an Id for, once scored. */
  public get asked(): number {
    return this.askedRows;
  }

  /** How many rows repeat an earlier row's Id. */
  public get size(): number {
    return this.rows.length;
  }

  private firstRowAt(row: number): number | undefined {
    if (row !== this.lastAsked) {
      this.lastAsked = row;
      this.askedRows++;
    }
    const rows = this.rows;
    let i = this.next;
    while (i < rows.length && (rows[i] as number) < row) i++;
    this.next = i;
    return i < rows.length && rows[i] === row ? this.firstRows[i] : undefined;
  }
}
