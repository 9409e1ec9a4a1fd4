// Small formatting helpers: Custom Label placeholders and money in the record's currency.

/** Replaces {0}, {1}, ... in a Custom Label with the arguments, as text (never markup). */
export function formatLabel(template, ...args) {
  return String(template === undefined || template === null ? '' : template).replace(/\{(\d+)\}/g, (match, index) => {
    const value = args[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

function numberFormat(locale, options) {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en-US', options);
  }
}

/**
 * A function from cents to text in `currency` for `locale` ("$141,750", "Rp 141.750"). Whole
 * amounts show no decimals; an unknown currency code falls back to the code and the number.
 */
export function moneyFormatter(locale, currency) {
  let whole;
  let exact;
  try {
    whole = numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    exact = numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 2 });
  } catch {
    const plain = numberFormat(locale, { maximumFractionDigits: 2 });
    return (cents) => `${currency} ${plain.format(cents / 100)}`;
  }
  return (cents) => (cents % 100 === 0 ? whole : exact).format(cents / 100);
}

/** Plain numbers (percentages, months, counts) in the user's locale. */
export function numberFormatter(locale) {
  const format = numberFormat(locale, { maximumFractionDigits: 3 });
  return (value) => format.format(value);
}

/** A date-only value (YYYY-MM-DD) in the user's locale, read as a calendar date (no time zone shift). */
export function formatDate(locale, isoDate) {
  if (!isoDate) return '';
  const date = new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(isoDate);
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return String(isoDate).slice(0, 10);
  }
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
