// The Ids seen so far and the row each was first seen on, for duplicate detection over exports of
// millions of rows: an open-addressing table of 64-bit Id hashes in typed arrays (12 bytes a slot,
// at most half full), about 24 bytes per row instead of the ~140 a Map of strings takes. Two
// different Ids share a 64-bit hash with a probability of about 3e-8 in a million-row export.

const EMPTY = 0;

function hash(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ id.length, 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0, b >>> 0];
}

/** An IdIndex's table, as typed arrays (structured-clonable). */
export type IdIndexState = {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly rows: Uint32Array;
  readonly count: number;
};

export class IdIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** Row number + 1 (0 marks an empty slot). */
  private rows: Uint32Array;
  private count = 0;

  /** `expected`: how many Ids are coming, when known (the table is then made big enough at once). */
  public constructor(expected = 0) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.rows = new Uint32Array(size);
  }

  /** The row the Id was first seen on, or undefined the first time (the Id is then recorded on `row`). */
  public firstRowOf(id: string, row: number): number | undefined {
    const [h, l] = hash(id);
    const mask = this.rows.length - 1;
    let i = (h ^ l) & mask;
    while (this.rows[i] !== EMPTY) {
      if (this.hi[i] === h && this.lo[i] === l) return (this.rows[i] ?? 1) - 1;
      i = (i + 1) & mask;
    }
    this.hi[i] = h;
    this.lo[i] = l;
    this.rows[i] = row + 1;
    if (++this.count * 2 > this.rows.length) this.grow();
    return undefined;
  }

  /** The table as it is, to carry it to another process (src/score/split/): its own arrays, not copies. */
  public state(): IdIndexState {
    return { hi: this.hi, lo: this.lo, rows: this.rows, count: this.count };
  }

  /** An index holding what `state()` was taken from. */
  public static from(state: IdIndexState): IdIndex {
    const index = new IdIndex();
    index.hi = state.hi;
    index.lo = state.lo;
    index.rows = state.rows;
    index.count = state.count;
    return index;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    const size = rows.length * 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.rows = new Uint32Array(size);
    const mask = size - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === EMPTY) continue;
      const h = hi[j] ?? 0;
      const l = lo[j] ?? 0;
      let i = (h ^ l) & mask;
      while (this.rows[i] !== EMPTY) i = (i + 1) & mask;
      this.hi[i] = h;
      this.lo[i] = l;
      this.rows[i] = rows[j] ?? 0;
    }
  }
}
