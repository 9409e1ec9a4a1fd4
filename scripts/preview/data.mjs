// The preview's data, read the way the org and the CLI read it: sample opportunities from
// samples/opportunities.csv (columns are field API names), policies from the custom metadata
// records, and each owner's pipeline figures computed with the engine (the same functions the CLI
// uses), for the quarter holding `asOf`.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';

/** A few rows to fall back on while samples/opportunities.csv is not there. */
const FALLBACK_ROWS = [
  {
    Id: '006000000000001AAA',
    Name: 'Buyer example - 140K against a 141.75K threshold',
    OwnerId: '005000000000001AAA',
    Amount: '140000',
    CurrencyIsoCode: 'USD',
    Direct_Cost__c: '80000',
    Allocated_Overhead__c: '25000',
    'Account.Industry': 'Healthcare',
  },
];

/**
 * A CSV cell as LDS would hold it: numbers and checkboxes typed (the engine's field kinds and
 * parsers, so the preview reads a cell as the CLI does), blanks null; unreadable text kept.
 */
function cellTyper(engine) {
  const numbers = new Set(engine.fieldsOfKind('number'));
  const booleans = new Set(engine.fieldsOfKind('boolean'));
  return (field, text) => {
    if (text === undefined || text === null || String(text).trim() === '') return null;
    const s = String(text).trim();
    if (numbers.has(field)) return engine.parseDecimal(s) ?? s;
    if (booleans.has(field)) return engine.parseBoolean(s) ?? s;
    return s;
  };
}

