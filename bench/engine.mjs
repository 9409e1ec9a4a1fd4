#!/usr/bin/env node
// Engine throughput: full verdicts per second of scoreOpportunity over generated opportunities
// (pre-parsed with readOpportunity), against hand-written minimal loops in the same process that
// reach the same verdicts (policy selection, price bands, term, fit and red-flag checks) and
// allocate nothing: the reference reads the same Opportunity objects the engine scores; a second
// one reads the same data copied into typed arrays (columns), the floor for these rules in
// JavaScript. All loops must agree on every verdict.
//
//   node bench/engine.mjs [--smoke] [--rows N] [--repeats N]
import { createGenerator, HEADER } from '../scripts/generate-opportunities.mjs';
import { benchArgs, emit, figure, loadEngine, median, readPolicyRecords } from './common.mjs';

const VERDICT_NAME = ['Proceed', 'Approval Required', 'Insufficient Data', 'Walk Away'];

/** Generated rows, read by the engine's own reader: the engine's input, ready to score. */
function generateOpportunities(engine, rows) {
  for (const field of engine.INPUT_FIELDS) {
    if (!HEADER.includes(field)) throw new Error(`generator does not write input field ${field}`);
  }
  const next = createGenerator({ seed: 42 });
  const unquote = (s) => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
  const opportunities = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const cells = next();
    const raw = {};
    for (let c = 0; c < HEADER.length; c++) raw[HEADER[c]] = unquote(cells[c]);
    const read = engine.readOpportunity(raw);
    if (!read.ok) throw new Error(`row ${i + 1}: ${JSON.stringify(read.problems)}`);
    opportunities[i] = read.opportunity;
  }
  return opportunities;
}

/** The engine's country matcher (code or English name to ISO alpha-2), set once the engine is loaded. */
let countryCode = () => null;

/** Interns strings to small integers (0 = blank), so that list membership is a table lookup. */
class Interner {
  constructor() {
    this.ids = new Map([['', 0]]);
  }
  id(s) {
    if (s === null) return 0;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }
}

/** Struct-of-arrays copy of the opportunities: numbers only, blank = -1 (every input is >= 0). */
function toColumns(opportunities, strings) {
  const n = opportunities.length;
  const cols = {
    n,
    amount: new Float64Array(n),
    direct: new Float64Array(n),
    overhead: new Float64Array(n),
    cap: new Float64Array(n),
    terms: new Float64Array(n),
    sla: new Float64Array(n),
    revenue: new Float64Array(n),
    band: new Float64Array(n),
    flags: new Uint8Array(n),
    redFlags: new Uint8Array(n),
    currency: new Int32Array(n),
    industry: new Int32Array(n),
    useCase: new Int32Array(n),
    environment: new Int32Array(n),
    country: new Int32Array(n),
  };
  const num = (v) => (v === null ? -1 : v);
  for (let i = 0; i < n; i++) {
    const o = opportunities[i];
    cols.amount[i] = num(o.amountCents);
    cols.direct[i] = num(o.directCostCents);
    cols.overhead[i] = num(o.overheadCents);
    cols.cap[i] = num(o.liabilityCapMonths);
    cols.terms[i] = num(o.paymentTermsDays);
    cols.sla[i] = num(o.slaUptimeMilli);
    cols.revenue[i] = num(o.annualRevenue);
    cols.band[i] = num(o.dealSizeCents ?? o.amountCents);
    cols.flags[i] =
      (o.unlimitedLiability ? 1 : 0) |
      (o.ipOwnershipTransfer ? 2 : 0) |
      (o.terminationForConvenience ? 4 : 0) |
      (o.uncappedIndemnity ? 8 : 0);
    cols.redFlags[i] = Math.min(255, o.redFlags.length);
    cols.currency[i] = strings.id(o.currency);
    cols.industry[i] = strings.id(o.industry);
    cols.useCase[i] = strings.id(o.useCase);
    cols.environment[i] = strings.id(o.technicalEnvironment);
    cols.country[i] = strings.id(countryCode(o.billingCountry));
  }
  return cols;
}

