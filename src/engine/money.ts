// Money in integer cents and percentages in basis points, so that floors and thresholds are exact
// at the boundaries (no floating-point drift: 105,000 x 1.35 is 141,750.00, not 141,749.99...).

export type Cents = number;

// Plain decimal text, optionally in E-notation as Salesforce writes values of 10 million and more
// (Java's Double.toString in Data Loader and Bulk API 2.0: `1.04625E7`; Excel: `6.11289E+11`).
const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?\s*$/;

/**
 * Parses a decimal text ("141750", "1.04625E7"; "141,750.5" is not accepted) to cents, exactly: an
 * exponent moves the decimal point in the digits (no floating-point multiply), so `1.04625E7` is
 * 1,046,250,000 cents, never 1,046,249,999.99... More than two decimals are rounded half away from
 * zero. Returns undefined when it is not a number.
 */
export function parseCents(text: string): Cents | undefined {
  const plain = plainCents(text);
  if (plain !== -1) return plain;
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const sign = m[1];
  let whole = m[2] ?? '';
  let frac = m[3] ?? '';
  if (whole === '' && frac === '') return undefined;
  if (m[4] !== undefined) {
    const shifted = shiftPoint(whole, frac, Number(m[4]));
    if (shifted === undefined) return undefined;
    [whole, frac] = shifted;
  }
  if (whole.length > 15) return undefined;
  let cents = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2));
  if (frac.length > 2 && frac.charCodeAt(2) >= 53 /* '5' */) cents += 1;
  if (!Number.isSafeInteger(cents)) return undefined;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** A short text's character codes, for plainCentsAt (one reading of the plain form, for text and bytes). */
const SCRATCH = new Uint8Array(16);

/**
 * The commonest amount text, 1 to 13 digits with at most two decimals (`43623.97`, `500`, `7.`),
 * read by hand to the same cents as the pattern above; -1 for any other text (read by the pattern).
 */
function plainCents(text: string): Cents {
  const n = text.length;
  if (n === 0 || n > 16) return -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return -1;
    SCRATCH[i] = c;
  }
  return plainCentsAt(SCRATCH, 0, n);
}

/**
 * The plain amount form (see plainCents) read from ASCII bytes (`bytes[start..end)`, one byte a
 * character), for a reader that has not made the cell a string; -1 for any other form.
 */
export function plainCentsAt(bytes: Uint8Array, start: number, end: number): Cents {
  const n = end - start;
  if (n === 0 || n > 16) return -1;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const d = (bytes[start + i] as number) - 48;
    if (d === -2 /* '.' */) break;
    if (d < 0 || d > 9) return -1;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 13) return -1;
  let cents = whole * 100;
  const decimals = n - i - 1;
  if (decimals > 2) return -1;
  if (decimals >= 1) {
    const d = (bytes[start + i + 1] as number) - 48;
    if (d < 0 || d > 9) return -1;
    cents += d * 10;
  }
  if (decimals === 2) {
    const d = (bytes[start + i + 2] as number) - 48;
    if (d < 0 || d > 9) return -1;
    cents += d;
  }
  return cents;
}

/** The digits `whole.frac` times 10^exp, as whole and fraction digits (no leading zeros in whole). */
function shiftPoint(whole: string, frac: string, exp: number): [string, string] | undefined {
  const all = whole + frac;
  let lead = 0;
  while (lead < all.length && all.charCodeAt(lead) === 48 /* '0' */) lead++;
  const digits = all.slice(lead);
  if (digits === '') return ['0', ''];
  // Where the decimal point lands, counted from the first significant digit.
  const point = whole.length + exp - lead;
  if (point > 15) return undefined;
  if (point <= 0) return ['0', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}

/** A currency amount held as a JavaScript number (as LDS returns it) to cents. */
export function numberToCents(value: number): Cents | undefined {
  if (!Number.isFinite(value)) return undefined;
  const cents = Math.round(value * 100);
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** Percent (20 = 20%, 99.95 allowed) to basis points, or undefined when it has more than two decimals. */
export function percentToBasisPoints(pct: number): number | undefined {
  const bp = Math.round(pct * 100);
  return Math.abs(bp - pct * 100) < 1e-6 ? bp : undefined;
}

/** ceil(a * b / d) for non-negative integers, exact even past 2^53 intermediate products. */
export function mulDivCeil(a: number, b: number, d: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const q = Math.floor(product / d);
    return q * d < product ? q + 1 : q;
  }
  return mulDivCeilBig(a, b, d);
}

// Apart, so that the common path above stays small enough to be inlined where it is called.
function mulDivCeilBig(a: number, b: number, d: number): number {
  const big = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  const q = big / bd;
  return Number(q * bd < big ? q + 1n : q);
}

/** Cents as a plain decimal string with two decimals ("141750.00"), as Salesforce and CSV expect. */
export function centsToDecimal(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const frac = abs % 100;
  return `${sign}${(abs - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Cents as a number in currency units (141750), for JSON and LDS. */
export function centsToNumber(cents: Cents): number {
  return cents / 100;
}
