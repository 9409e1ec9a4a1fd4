// The buyer's price as the rep types it, read the way the rep's locale writes numbers: "140,000.50"
// in English, "140.000,50" or "130.000" in Bahasa Indonesia, E-notation ("1e6") anywhere, with or
// without the currency symbol. Cents are rounded half away from zero by the engine's parseCents,
// the one text-to-cents rule. Returns { cents } or { problem } naming what is wrong.
import { parseCents } from 'c/walkAwayEngine';

const separatorCache = new Map();

/** The group and decimal separators of `locale` ("," and "." for en-US, "." and "," for id-ID). */
export function separators(locale) {
  if (!separatorCache.has(locale)) {
    let parts;
    try {
      parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    } catch {
      parts = new Intl.NumberFormat('en-US').formatToParts(12345.6);
    }
    const part = (type, fallback) => (parts.find((p) => p.type === type) || { value: fallback }).value;
    separatorCache.set(locale, { group: part('group', ','), decimal: part('decimal', '.') });
  }
  return separatorCache.get(locale);
}

const E_NOTATION = /^(\d+(?:\.\d+)?)e([+-]?\d{1,2})$/i;

/** Whole digits with group separators only where the locale puts them (every three digits). */
function grouped(whole, group) {
  if (!whole.includes(group)) return /^\d+$/.test(whole) ? whole : null;
  const esc = group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\d{1,3}(${esc}\\d{3})+$`).test(whole) ? whole.split(group).join('') : null;
}

/** E-notation to a plain decimal string, exactly (no floating point): "1.5e6" -> "1500000". */
function expand(mantissa, exponent) {
  const [whole, frac = ''] = mantissa.split('.');
  const digits = whole + frac;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The ways `currency` is written in `locale`: its code and its symbol ("USD", "$"; "IDR", "Rp"). */
function currencyMarks(locale, currency) {
  const marks = [];
  if (!currency) return marks;
  marks.push(currency);
  try {
    const part = new Intl.NumberFormat(locale, { style: 'currency', currency })
      .formatToParts(1)
      .find((p) => p.type === 'currency');
    if (part) marks.push(part.value.replace(/[\s\u00a0]/g, ''));
  } catch {
    // an unknown currency code: its code is all there is to strip
  }
  return marks;
}

/** A plain decimal ("130000.5") from the text, or null when it cannot be read in `locale`. */
export function normalisePrice(text, locale, currency) {
  const { group, decimal } = separators(locale);
  // Spaces (also the no-break spaces some locales group with) go, and the currency's code or
  // symbol at either end; any other letter makes the entry unreadable.
  let s = String(text).replace(/[\s\u00a0\u202f]/g, '');
  for (const mark of currencyMarks(locale, currency)) {
    const upper = s.toUpperCase();
    if (upper.startsWith(mark.toUpperCase())) s = s.slice(mark.length);
    else if (upper.endsWith(mark.toUpperCase())) s = s.slice(0, s.length - mark.length);
  }
  if (s.startsWith('+')) s = s.slice(1);
  const e = E_NOTATION.exec(s);
  if (e) return expand(e[1], e[2]);
  const lastDecimal = s.lastIndexOf(decimal);
  const lastGroup = s.lastIndexOf(group);
  let whole = s;
  let frac = '';
  if (lastDecimal > lastGroup || (lastDecimal >= 0 && lastGroup < 0)) {
    whole = s.slice(0, lastDecimal);
    frac = s.slice(lastDecimal + 1);
  } else if (lastGroup >= 0 && !grouped(s, group) && s.indexOf(group) === lastGroup && group === '.') {
    // "130.5" where "." groups thousands (id-ID): not a thousands group, so a decimal point.
    whole = s.slice(0, lastGroup);
    frac = s.slice(lastGroup + 1);
  }
  if (!/^\d*$/.test(frac) || (whole === '' && frac === '')) return null;
  const digits = whole === '' ? '0' : grouped(whole, group);
  if (digits === null) return null;
  return frac === '' ? digits : `${digits}.${frac}`;
}

/**
 * The price typed in `locale` for a deal in `currency`:
 * { cents: null } for a blank entry, { cents } for a price, or { problem: 'unreadable' |
 * 'negative' | 'tooLarge' }.
 */
export function readPrice(text, locale, currency) {
  const raw = text === undefined || text === null ? '' : String(text).trim();
  if (raw === '') return { cents: null };
  if (/^-/.test(raw.replace(/^[^\d-]+/, ''))) return { problem: 'negative' };
  const plain = normalisePrice(raw, locale, currency);
  if (plain === null) return { problem: 'unreadable' };
  if (plain.split('.')[0].replace(/^0+(?=\d)/, '').length > 13) return { problem: 'tooLarge' };
  const cents = parseCents(plain);
  return cents === undefined ? { problem: 'unreadable' } : { cents };
}

/** An example of a price in `locale`, for the message shown when an entry cannot be read. */
export function priceExample(locale) {
  const { group, decimal } = separators(locale);
  return `140${group}000${decimal}50`;
}