/**
 * The ranked policies as flat numbers. Lists become membership tables over interned strings
 * (row p of a table of width `width`); a blank list is marked by has* = 0.
 */
function compilePolicies(ranked, strings) {
  const P = ranked.length;
  const inf = Number.POSITIVE_INFINITY;
  const lists = (get) => ranked.map((p) => (get(p) ?? []).map((s) => strings.id(s)));
  const seg = lists((p) => p.segmentIndustries);
  const focus = lists((p) => p.focusIndustries);
  const useCases = lists((p) => p.supportedUseCases);
  const environments = lists((p) => p.supportedEnvironments);
  const countries = lists((p) => p.supportedCountries);
  const c = {
    P,
    width: 0,
    minAmount: Float64Array.from(ranked, (p) => p.minAmountCents ?? -inf),
    maxAmount: Float64Array.from(ranked, (p) => p.maxAmountCents ?? inf),
    bandless: Uint8Array.from(ranked, (p) => (p.minAmountCents === null && p.maxAmountCents === null ? 1 : 0)),
    currency: Int32Array.from(ranked, (p) => (p.currency === null ? 0 : strings.id(p.currency))),
    priceBasis: Uint8Array.from(ranked, (p) => (p.basis === 'Price' ? 1 : 0)),
    minBp: Float64Array.from(ranked, (p) => p.minMarginBp),
    targetBp: Float64Array.from(ranked, (p) => p.targetMarginBp),
    maxCap: Float64Array.from(ranked, (p) => p.maxLiabilityCapMonths ?? inf),
    maxTerms: Float64Array.from(ranked, (p) => p.maxPaymentTermsDays ?? inf),
    maxSla: Float64Array.from(ranked, (p) => p.maxSlaUptimeMilli ?? inf),
    minRevenue: Float64Array.from(ranked, (p) => p.minAnnualRevenue ?? -1),
    maxRevenue: Float64Array.from(ranked, (p) => p.maxAnnualRevenue ?? inf),
    hasCountries: Uint8Array.from(ranked, (p) => (p.supportedCountries === null ? 0 : 1)),
    maxRedFlags: Float64Array.from(ranked, (p) => p.maxRedFlags ?? inf),
    hasSeg: Uint8Array.from(ranked, (p) => (p.segmentIndustries === null ? 0 : 1)),
    hasFocus: Uint8Array.from(ranked, (p) => (p.focusIndustries === null ? 0 : 1)),
    hasUseCases: Uint8Array.from(ranked, (p) => (p.supportedUseCases === null ? 0 : 1)),
    hasEnvironments: Uint8Array.from(ranked, (p) => (p.supportedEnvironments === null ? 0 : 1)),
  };
  return { c, seg, focus, useCases, environments, countries };
}

/** Tables are built after every string is interned (policies and data), so their width is final. */
function finishTables(compiled, strings) {
  const { c } = compiled;
  const width = strings.ids.size;
  const table = (lists) => {
    const t = new Uint8Array(c.P * width);
    lists.forEach((ids, p) => ids.forEach((id) => (t[p * width + id] = 1)));
    for (let p = 0; p < c.P; p++) t[p * width] = 0; // blank is never in a list
    return t;
  };
  c.width = width;
  c.segTable = table(compiled.seg);
  c.focusTable = table(compiled.focus);
  c.useCaseTable = table(compiled.useCases);
  c.environmentTable = table(compiled.environments);
  c.countryTable = table(compiled.countries);
  return c;
}

/** ceil(a * b / d) for the integer products here (below 2^53), as the engine rounds. */
function mulDivCeil(a, b, d) {
  const product = a * b;
  const q = Math.floor(product / d);
  return q * d < product ? q + 1 : q;
}

/**
 * The typed-array loop: the same rules over the columns, policies compiled to numbers. Verdict
 * codes (0 Proceed, 1 Approval Required, 2 Insufficient Data, 3 Walk Away) into `out`.
 */
