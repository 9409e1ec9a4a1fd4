// The Ids seen so far and the row each was first seen on, for duplicate detection over exports of
// millions of rows: an open-addressing table of 64-bit Id hashes in one typed array (a slot is three
// adjacent numbers — hash high, hash low, row — so that a look-up touches one cache line; at most
// half full), about 24 bytes per row instead of the ~140 a Map of strings takes. Two different Ids
// share a 64-bit hash with a probability of about 3e-8 in a million-row export.

/** Numbers per slot: hash high, hash low, row number + 1 (0 marks an empty slot). */
const SLOT = 3;

// The two halves of the last hash (module-level: no array made per look-up).
let hashHi = 0;
let hashLo = 0;

function hash(id: string): void {
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
  hashHi = a >>> 0;
  hashLo = b >>> 0;
}

/** hash() of an ASCII Id given as bytes (one character a byte): the same two halves. */
function hashBytes(b: Uint8Array, start: number, end: number): void {
  let a = 0x811c9dc5;
  let h = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = b[i] as number;
    a = Math.imul(a ^ c, 0x01000193);
    h = Math.imul(h ^ c, 0x5bd1e995);
    h ^= h >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  h = Math.imul(h ^ (end - start), 0xc2b2ae35);
  h ^= h >>> 16;
  hashHi = a >>> 0;
  hashLo = h >>> 0;
}

/** Slots for `expected` Ids: a power of two, at least twice as many. */
function slotsFor(expected: number): number {
  let size = 1024;
  while (size < expected * 2) size *= 2;
  return size;
}

export class IdIndex {
  private slots: Uint32Array;
  private count = 0;

  /** `expected`: how many Ids are coming, when known (the table is then made big enough at once). */
  public constructor(expected = 0) {
    this.slots = new Uint32Array(slotsFor(expected) * SLOT);
  }

  /** The row the Id was first seen on, or undefined the first time (the Id is then recorded on `row`). */
  public firstRowOf(id: string, row: number): number | undefined {
    hash(id);
    return this.firstRowOfHash(row);
  }

  /** firstRowOf for an ASCII Id given as the bytes `b[start..end)`. */
  public firstRowOfBytes(b: Uint8Array, start: number, end: number, row: number): number | undefined {
    hashBytes(b, start, end);
    return this.firstRowOfHash(row);
  }

  /** firstRowOf for the Id whose hash was just taken (hashHi, hashLo). */
  private firstRowOfHash(row: number): number | undefined {
    const h = hashHi;
    const l = hashLo;
    const s = this.slots;
    const mask = s.length / SLOT - 1;
    let i = ((h ^ l) & mask) * SLOT;
    for (let r = s[i + 2] as number; r !== 0; r = s[i + 2] as number) {
      if (s[i] === h && s[i + 1] === l) return r - 1;
      i = i + SLOT === s.length ? 0 : i + SLOT;
    }
    s[i] = h;
    s[i + 1] = l;
    s[i + 2] = row + 1;
    if (++this.count * 2 > s.length / SLOT) this.resize(this.count);
    return undefined;
  }

  /** Makes room for `more` Ids beyond those held, at once (no growing step by step as they come). */
  public reserve(more: number): void {
    if (slotsFor(this.count + more) * SLOT > this.slots.length) this.resize(this.count + more);
  }

  /** How many Ids are held. */
  public get size(): number {
    return this.count;
  }

  /**
   * The Ids held, to carry them to another process (src/score/split/): three numbers each (hash
   * high, hash low, row + 1), a quarter of the table's size at most.
   */
  public entries(): Uint32Array {
    const s = this.slots;
    const out = new Uint32Array(this.count * SLOT);
    let k = 0;
    for (let i = 0; i < s.length; i += SLOT) {
      if (s[i + 2] === 0) continue;
      out[k++] = s[i] as number;
      out[k++] = s[i + 1] as number;
      out[k++] = s[i + 2] as number;
    }
    return out;
  }

  /** An index of `entries()`, with room for `expected` Ids in all. */
  public static fromEntries(entries: Uint32Array, expected: number): IdIndex {
    const index = new IdIndex(Math.max(expected, entries.length / SLOT));
    const s = index.slots;
    const mask = s.length / SLOT - 1;
    for (let j = 0; j < entries.length; j += SLOT) {
      const h = entries[j] as number;
      const l = entries[j + 1] as number;
      let i = ((h ^ l) & mask) * SLOT;
      while (s[i + 2] !== 0) i = i + SLOT === s.length ? 0 : i + SLOT;
      s[i] = h;
      s[i + 1] = l;
      s[i + 2] = entries[j + 2] as number;
    }
    index.count = entries.length / SLOT;
    return index;
  }

  /** A table big enough for `expected` Ids, holding those held. */
  private resize(expected: number): void {
    const old = this.slots;
    const s = new Uint32Array(slotsFor(expected) * SLOT);
    const mask = s.length / SLOT - 1;
    for (let j = 0; j < old.length; j += SLOT) {
      const row = old[j + 2] as number;
      if (row === 0) continue;
      const h = old[j] as number;
      const l = old[j + 1] as number;
      let i = ((h ^ l) & mask) * SLOT;
      while (s[i + 2] !== 0) i = i + SLOT === s.length ? 0 : i + SLOT;
      s[i] = h;
      s[i + 1] = l;
      s[i + 2] = row;
    }
    this.slots = s;
  }
}