export async function loadSampleRows(root) {
  const file = join(root, 'samples/opportunities.csv');
  if (!existsSync(file)) return { rows: FALLBACK_ROWS, source: 'built-in fixture' };
  const rows = parse(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
  return { rows, source: 'samples/opportunities.csv' };
}

/**
 * Policy records keyed by field API names, as WalkAwayController.getPanelContext returns them, read
 * by the CLI's own reader (lib/io/policyFiles.js: build first).
 */
export async function loadPolicyRecords(root) {
  const entry = join(root, 'lib/io/policyFiles.js');
  if (!existsSync(entry)) throw new Error('lib/io/policyFiles.js is missing: run `npm run build` first');
  const { readPolicyRecords } = await import(pathToFileURL(entry).href);
  return (await readPolicyRecords(join(root, 'force-app/main/default/customMetadata'))).map((f) => f.record);
}

/**
 * The values and labels of a restricted picklist field of Opportunity, as getPicklistValues gives
 * them: in Bahasa Indonesia (`lang` 'in') each label is the value's translation in
 * objectTranslations/Opportunity-in, as the platform serves it to an Indonesian user.
 */
export async function loadPicklist(root, field, lang = 'en') {
  const parser = new XMLParser({ parseTagValue: false });
  const file = join(root, 'force-app/main/default/objects/Opportunity/fields', `${field}.field-meta.xml`);
  const xml = parser.parse(await readFile(file, 'utf8'));
  const values = [].concat(xml.CustomField.valueSet?.valueSetDefinition?.value ?? []);
  const translated = new Map();
  const translation = join(
    root,
    'force-app/main/default/objectTranslations/Opportunity-in',
    `${field}.fieldTranslation-meta.xml`,
  );
  if (lang === 'in' && existsSync(translation)) {
    const t = parser.parse(await readFile(translation, 'utf8')).CustomFieldTranslation;
    for (const v of [].concat(t.picklistValues ?? [])) translated.set(String(v.masterLabel), String(v.translation));
  }
  return values.map((v) => ({
    attributes: null,
    label: translated.get(String(v.label)) || String(v.label),
    validFor: [],
    value: String(v.fullName),
  }));
}

/**
 * The sample org's currencies (samples/currency-rates.csv, read by the CLI's own reader: build
 * first), as CurrencyType holds them; null without the file (a single-currency org).
 */
export async function loadRates(root) {
  const file = join(root, 'samples/currency-rates.csv');
  if (!existsSync(file)) return null;
  const entry = join(root, 'lib/score/currencyRates.js');
  if (!existsSync(entry)) throw new Error('lib/score/currencyRates.js is missing: run `npm run build` first');
  const { readCurrencyRates } = await import(pathToFileURL(entry).href);
  return readCurrencyRates(file);
}

/** The picklists the decision form reads with getPicklistValues. */
const PICKLISTS = ['Walk_Away_Decision__c', 'Walk_Away_Exit_Reason__c'];

/**
 * Everything the page needs: records (flat, keyed by API names), the active policies, and each
 * record's pipeline figures in Apex's shape (currency units). As WalkAwayController gives them:
 * with rates, every amount in the corporate currency (a row without a rate left out of the sums)
 * and the record's own currency with its rate against it; without, as a single-currency org.
 */
export async function loadPreviewData(root, engine, asOf) {
  const { rows, source } = await loadSampleRows(root);
  const rates = await loadRates(root);
  const currencyOf = (row) => (rates === null ? null : engine.currencyKey(row.CurrencyIsoCode) || null);
  const inCorporate = (cents, row) =>
    rates === null ? cents : (engine.convertCents(cents, currencyOf(row), rates.corporate, rates.rates) ?? null);
  const typed = cellTyper(engine);
  const policies = (await loadPolicyRecords(root)).filter((p) => p.Active__c === true);
  const quarter = engine.calendarQuarter(asOf);
  const totals = new Map();
  const quotas = new Map();
  const pipelineRow = (row) => {
    const amount = typed('Amount', row.Amount);
    const ownerId = (row.OwnerId || '').trim();
    if (ownerId === '' || (amount !== null && typeof amount !== 'number')) return null;
    const closeDate = /^\d{4}-\d{2}-\d{2}/.test(row.CloseDate || '') ? row.CloseDate.slice(0, 10) : null;
    const probability = typed('Probability', row.Probability);
    return {
      ownerId,
      amountCents: amount === null ? null : inCorporate(Math.round(amount * 100), row),
      probability: typeof probability === 'number' ? probability : null,
      closeDate,
      isClosed: typed('IsClosed', row.IsClosed) === true,
      isWon: typed('IsWon', row.IsWon) === true,
    };
  };
  const hasPipeline =
    rows.length > 0 && ['OwnerId', 'CloseDate', 'Probability', 'IsClosed', 'IsWon'].every((c) => c in rows[0]);
  if (hasPipeline) {
    for (const row of rows) {
      const p = pipelineRow(row);
      if (p === null) continue;
      engine.addToPipeline(totals, p, quarter);
      const quota = typed('Owner.Walk_Away_Quarterly_Quota__c', row['Owner.Walk_Away_Quarterly_Quota__c']);
      if (typeof quota === 'number' && !quotas.has(p.ownerId)) quotas.set(p.ownerId, Math.round(quota * 100));
    }
  }
  const records = rows.map((row) => {
    const flat = {};
    for (const [column, text] of Object.entries(row)) flat[column] = typed(column, text);
    const p = hasPipeline ? pipelineRow(row) : null;
    const figures = p ? engine.pipelineFor(totals.get(p.ownerId), p, quotas.get(p.ownerId) ?? null, quarter) : null;
    const pipeline = figures && {
      alternatives: figures.alternatives,
      alternativesAmount: figures.alternativesAmountCents / 100,
      closedWonAmount: figures.closedWonCents / 100,
      quota: figures.quotaCents === null ? null : figures.quotaCents / 100,
      daysToQuarterEnd: figures.daysToQuarterEnd,
      currencyIsoCode: rates === null ? null : rates.corporate,
      dealCurrencyIsoCode: currencyOf(row),
      dealCurrencyRate: currencyOf(row) === null ? null : (rates.rates.get(currencyOf(row)) ?? null),
      complete: true,
      moreThan: null,
    };
    return { flat, pipeline };
  });
  const picklists = { en: {}, in: {} };
  for (const lang of ['en', 'in']) {
    for (const field of PICKLISTS) picklists[lang][field] = await loadPicklist(root, field, lang);
  }
  return { source, asOf, policies, records, picklists };
}