function minimalLoop(d, c, out) {
  const n = d.n;
  const W = c.width;
  for (let i = 0; i < n; i++) {
    const amount = d.amount[i];
    const band = d.band[i];
    const cur = d.currency[i];
    const ind = d.industry[i];
    let p = 0;
    for (; p < c.P; p++) {
      if (c.currency[p] !== 0 && cur !== 0 && c.currency[p] !== cur) continue;
      if (c.hasSeg[p] === 1 && c.segTable[p * W + ind] === 0) continue;
      if (band < 0) {
        if (c.bandless[p] === 1) break;
      } else if (band >= c.minAmount[p] && band < c.maxAmount[p]) break;
    }
    const policy = p < c.P ? p : -1;
    let walk = false;
    let missing = amount < 0 || policy < 0;
    let approval = false;
    const direct = d.direct[i];
    const overhead = d.overhead[i];
    if (direct < 0 || overhead < 0 || direct + overhead === 0) missing = true;
    else if (policy >= 0 && amount >= 0) {
      const cost = direct + overhead;
      const price = c.priceBasis[policy] === 1;
      const floor = price
        ? mulDivCeil(cost, 10000, 10000 - c.minBp[policy])
        : mulDivCeil(cost, 10000 + c.minBp[policy], 10000);
      if (amount < floor) walk = true;
      else {
        const threshold = price
          ? mulDivCeil(cost, 10000, 10000 - c.targetBp[policy])
          : mulDivCeil(cost, 10000 + c.targetBp[policy], 10000);
        if (amount < threshold) approval = true;
      }
    }
    if (d.flags[i] !== 0) walk = true;
    if (policy >= 0) {
      if (d.cap[i] > c.maxCap[policy] || d.terms[i] > c.maxTerms[policy] || d.sla[i] > c.maxSla[policy]) walk = true;
      if (d.redFlags[i] > c.maxRedFlags[policy]) walk = true;
      const row = policy * W;
      if (
        (c.hasFocus[policy] === 1 && c.focusTable[row + ind] === 0) ||
        (c.minRevenue[policy] >= 0 && d.revenue[i] < c.minRevenue[policy]) ||
        (d.revenue[i] >= 0 && d.revenue[i] > c.maxRevenue[policy]) ||
        (c.hasCountries[policy] === 1 && c.countryTable[row + d.country[i]] === 0) ||
        (c.hasUseCases[policy] === 1 && d.useCase[i] !== 0 && c.useCaseTable[row + d.useCase[i]] === 0) ||
        (c.hasEnvironments[policy] === 1 && d.environment[i] !== 0 && c.environmentTable[row + d.environment[i]] === 0)
      ) {
        approval = true;
      }
    }
    out[i] = walk ? 3 : missing ? 2 : approval ? 1 : 0;
  }
}

// Verdict names to codes by comparison (a keyed lookup by four names would go megamorphic and
// charge the engine loop for the bench's own bookkeeping).
const codeOf = (v) => (v === 'Proceed' ? 0 : v === 'Approval Required' ? 1 : v === 'Walk Away' ? 3 : 2);

function engineLoop(engine, opportunities, ranked, out) {
  const score = engine.scoreOpportunity;
  for (let i = 0; i < opportunities.length; i++) out[i] = codeOf(score(opportunities[i], ranked).verdict);
}

/** ceil(cost * b / d), written out for the object loop (products stay below 2^53 here). */
const ceilDiv = (a, b, d) => {
  const p = a * b;
  const q = Math.floor(p / d);
  return q * d < p ? q + 1 : q;
};

/**
 * The minimal loop over the same Opportunity objects the engine scores: hand-written selection,
 * floor and threshold, term, fit and red-flag checks reading the Policy fields directly; a verdict
 * code out, nothing allocated.
 */
