// The Id tables of duplicate detection (src/score/idIndex.ts): the split's two parts list their Ids
// in their first pass (IdList); the second part takes from the first part's list the Ids it also
// has (IdIndex.seenEarlier), and a row's Id then has the first row it has in the whole file.
import { IdIndex, IdList } from '../../src/score/idIndex';

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

it('gives each row of the later part the first row its Id has in the whole file', () => {
  // Ids drawn from a pool small enough that many repeat, within and across the parts.
  let seed = 7;
  const draw = (): number | null => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % 50 === 0 ? null : seed % 6000;
  };
  const first = Array.from({ length: 5000 }, draw);
  const second = Array.from({ length: 5000 }, draw);
  const earlier = listOf(first, 1);
  const later = listOf(second, 1 + first.length);
  expect(earlier.size).toBe(first.filter((n) => n !== null).length);

  const seen = IdIndex.seenEarlier(earlier.entries(), later.entries());
  const table = new IdIndex(later.size, seen);
  const firstRows = new Map<number, number>();
  first.forEach((n, k) => {
    if (n !== null && !firstRows.has(n)) firstRows.set(n, 1 + k);
  });
  const wrong: string[] = [];
  let duplicates = 0;
  second.forEach((n, k) => {
    if (n === null) return;
    const row = 1 + first.length + k;
    const expected = firstRows.get(n);
    if (expected === undefined) firstRows.set(n, row);
    const got = k % 3 === 0 ? table.firstRowOf(idOf(n), row) : table.firstRowOfBytes(Buffer.from(idOf(n)), 0, 18, row);
    if (got !== expected) wrong.push(`${idOf(n)} on row ${row}: ${String(got)}, not ${String(expected)}`);
    if (expected !== undefined) duplicates++;
  });
  expect(wrong).toEqual([]);
  expect(duplicates).toBeGreaterThan(1000);
});

it('holds only the earlier Ids the later part may have, not the whole earlier part', () => {
  const earlier = listOf(
    Array.from({ length: 20000 }, (_, k) => k),
    1,
  );
  // The later part shares 100 Ids with the earlier one.
  const later = listOf(
    Array.from({ length: 20000 }, (_, k) => (k < 100 ? k * 7 : 100000 + k)),
    20001,
  );
  const seen = IdIndex.seenEarlier(earlier.entries(), later.entries());
  expect(seen.size).toBeGreaterThanOrEqual(100);
  // About one in sixteen of the others gets through the bitmap.
  expect(seen.size).toBeLessThan(100 + 20000 / 8);
  const table = new IdIndex(0, seen);
  expect(table.firstRowOf(idOf(7 * 99), 30000)).toBe(7 * 99 + 1);
  expect(table.firstRowOf(idOf(123456), 30001)).toBeUndefined();
  expect(table.firstRowOf(idOf(123456), 30002)).toBe(30001);
});

it('keeps the first of an Id listed twice in the earlier part', () => {
  const earlier = listOf([1, 2, 1, 3], 1);
  const later = listOf([1], 5);
  const table = new IdIndex(0, IdIndex.seenEarlier(earlier.entries(), later.entries()));
  expect(table.firstRowOf(idOf(1), 5)).toBe(1);
});
