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

/** Where a row's Id was first seen (the scoring pass's duplicate check). */
export type SeenIds = {
  /** The row the Id was first seen on, or undefined the first time (a row asked again: the same answer). */
  firstRowOf(id: string, row: number): number | undefined;
  /** firstRowOf for an ASCII Id given as the bytes `b[start..end)`. */
  firstRowOfBytes(b: Uint8Array, start: number, end: number, row: number): number | undefined;
};

export class IdIndex implements SeenIds {
  private slots: Uint32Array;
  private count = 0;

  /** `expected`: how many Ids are coming, when known (the table is then made big enough at once). */
  public constructor(expected = 0) {
    this.slots = new Uint32Array(slotsFor(expected) * SLOT);
  }

  /** The row the Id was first seen on, or undefined the first time (the Id is then recorded on `row`). */
  public firstRowOf(id: string, row: number): number | undefined {
    hash(id);
    return this.firstRowOfHash(hashHi, hashLo, row);
  }

  /** firstRowOf for an ASCII Id given as the bytes `b[start..end)`. */
  public firstRowOfBytes(b: Uint8Array, start: number, end: number, row: number): number | undefined {
    hashBytes(b, start, end);
    return this.firstRowOfHash(hashHi, hashLo, row);
  }

  /** firstRowOf for the Id of hash (h, l): IdList's entries hold it. */
  public firstRowOfHash(h: number, l: number, row: number): number | undefined {
    const i = this.slotOf(h, l);
    const held = this.slots[i + 2] as number;
    if (held !== 0) return held - 1;
    this.put(i, h, l, row);
    return undefined;
  }

  /** Records the hash (h, l) on `row` in the empty slot `i` (slotOf), the table grown when half full. */
  private put(i: number, h: number, l: number, row: number): void {
    const s = this.slots;
    s[i] = h;
    s[i + 1] = l;
    s[i + 2] = row + 1;
    if (++this.count * 2 > s.length / SLOT) this.resize(this.count);
  }

  /** Where the hash (h, l) is held, or the empty slot where it would go. */
  private slotOf(h: number, l: number): number {
    const s = this.slots;
    const mask = s.length / SLOT - 1;
    let i = ((h ^ l) & mask) * SLOT;
    while (s[i + 2] !== 0 && (s[i] !== h || s[i + 1] !== l)) i = i + SLOT === s.length ? 0 : i + SLOT;
    return i;
  }

  /** Makes room for `more` Ids beyond those held, at once (no growing step by step as they come). */
  public reserve(more: number): void {
    if (slotsFor(this.count + more) * SLOT > this.slots.length) this.resize(this.count + more);
  }

  /** How many Ids are held. */
  public get size(): number {
    return this.count;
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

/**
 * The Ids of a part of the file in the order they are met (a split run's first pass): their hashes
 * and rows, three numbers each (hash high, hash low, row + 1), written one after another.
 */
export class IdList {
  private list = new Uint32Array(1024 * SLOT);
  private length = 0;

  public add(id: string, row: number): void {
    hash(id);
    this.push(row);
  }

  /** add() for an ASCII Id given as the bytes `b[start..end)`. */
  public addBytes(b: Uint8Array, start: number, end: number, row: number): void {
    hashBytes(b, start, end);
    this.push(row);
  }

  private push(row: number): void {
    if (this.length + SLOT > this.list.length) this.reserve(this.list.length / SLOT);
    const k = this.length;
    this.list[k] = hashHi;
    this.list[k + 1] = hashLo;
    this.list[k + 2] = row + 1;
    this.length = k + SLOT;
  }

  /** Makes room for `more` Ids beyond those held, at once. */
  public reserve(more: number): void {
    const wanted = this.length + more * SLOT;
    if (wanted <= this.list.length) return;
    const bigger = new Uint32Array(wanted);
    bigger.set(this.list.subarray(0, this.length));
    this.list = bigger;
  }

  /** How many Ids are held. */
  public get size(): number {
    return this.length / SLOT;
  }

  /** The Ids held, in the order met (a view, not a copy). */
  public entries(): Uint32Array {
    return this.list.subarray(0, this.length);
  }
}