function objectLoop(opportunities, ranked, out) {
  const P = ranked.length;
  for (let i = 0; i < opportunities.length; i++) {
    const o = opportunities[i];
    const amount = o.amountCents;
    const band = o.dealSizeCents ?? amount;
    let policy = null;
    for (let k = 0; k < P; k++) {
      const p = ranked[k];
      if (p.currency !== null && o.currency !== null && p.currency !== o.currency) continue;
      if (p.segmentIndustries !== null && (o.industry === null || !p.segmentIndustries.includes(o.industry))) continue;
      if (band === null) {
        if (p.minAmountCents !== null || p.maxAmountCents !== null) continue;
      } else if (
        (p.minAmountCents !== null && band < p.minAmountCents) ||
        (p.maxAmountCents !== null && band >= p.maxAmountCents)
      ) {
        continue;
      }
      policy = p;
      break;
    }
    let walk = o.unlimitedLiability || o.ipOwnershipTransfer || o.terminationForConvenience || o.uncappedIndemnity;
    let missing =
      amount === null ||
      policy === null ||
      o.directCostCents === null ||
      o.overheadCents === null ||
      o.directCostCents + o.overheadCents === 0;
    let approval = false;
    if (policy !== null) {
      if (o.directCostCents !== null && o.overheadCents !== null && amount !== null) {
        const cost = o.directCostCents + o.overheadCents;
        const price = policy.basis === 'Price';
        const floor = price
          ? ceilDiv(cost, 10000, 10000 - policy.minMarginBp)
          : ceilDiv(cost, 10000 + policy.minMarginBp, 10000);
        if (amount < floor) walk = true;
        else {
          const threshold = price
            ? ceilDiv(cost, 10000, 10000 - policy.targetMarginBp)
            : ceilDiv(cost, 10000 + policy.targetMarginBp, 10000);
          if (amount < threshold) approval = true;
        }
      }
      const cap = policy.maxLiabilityCapMonths;
      const days = policy.maxPaymentTermsDays;
      const sla = policy.maxSlaUptimeMilli;
      if (cap !== null && o.liabilityCapMonths !== null && o.liabilityCapMonths > cap) walk = true;
      if (days !== null && o.paymentTermsDays !== null && o.paymentTermsDays > days) walk = true;
      if (sla !== null && o.slaUptimeMilli !== null && o.slaUptimeMilli > sla) walk = true;
      if (policy.maxRedFlags !== null && o.redFlags.length > policy.maxRedFlags) walk = true;
      if (
        (policy.focusIndustries !== null && (o.industry === null || !policy.focusIndustries.includes(o.industry))) ||
        (policy.minAnnualRevenue !== null && (o.annualRevenue === null || o.annualRevenue < policy.minAnnualRevenue)) ||
        (policy.maxAnnualRevenue !== null && o.annualRevenue !== null && o.annualRevenue > policy.maxAnnualRevenue) ||
        (policy.supportedCountries !== null && !policy.supportedCountries.includes(countryCode(o.billingCountry))) ||
        (policy.supportedUseCases !== null && o.useCase !== null && !policy.supportedUseCases.includes(o.useCase)) ||
        (policy.supportedEnvironments !== null &&
          o.technicalEnvironment !== null &&
          !policy.supportedEnvironments.includes(o.technicalEnvironment))
      ) {
        approval = true;
      }
    }
    out[i] = walk ? 3 : missing ? 2 : approval ? 1 : 0;
  }
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

function mismatches(a, b) {
  let count = 0;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      count += 1;
      if (first < 0) first = i;
    }
  }
  return { count, first };
}

/** Agreement only (not timed): every verdict of the three loops compared under a policy set. */
function agreement(engine, opportunities, ranked) {
  const strings = new Interner();
  const compiled = compilePolicies(ranked, strings);
  const cols = toColumns(opportunities, strings);
  const c = finishTables(compiled, strings);
  const e = new Uint8Array(cols.n);
  const o = new Uint8Array(cols.n);
  const t = new Uint8Array(cols.n);
  engineLoop(engine, opportunities, ranked, e);
  objectLoop(opportunities, ranked, o);
  minimalLoop(cols, c, t);
  const report = (label, ref, m) => {
    if (m.count === 0) return;
    const i = m.first;
    process.stderr.write(
      `[engine] ${label}: ${m.count} mismatches; first row ${i + 1}: engine ${VERDICT_NAME[e[i]]}, ` +
        `reference ${VERDICT_NAME[ref[i]]}: ${JSON.stringify(opportunities[i])}\n`,
    );
  };
  const mo = mismatches(e, o);
  const mt = mismatches(e, t);
  report('object loop', o, mo);
  report('typed-array loop', t, mt);
  return { count: mo.count + mt.count, cols, c, engineOut: e };
}

