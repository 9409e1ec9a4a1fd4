// Salesforce record Ids: a report export writes the 15-character, case-sensitive form; the API and
// every output of Walk-Away use the 18-character, case-safe form. The three extra characters are
// a checksum of the case of the first fifteen: each block of five gives one character of
// ABCDEFGHIJKLMNOPQRSTUVWXYZ012345, indexed by the bits of its upper-case letters (first letter =
// lowest bit) — what the CASESAFEID() formula function returns.
const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID15 = /^[a-zA-Z0-9]{15}$/;

/** The 18-character form of a 15-character Id; any other text is returned as it is. */
export function caseSafeId(id: string): string {
  if (id.length !== 15 || !ID15.test(id)) return id;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return id + suffix;
}
