// Runs a simulation over an export (streamed, BATNA from its pipeline columns when present) or
// over the org's open opportunities (the same snapshot as the rescore; nothing is written).
import { resolve } from 'node:path';
import type { Connection } from '@salesforce/core';
import { rankPolicies, type Policy } from '../engine/index.js';
import {
  engineCells,
  looksLocalized,
  openExport,
  PIPELINE_COLUMNS,
  type CellLocale,
  type ReadOptions,
} from '../io/export/index.js';
import { BatnaCurrencyTally } from '../score/batnaCurrencies.js';
import { messages as scoreMessages } from '../score/messages.js';
import { defaultPolicyDir, loadPolicies } from '../io/policyFiles.js';
import { buildPipeline, figuresFor, readPipelineRow, type Pipeline, type RatesFile } from '../score/pipeline.js';

import type { PollOptions } from './poll.js';
import { Simulation, type SimulateResult } from './simulate.js';
import { pipelineOf, readSnapshot } from './snapshot.js';

export async function candidatePolicies(dir: string): Promise<Policy[]> {
  return rankPolicies((await loadPolicies(resolve(dir))).policies);
}

/** How the export is read: --column-delimiter and --encoding, and --locale. */
export type SimulateFileOptions = {
  readonly read?: ReadOptions;
  readonly locale?: CellLocale | undefined;
  /** --currency-rates: BATNA converts the owner's other currencies with these rates. */
  readonly currencyRates?: RatesFile | null;
};

export async function simulateFile(
  file: string,
  candidateDir: string,
  asOf: string,
  options: SimulateFileOptions = {},
): Promise<SimulateResult> {
  const candidate = await candidatePolicies(candidateDir);
  const current = rankPolicies((await loadPolicies(defaultPolicyDir())).policies);
  const path = resolve(file);
  const reader = await openExport(path, options.read);
  // A report export's picklist labels, a spreadsheet's formats (--locale), `99.9%`: as score reads them.
  const prepare = engineCells(reader.header.report, options.locale);
  let pipeline: Pipeline | null = null;
  if (PIPELINE_COLUMNS.every((c) => reader.header.present.has(c)))
    pipeline = await buildPipeline(
      await openExport(path, options.read),
      asOf,
      undefined,
      prepare,
      options.currencyRates ?? null,
    );
  const sim = new Simulation({ source: 'file', target: path, candidateDir: resolve(candidateDir) }, current, candidate);
  const batnaCurrencies = new BatnaCurrencyTally(options.currencyRates ?? null);
  await reader.each((r) => {
    if (r.problems.length) {
      sim.result.deals += 1;
      sim.unscorable(r.problems.map((p) => ({ id: r.id, row: r.row, line: r.line, ...p })));
      return;
    }
    const values = prepare(r.values);
    const currency = values.CurrencyIsoCode?.trim() || null;
    const deal = pipeline === null ? null : figuresFor(pipeline, readPipelineRow(values).row, currency);
    if (deal !== null) batnaCurrencies.add(deal.leftOut);
    sim.add({
      id: r.id ?? '',
      name: r.values.Name ?? '',
      values,
      pipeline: deal?.figures ?? null,
      row: r.row,
      line: r.line,
    });
  });
  const result = sim.finish();
  result.skippedLines = [...reader.skipped()];
  result.batnaCurrencies = batnaCurrencies.result();
  // Without --locale, a value only a spreadsheet's language could read names --locale, as in score.
  if (options.locale === undefined) {
    for (const u of result.unscorableRows) {
      if (u.value !== null && looksLocalized(u.value))
        u.message = `${u.message} ${scoreMessages.getMessage('row.LocaleHint')}`;
    }
  }
  return result;
}

export async function simulateOrg(
  conn: Connection,
  targetOrg: string,
  candidateDir: string,
  today: string,
  poll: PollOptions,
): Promise<SimulateResult> {
  const candidate = await candidatePolicies(candidateDir);
  const snapshot = await readSnapshot(conn, { today, poll });
  const sim = new Simulation(
    { source: 'org', target: targetOrg, candidateDir: resolve(candidateDir) },
    snapshot.policies,
    candidate,
  );
  snapshot.rows.forEach((row, index) => {
    const figures = pipelineOf(snapshot, row);
    sim.add({ id: row.Id ?? '', name: row.Name ?? '', values: row, pipeline: figures, row: index + 1 });
  });
  return sim.finish();
}
