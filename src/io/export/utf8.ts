// Strict UTF-8 for exports: each chunk of bytes is decoded once by the platform's fatal decoder;
// only a chunk that fails is scanned again, to find the first byte that is not UTF-8.

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

/** The text of `bytes`, or the index of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string; badAt: -1 } | { text: null; badAt: number } {
  try {
    return { text: strict.decode(bytes), badAt: -1 };
  } catch {
    return { text: null, badAt: firstBadByte(bytes) };
  }
}

/** Index of the first byte of the first ill-formed UTF-8 sequence (bytes.length when there is none). */
export function firstBadByte(bytes: Uint8Array): number {
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
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lower || c > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return n;
}
