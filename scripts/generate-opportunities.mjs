#!/usr/bin/env node
// Realistic opportunity exports of any size, as `sf data export bulk` or Data Loader writes them:
// a header of field API names (the engine's INPUT_FIELDS plus the pipeline columns the CLI reads),
// one opportunity a row. Deterministic: the same --seed and --rows give the same bytes. Streamed,
// so that 1,000,000 rows never sit in memory at once.
//
//   node scripts/generate-opportunities.mjs --rows 1000000 --out bench/tmp/opps.csv [--seed 42]
//        [--anchor 2026-11-26] [--open-only] [--numbers plain|salesforce]
//
// `--numbers salesforce` writes every number as Data Loader and Bulk API 2.0 do (Java's
// Double.toString): `155000.0`, `99.5`, and E-notation from 10 million up (`1.04625E7`, `4.0E7`).
//
// The mix, with the project's Default and Enterprise policies: most deals Proceed or need
// Approval, some ask for walk-away terms or sit below the floor, a few have blank inputs.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// The engine as built by `npm run build` (npm ci runs it): the one list of input columns.
import { INPUT_FIELDS, RED_FLAG_VALUES } from '../lib/engine/index.js';

/** The columns, in export order: the pipeline columns the CLI reads, then the engine's INPUT_FIELDS. */
export const HEADER = [
  'Id',
  'Name',
  'OwnerId',
  'StageName',
  'Probability',
  'CloseDate',
  'IsClosed',
  'IsWon',
  ...INPUT_FIELDS.filter((f) => f !== 'Id'),
];

const STAGES = [
  // name, probability, weight (open pipeline first, then closed)
  ['Prospecting', 10, 12],
  ['Qualification', 20, 14],
  ['Needs Analysis', 20, 12],
  ['Value Proposition', 50, 12],
  ['Id. Decision Makers', 60, 8],
  ['Perception Analysis', 70, 6],
  ['Proposal/Price Quote', 75, 10],
  ['Negotiation/Review', 90, 8],
  ['Closed Won', 100, 10],
  ['Closed Lost', 0, 8],
];
const INDUSTRIES = [
  ['Technology', 16],
  ['Financial Services', 12],
  ['Healthcare', 10],
  ['Manufacturing', 10],
  ['Retail', 9],
  ['Banking', 6],
  ['Insurance', 5],
  ['Education', 6],
  ['Government', 5],
  ['Energy', 5],
  ['Media', 4],
  ['Transportation', 4],
  ['Hospitality', 3],
  ['', 5],
];
const USE_CASES = [
  ['Sales Automation', 30],
  ['Customer Service', 25],
  ['Marketing Automation', 15],
  ['Analytics', 12],
  ['Custom Development', 8],
  ['Other', 3],
  ['', 7],
];
const ENVIRONMENTS = [
  ['Salesforce', 40],
  ['Microsoft Dynamics', 12],
  ['SAP', 10],
  ['Oracle', 8],
  ['HubSpot', 10],
  ['Custom Built', 8],
  ['Other', 4],
  ['', 8],
];
/** Customer_Red_Flags__c values: the engine's picklist vocabulary, never a copy. */
const RED_FLAGS = RED_FLAG_VALUES;
// Account.BillingCountry as reps type it: ISO codes and English names (the Enterprise policy
// serves US, CA, GB, DE, ID, SG and AU).
const COUNTRIES = [
  ['United States', 55],
  ['US', 8],
  ['United Kingdom', 8],
  ['Germany', 6],
  ['Indonesia', 6],
  ['Canada', 5],
  ['Australia', 4],
  ['Brazil', 3],
  ['France', 3],
  ['', 2],
];
// One currency, as the shipped policies (Currency_Iso_Code__c = USD) and most orgs have it. The
// column is kept so that a multi-currency export can be made by editing this table.
const CURRENCIES = [['USD', 1]];
const COMPANY_A = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
];
const COMPANY_B = [
  'Industries',
  'Holdings',
  'Group',
  'Systems',
  'Partners',
  'Labs',
  'Health',
  'Bank',
  'Retail',
  'Energy',
];
const PRODUCTS = ['Platform renewal', 'Service Cloud rollout', 'Analytics add-on', 'Expansion', 'Pilot', 'Migration'];

