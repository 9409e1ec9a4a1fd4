// Duplicate Ids in a split run (src/score/split/duplicateRows.ts): the two parts list their Ids in
// their first pass (IdList); each part's repeats are then found from those lists at once, and a
// row's Id has the first row it has in the whole file, as one process's table (IdIndex) gives it.
import { IdIndex, IdList } from '../../src/score/idIndex';
import { DuplicateRows, IdBits } from '../../src/score/split/duplicateRows';

/** DuplicateRows of `own` after `earlier`, their bits added in either order. */
function duplicatesOf(earlier: IdList | null, own: IdList, ownRowsAfter: number): DuplicateRows {
  const bits = new IdBits(own.size + (earlier?.size ?? 0));
  bits.add(own.entries());
  if (earlier !== null) bits.add(earlier.entries());
  return DuplicateRows.of(bits, earlier?.entries() ?? null, own.entries(), ownRowsAfter);
}

const idOf = (n: number): string => `0065g${String(n).padStart(10, '0')}AAA`;

/** A part of a file: its rows' Ids (null: a row whose Id is not recorded), listed from `firstRow`. */
function listOf(ids: ReadonlyArray<number | null>, firstRow: number): IdList {
  const list = new IdList();
  ids.forEach((n, k) => {
    if (n === null) return;
    const text = idOf(n);
    // Half of them as a plain record's bytes, the others as text: both hash alike.
    if (k % 2 === 0) list.add(text, firstRow + k);
    else list.addBytes(Buffer.from(`,${text},`, 'latin1'), 1, 1 + text.length, firstRow + k);
  });
  return list;
}

/** What each row of `part` (rows after `rowsBefore`) is asked, and what one table over the whole file says. */
function compare(
  duplicates: DuplicateRows,
  whole: IdIndex,
  before: ReadonlyArray<number | null>,
  part: ReadonlyArray<number | null>,
): { wrong: string[]; repeats: number } {
  for (const [k, n] of before.entries()) if (n !== null) whole.firstRowOf(idOf(n), 1 + k);
  const wrong: string[] = [];
  let repeats = 0;
  part.forEach((n, k) => {
    if (n === null) return;
    const row = 1 + before.length + k;
    const expected = whole.firstRowOf(idOf(n), row);
    const got =
      k % 3 === 0 ? duplicates.firstRowOf(idOf(n), row) : duplicates.firstRowOfBytes(Buffer.from(idOf(n)), 0, 18, row);
    if (got !== expected) wrong.push(`${idOf(n)} on row ${row}: ${String(got)}, not ${String(expected)}`);
    if (expected !== undefined) repeats++;
  });
  return { wrong, repeats };
}

it('gives each row of either part the first row its Id has in the whole file', () => {
  // Ids drawn from a pool small enough that many repeat, within and across the parts.
  let seed = 7;
  const draw = (): number | null => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % 50 === 0 ? null : seed % 6000;
  };
  const first = Array.from({ length: 5000 }, draw);
  const second = Array.from({ length: 5000 }, draw);
  const earlier = listOf(first, 1);
  // The second part's first pass numbers its rows from its own start.
  const later = listOf(second, 1);
  expect(earlier.size).toBe(first.filter((n) => n !== null).length);

  const inFirst = compare(duplicatesOf(null, earlier, 0), new IdIndex(), [], first);
  expect(inFirst.wrong).toEqual([]);
  expect(inFirst.repeats).toBeGreaterThan(500);

  const duplicates = duplicatesOf(earlier, later, first.length);
  const inSecond = compare(duplicates, new IdIndex(), first, second);
  expect(inSecond.wrong).toEqual([]);
  expect(inSecond.repeats).toBeGreaterThan(1000);
  expect(duplicates.size).toBe(inSecond.repeats);
  expect(duplicates.asked).toBe(later.size);
});

it("finds the repeats among many Ids, whichever of the others share the bitmaps' bits", () => {
  const first = Array.from({ length: 20000 }, (_, k) => k);
  // The later part shares 100 Ids with the earlier one, and repeats one of its own.
  const second = Array.from({ length: 20000 }, (_, k) => (k < 100 ? k * 7 : k === 19999 ? 100500 : 100000 + k));
  const duplicates = duplicatesOf(listOf(first, 1), listOf(second, 1), 20000);
  expect(duplicates.size).toBe(101);
  expect(duplicates.firstRowOf(idOf(7 * 99), 20001 + 99)).toBe(7 * 99 + 1);
  expect(duplicates.firstRowOf(idOf(100123), 20001 + 123)).toBeUndefined();
  expect(duplicates.firstRowOf(idOf(100500), 40000)).toBe(20501);
});

it('keeps the first of an Id listed twice in the earlier part; a row asked twice is one row asked', () => {
  const duplicates = duplicatesOf(listOf([1, 2, 1, 3], 1), listOf([1, 4], 1), 4);
  expect(duplicates.firstRowOf(idOf(1), 5)).toBe(1);
  expect(duplicates.firstRowOf(idOf(1), 5)).toBe(1);
  expect(duplicates.firstRowOf(idOf(4), 6)).toBeUndefined();
  expect(duplicates.asked).toBe(2);
});
