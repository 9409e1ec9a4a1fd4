// Cells re-saved by a spreadsheet in a language (--locale): decimal and thousands separators, the
// day/month order of dates and the TRUE/FALSE words the spreadsheet writes in that language. Each is
// turned into the text the engine reads (`1234.5`, `2026-12-18`, `true`); a cell the locale cannot
// read is left as it is, and the engine names it. Without --locale nothing is guessed: a cell that
// only a locale could read fails its row, with a hint naming the value and --locale.
import { fieldsOfKind } from '../../engine/index.js';

export type CellLocale = {
  readonly tag: string;
  readonly decimal: '.' | ',';
  /** Thousands separators accepted (the locale's own and the spaces spreadsheets use). */
  readonly group: readonly string[];
  /** Day before month in dates (18.12.2026, 18/12/2026). */
  readonly dayFirst: boolean;
  /** TRUE and FALSE as the spreadsheet writes them in this language (Excel's TRUE()/FALSE() names). */
  readonly trueWord: string;
  readonly falseWord: string;
};

const SPACES = [' ', '\u00a0', '\u202f'];

export const LOCALES: Readonly<Record<string, CellLocale>> = {
  'en-US': { tag: 'en-US', decimal: '.', group: [','], dayFirst: false, trueWord: 'TRUE', falseWord: 'FALSE' },
  'en-GB': { tag: 'en-GB', decimal: '.', group: [','], dayFirst: true, trueWord: 'TRUE', falseWord: 'FALSE' },
  'de-DE': {
    tag: 'de-DE',
    decimal: ',',
    group: ['.', ...SPACES],
    dayFirst: true,
    trueWord: 'WAHR',
    falseWord: 'FALSCH',
  },
  'fr-FR': { tag: 'fr-FR', decimal: ',', group: SPACES, dayFirst: true, trueWord: 'VRAI', falseWord: 'FAUX' },
  'id-ID': { tag: 'id-ID', decimal: ',', group: ['.'], dayFirst: true, trueWord: 'BENAR', falseWord: 'SALAH' },
};

/** The locale of a --locale tag (case-insensitive), or undefined when it is not one we know. */
export const localeOf = (tag: string): CellLocale | undefined =>
  Object.values(LOCALES).find((l) => l.tag.toLowerCase() === tag.trim().toLowerCase());

/** Cells by kind (the engine's field kinds): the columns whose text a spreadsheet formats. */
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(fieldsOfKind('number'));
/** IsDeleted is the export's own column ("export all"), read before the engine sees the row. */
const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set([...fieldsOfKind('boolean'), 'IsDeleted']);
const DATE_COLUMNS: ReadonlySet<string> = new Set(fieldsOfKind('date'));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A locale's number pattern and thousands separators, built once per locale (not once per cell). */
const numberPatterns = new WeakMap<CellLocale, { number: RegExp; group: RegExp }>();
function numberPatternsOf(locale: CellLocale): { number: RegExp; group: RegExp } {
  let p = numberPatterns.get(locale);
  if (p === undefined) {
    const group = locale.group.map(escape).join('|');
    p = {
      number: new RegExp(
        `^([+-]?)(\\d{1,3}(?:(?:${group})\\d{3})+|\\d+)(?:${escape(locale.decimal)}(\\d+))?([eE][+-]?\\d{1,3})?$`,
      ),
      group: new RegExp(group, 'g'),
    };
    numberPatterns.set(locale, p);
  }
  return p;
}

/** A number as the locale writes it (`1.234.567,89`, `1 234,5`, `99,9 %`, `6,11289E+11`) -> `1234567.89`, or null. */
export function localNumber(text: string, locale: CellLocale): string | null {
  let t = text.trim();
  if (t.endsWith('%')) t = t.slice(0, -1).trim();
  const patterns = numberPatternsOf(locale);
  const m = patterns.number.exec(t);
  if (!m) return null;
  const whole = (m[2] ?? '').replace(patterns.group, '');
  return `${m[1] ?? ''}${whole}${m[3] === undefined ? '' : `.${m[3]}`}${m[4] ?? ''}`;
}

/** A date in the locale's order (`18.12.2026`, `12/18/2026`) -> `2026-12-18`, or null. */
export function localDate(text: string, locale: CellLocale): string | null {
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [day, month] = locale.dayFirst ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** TRUE/FALSE in the locale's words (or the API's true/false) -> `true`/`false`, or null. */
export function localBoolean(text: string, locale: CellLocale): string | null {
  const t = text.trim().toUpperCase();
  if (t === locale.trueWord || t === 'TRUE') return 'true';
  if (t === locale.falseWord || t === 'FALSE') return 'false';
  return null;
}

/** The row's cells as the engine reads them: each formatted cell of a known kind converted. */
export function localizeRow(values: Readonly<Record<string, string>>, locale: CellLocale): Record<string, string> {
  const out: Record<string, string> = { ...values };
  for (const [column, text] of Object.entries(values)) {
    if (text.trim() === '') continue;
    const converted = NUMBER_COLUMNS.has(column)
      ? localNumber(text, locale)
      : BOOLEAN_COLUMNS.has(column)
        ? localBoolean(text, locale)
        : DATE_COLUMNS.has(column)
          ? localDate(text, locale)
          : null;
    if (converted !== null) out[column] = converted;
  }
  return out;
}

const WORDS = new Set(Object.values(LOCALES).flatMap((l) => [l.trueWord, l.falseWord]));

/**
 * Whether a cell the engine could not read looks like a spreadsheet's formatting in some language
 * (`99,9`, `1.234.567,89`, `18.12.2026`, `WAHR`): then --locale is the way to read it.
 */
export function looksLocalized(text: string): boolean {
  const t = text.trim();
  return (
    /^[+-]?(\d{1,3}([.,\s\u00a0\u202f]\d{3})+|\d+)([.,]\d+)?([eE][+-]?\d+)?\s*%?$/.test(t) ||
    /^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(t) ||
    WORDS.has(t.toUpperCase())
  );
}

/**
 * An uptime percentage written as a spreadsheet's fraction of one (`0.9999` for 99.99%): the engine
 * reads 0.9999%, which no contract means. True for a plain number strictly between 0 and 1.
 */
export function looksLikeFraction(text: string): boolean {
  const t = text.trim();
  if (!/^0?\.\d+$/.test(t)) return false;
  const n = Number(t);
  return n > 0 && n < 1;
}

/** `99.99%` -> `99.99`: a percent cell with its sign is the same number without it. */
export const withoutPercentSign = (text: string): string => {
  const t = text.trim();
  return t.endsWith('%') ? t.slice(0, -1).trim() : text;
};
