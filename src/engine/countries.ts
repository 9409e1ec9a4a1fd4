// Countries as ISO 3166-1 alpha-2 codes: a code or an English name (any case, spaces around
// ignored) to its code. The table is generated from a maintained list (countries.generated.ts).
import { COUNTRY_TABLE } from './countries.generated.js';
import { matchKey } from './parse.js';

let codeByKey: Map<string, string> | null = null;

function lookup(): Map<string, string> {
  if (codeByKey === null) {
    codeByKey = new Map();
    for (const line of COUNTRY_TABLE.split('\n')) {
      const [code = '', ...names] = line.split('|');
      codeByKey.set(matchKey(code), code);
      for (const name of names) codeByKey.set(matchKey(name), code);
    }
  }
  return codeByKey;
}

/** Countries as written, looked up before (deals repeat a few spellings): at most 4,096 kept. */
const codeByText = new Map<string, string | null>();

/** `ID`, `id`, ` Indonesia ` -> `ID`; `gb`, `United Kingdom`, `UK` -> `GB`; unknown or blank -> null. */
export function countryCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const known = codeByText.get(value);
  if (known !== undefined) return known;
  const code = lookup().get(matchKey(value)) ?? null;
  // Kept as a copy: a cell's text may be a slice of a whole chunk of a file, kept alive by a key.
  if (codeByText.size < 4096) codeByText.set([...value].join(''), code);
  return code;
}