async function main() {
  const args = benchArgs();
  const rows = Number(args.value('--rows') ?? (args.smoke ? 100_000 : 1_000_000));
  const repeats = Number(args.value('--repeats') ?? (args.smoke ? 3 : 7));
  const engine = await loadEngine();
  countryCode = engine.countryCode;
  const records = await readPolicyRecords();
  const ranked = engine.rankPolicies(engine.readPolicies(records));

  let t = process.hrtime.bigint();
  const opportunities = generateOpportunities(engine, rows);
  const readSeconds = seconds(t);

  // Correctness first: the three loops over every row, under the project's policies and under a
  // policy set with every record active (margin on price, segments) — counted, not timed.
  const main = agreement(engine, opportunities, ranked);
  const allActive = engine.rankPolicies(engine.readPolicies(records.map((r) => ({ ...r, Active__c: true }))));
  const extraRows = Math.min(rows, 200_000);
  const extra = agreement(engine, opportunities.slice(0, extraRows), allActive);
  const mix = [0, 0, 0, 0];
  for (const v of main.engineOut) mix[v] += 1;

  // Timed: three warm-up passes, then the loops alternate; medians of each.
  const out = new Uint8Array(rows);
  const warm = opportunities.slice(0, Math.min(rows, 50_000));
  for (let k = 0; k < 3; k++) {
    engineLoop(engine, warm, ranked, out);
    objectLoop(warm, ranked, out);
    minimalLoop(main.cols, main.c, out);
  }
  const runs = { engine: [], object: [], typed: [] };
  for (let k = 0; k < repeats; k++) {
    t = process.hrtime.bigint();
    engineLoop(engine, opportunities, ranked, out);
    runs.engine.push(rows / seconds(t));
    t = process.hrtime.bigint();
    objectLoop(opportunities, ranked, out);
    runs.object.push(rows / seconds(t));
    t = process.hrtime.bigint();
    minimalLoop(main.cols, main.c, out);
    runs.typed.push(rows / seconds(t));
  }
  const engineRate = median(runs.engine);
  const objectRate = median(runs.object);
  const typedRate = median(runs.typed);
  const ratio = objectRate / engineRate;
  const n = (x) => Math.round(x).toLocaleString('en-US');

  emit(
    'engine',
    [
      figure('engine verdicts/s', Math.round(engineRate), 'verdicts/s', {
        reference: `minimal loop ${n(objectRate)}/s`,
        target: '>= 2,000,000/s',
        pass: engineRate >= 2_000_000,
      }),
      figure('minimal loop / engine', Number(ratio.toFixed(2)), 'x', {
        reference: 'allocation-free loop over the same Opportunity objects, same process',
        target: '<= 3x',
        pass: ratio <= 3,
      }),
      figure('typed-array loop / engine', Number((typedRate / engineRate).toFixed(2)), 'x', {
        reference: `${n(typedRate)}/s: the same rules over columns copied into typed arrays`,
        note: 'the floor for these rules in JavaScript, with the data laid out for it',
      }),
      figure('verdict mismatches', main.count + extra.count, 'rows', {
        reference: `${n(rows)} rows + ${n(extraRows)} with every policy active, 3 loops`,
        target: '0',
        pass: main.count + extra.count === 0,
        check: true,
      }),
      figure('generate + readOpportunity', Math.round(rows / readSeconds), 'rows/s', {
        note: 'preparation of the input, not timed against a target',
      }),
    ],
    {
      rows,
      repeats,
      runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(Math.round)])),
      verdictMix: Object.fromEntries(VERDICT_NAME.map((name, i) => [name, mix[i]])),
      policies: ranked.map((p) => p.name),
    },
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
