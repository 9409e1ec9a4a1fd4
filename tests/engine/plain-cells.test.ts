// The engine reads the commonest cell texts (plain digits, `true`/`false`) by hand, ahead of its
// patterns. Text with a space around it never takes that way (the patterns trim it): reading the
// same text with and without a space must give the same value, for every text, plain or not.
import fc from 'fast-check';
import { countryCode, listIncludes, parseBoolean, parseCents, parseDecimal } from '../../src/engine';

/** Cell texts near the plain form: digits, points, signs, exponents, letters, in any order. */
const nearlyPlain = fc
  .array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', 'E', 'x', '%', ','), { minLength: 0, maxLength: 18 })
  .map((chars) => chars.join(''));
/** Plain amounts: up to 16 digits, with up to 3 decimals. */
const plainAmount = fc
  .tuple(fc.stringMatching(/^\d{1,16}$/), fc.stringMatching(/^\d{0,3}$/), fc.boolean())
  .map(([whole, frac, point]) => (point ? `${whole}.${frac}` : whole));

describe('plain cells read by hand', () => {
  it('reads amounts as the amount pattern does', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyPlain, plainAmount), (text) => {
        expect(parseCents(text)).toBe(parseCents(` ${text}`));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads plain amounts to the exact cents', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,13}$/), fc.stringMatching(/^\d{0,2}$/), (whole, frac) => {
        const cents = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
        expect(parseCents(`${whole}.${frac}`)).toBe(Number(cents));
      }),
    );
    expect(parseCents('43623.97')).toBe(4_362_397);
    expect(parseCents('7.')).toBe(700);
    expect(parseCents('1.005')).toBe(101);
    expect(parseCents('12345678901234')).toBe(1_234_567_890_123_400);
    expect(parseCents('1234567890123456')).toBeUndefined();
  });

  it('reads numbers and checkboxes as their patterns do', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyPlain, plainAmount), (text) => {
        expect(parseDecimal(text)).toBe(parseDecimal(` ${text}`));
      }),
      { numRuns: 20_000 },
    );
    for (const text of ['true', 'false', '', 'TRUE', 'False', '1', '0', 'yes', 'no', 'maybe']) {
      expect(parseBoolean(text)).toBe(parseBoolean(` ${text} `));
    }
  });

  it('matches list values and countries as written or in another case', () => {
    const served = ['Technology', ' Energy '];
    expect(listIncludes(served, 'Technology')).toBe(true);
    expect(listIncludes(served, 'energy')).toBe(true);
    expect(listIncludes(served, ' TECHNOLOGY')).toBe(true);
    expect(listIncludes(served, 'Retail')).toBe(false);
    // Asked twice: the second answer comes from what the first looked up.
    for (let k = 0; k < 2; k++) {
      expect(countryCode('United States')).toBe('US');
      expect(countryCode(' united states ')).toBe('US');
      expect(countryCode('Atlantis')).toBeNull();
    }
  });
});