/** sfc32: small, fast, well-distributed, seeded. */
function sfc32(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const weighted = (table) => {
  const total = table.reduce((s, row) => s + row[row.length - 1], 0);
  return (r) => {
    let x = r * total;
    for (const row of table) {
      x -= row[row.length - 1];
      if (x < 0) return row;
    }
    return table[table.length - 1];
  };
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** A valid 18-character Salesforce Id: key prefix, instance, serial, and the case-safe suffix. */
export function salesforceId(prefix, serial) {
  let body = '';
  let n = serial;
  for (let i = 0; i < 7; i++) {
    body = BASE62[n % 62] + body;
    n = Math.floor(n / 62);
  }
  const id15 = `${prefix}5g000${body}`;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charCodeAt(block * 5 + i);
      if (ch >= 65 && ch <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX[bits];
  }
  return id15 + suffix;
}

const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const money = (cents) => {
  const frac = cents % 100;
  return frac === 0 ? String(cents / 100) : `${(cents - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
};
/** A number as Salesforce's Java tools write it (Double.toString): `155000.0`, `1.04625E7`. */
export function javaDouble(n) {
  if (n !== 0 && Math.abs(n) >= 1e7) {
    const [mantissa, exponent] = n.toExponential().split('e');
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
  }
  const s = String(n);
  return s.includes('.') ? s : `${s}.0`;
}
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * A row generator: `next()` returns the next opportunity as an array of cell texts in HEADER order.
 * Row i depends only on the seed and i's predecessors, so a prefix of a big export equals a small one.
 */
export function createGenerator({
  seed = 42,
  anchor = '2026-11-26',
  owners = 250,
  openOnly = false,
  numbers = 'plain',
} = {}) {
  // Number cells: as typed (`155000`) or as Salesforce's tools write them (`155000.0`, `1.25E7`).
  const num = numbers === 'salesforce' ? (text) => (text === '' ? '' : javaDouble(Number(text))) : (text) => text;
  const rnd = sfc32(seed);
  const stageOf = weighted(openOnly ? STAGES.filter((s) => s[1] > 0 && s[1] < 100) : STAGES);
  const industryOf = weighted(INDUSTRIES);
  const useCaseOf = weighted(USE_CASES);
  const environmentOf = weighted(ENVIRONMENTS);
  const currencyOf = weighted(CURRENCIES);
  const countryOf = weighted(COUNTRIES);
  const anchorMs = Date.parse(`${anchor}T00:00:00Z`);
  const ownerIds = Array.from({ length: owners }, (_, i) => salesforceId('005', i + 1));
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  // log-normal with the given median and spread (sigma)
  const logNormal = (median, sigma) => {
    const u = 1 - rnd();
    const v = rnd();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  let serial = 0;

  return function next() {
    serial += 1;
    const r = rnd;
    const [stage, probability] = stageOf(r());
    const closed = probability === 0 || probability === 100;
    const company = `${pick(COMPANY_A)} ${pick(COMPANY_B)} ${1 + Math.floor(r() * 999)}`;
    let name = `${company} - ${pick(PRODUCTS)}`;
    if (r() < 0.03) name = `${pick(COMPANY_A)}, ${pick(COMPANY_A)} & Co - "${pick(PRODUCTS)}"`;
    const closeMs = anchorMs + Math.round((closed ? -r() * 180 : r() * 200 - 20) * 86_400_000);

    // price: log-normal, median 60k; about 6% of deals are 500k and above (the Enterprise band)
    let amountCents = Math.round(logNormal(60_000, 1.0) * 100);
    amountCents = Math.max(500_00, Math.min(amountCents, 50_000_000_00));
    if (r() < 0.3) amountCents = Math.round(amountCents / 100_000) * 100_000 || 1000_00; // round thousands
    // margin on cost: most deals are at or above target, a quarter between floor and target, some below
    const m = r();
    const margin = m < 0.64 ? 0.36 + r() * 0.6 : m < 0.92 ? 0.2 + r() * 0.15 : m < 0.97 ? r() * 0.2 : 0.19 + r() * 0.02;
    const totalCostCents = Math.round(amountCents / (1 + margin));
    const overheadCents = Math.round(totalCostCents * (0.08 + r() * 0.17));
    const directCents = totalCostCents - overheadCents;

    const blank = r();
    const amount = blank < 0.012 ? '' : money(amountCents);
    const direct = blank >= 0.012 && blank < 0.024 ? '' : money(directCents);
    const overhead = blank >= 0.024 && blank < 0.032 ? '' : money(overheadCents);

    const cap = r() < 0.8 ? '' : pick(['6', '12', '12', '12', '12', '18', '24']);
    const terms = r() < 0.65 ? '' : pick(['30', '30', '45', '45', '60', '60', '60', '90']);
    const sla = r() < 0.7 ? '' : pick(['99', '99.5', '99.5', '99.9', '99.9', '99.9', '99.95']);
    const flag = (p) => (r() < p ? 'true' : 'false');

    const flagRoll = r();
    const flagCount = flagRoll < 0.86 ? 0 : flagRoll < 0.96 ? 1 : flagRoll < 0.99 ? 2 : 3;
    const flags = [];
    while (flags.length < flagCount) {
      const f = pick(RED_FLAGS);
      if (!flags.includes(f)) flags.push(f);
    }

    const industry = industryOf(r())[0];
    const revenue = r() < 0.05 ? '' : String(Math.round(logNormal(40_000_000, 1.6) / 1000) * 1000);

    const country = countryOf(r())[0];
    const row = [
      salesforceId('006', serial),
      csvCell(name),
      ownerIds[Math.floor(r() * owners)],
      stage,
      num(String(probability)),
      isoDate(closeMs),
      closed ? 'true' : 'false',
      probability === 100 ? 'true' : 'false',
      num(amount),
      currencyOf(r())[0],
      num(direct),
      num(overhead),
      num(cap),
      flag(0.008),
      flag(0.005),
      num(terms),
      num(sla),
      flag(0.01),
      flag(0.005),
      csvCell(flags.join(';')),
      useCaseOf(r())[0],
      environmentOf(r())[0],
      industry,
      num(revenue),
    ];
    // The inputs added after these, by name; any other is blank (Walk_Away_Deal_Size__c is blank
    // until a deal is first scored, and no buyer in this export has come back).
    for (let i = row.length; i < HEADER.length; i++) row.push(HEADER[i] === 'Account.BillingCountry' ? country : '');
    return row;
  };
}

/** Writes `rows` rows to `out` (a path, or a writable stream), honouring back-pressure. */
export async function writeExport({
  rows,
  out,
  seed = 42,
  anchor = '2026-11-26',
  openOnly = false,
  numbers = 'plain',
}) {
  const stream = typeof out === 'string' ? createWriteStream(out) : out;
  const next = createGenerator({ seed, anchor, openOnly, numbers });
  const CHUNK = 2000;
  let buffer = HEADER.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    buffer += next().join(',') + '\n';
    if ((i + 1) % CHUNK === 0) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  if (buffer) stream.write(buffer);
  if (typeof out === 'string') {
    stream.end();
    await once(stream, 'finish');
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
      anchor: { type: 'string', default: '2026-11-26' },
      'open-only': { type: 'boolean', default: false },
      numbers: { type: 'string', default: 'plain' },
    },
  });
  const rows = Number(values.rows);
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`--rows must be a whole number: ${values.rows}`);
  if (!['plain', 'salesforce'].includes(values.numbers))
    throw new Error(`--numbers must be plain or salesforce: ${values.numbers}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.anchor)) throw new Error(`--anchor must be YYYY-MM-DD: ${values.anchor}`);
  await writeExport({
    rows,
    out: values.out ?? process.stdout,
    seed: Number(values.seed),
    anchor: values.anchor,
    openOnly: values['open-only'],
    numbers: values.numbers,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
