// Strict UTF-8 for exports: each chunk of bytes is decoded once by the platform's fatal decoder;
// only a chunk that fails is decoded again, marking each bad byte sequence so that the cells at
// fault can be named while the rest of the file is still read.

/** Stands in the decoded text for bytes that are not UTF-8: a lone surrogate, which no UTF-8 text decodes to. */
export const BAD = '\uDFFF';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where an incomplete UTF-8 sequence at the end of `b` starts (b.length when it ends on a character). */
export function completeLength(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k] ?? 0;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** The text of `bytes` and whether any was not UTF-8 (then marked with BAD). */
export function decodeUtf8(bytes: Uint8Array): { text: string; bad: boolean } {
  try {
    return { text: strict.decode(bytes), bad: false };
  } catch {
    return { text: decodeMarkingBadBytes(bytes), bad: true };
  }
}

/**
 * Decodes bytes that are not all valid UTF-8, one BAD mark for each maximal ill-formed
 * subsequence (where a lenient decoder would put U+FFFD). The slow path: only for a failed chunk.
 */
export function decodeMarkingBadBytes(bytes: Uint8Array): string {
  let out = '';
  let start = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    }
    let j = i + 1;
    let seen = 0;
    if (need > 0) {
      while (seen < need && j < n) {
        const c = bytes[j] ?? 0;
        if (c < lower || c > upper) break;
        lower = 0x80;
        upper = 0xbf;
        j++;
        seen++;
      }
      if (seen === need) {
        i = j;
        continue;
      }
    }
    out += strict.decode(bytes.subarray(start, i)) + BAD;
    i = j;
    start = i;
  }
  return out + strict.decode(bytes.subarray(start, n));
}
