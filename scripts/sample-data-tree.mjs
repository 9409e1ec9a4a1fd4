#!/usr/bin/env node
// Turns an opportunity export (samples/opportunities.csv: a header of field API names, related
// fields as `Account.Industry`) into an `sf data import tree` plan for a fresh org: one Account per
// row carrying Industry and AnnualRevenue, and its Opportunity linked by reference. Columns an org
// computes or owns (Id, OwnerId, IsClosed, IsWon, CurrencyIsoCode) are dropped, blanks omitted.
//
//   node scripts/sample-data-tree.mjs --in samples/opportunities.csv --out DIR [--rows 150]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const NOT_WRITABLE = new Set(['Id', 'OwnerId', 'IsClosed', 'IsWon', 'CurrencyIsoCode']);
const NUMBERS =
  /^(Amount|Probability|Direct_Cost__c|Allocated_Overhead__c|Liability_Cap_Months__c|Payment_Terms_Days__c|SLA_Uptime_Pct__c)$/;
const BOOLEANS =
  /^(Unlimited_Liability__c|IP_Ownership_Transfer__c|Termination_For_Convenience__c|Uncapped_Indemnity__c)$/;
const TREE_LIMIT = 200; // records per file that `sf data import tree` accepts

export function toTree(csvText, rows) {
  const records = parse(csvText, { columns: true, skip_empty_lines: true }).slice(0, rows);
  const accounts = [];
  const opportunities = [];
  records.forEach((row, index) => {
    const ref = `WalkAwayAccount${index + 1}`;
    const account = { attributes: { type: 'Account', referenceId: ref }, Name: `${row.Name} (account)` };
    if (row['Account.Industry']) account.Industry = row['Account.Industry'];
    if (row['Account.AnnualRevenue']) account.AnnualRevenue = Number(row['Account.AnnualRevenue']);
    accounts.push(account);
    const opportunity = {
      attributes: { type: 'Opportunity', referenceId: `WalkAwayDeal${index + 1}` },
      AccountId: `@${ref}`,
    };
    for (const [field, value] of Object.entries(row)) {
      if (value === '' || NOT_WRITABLE.has(field) || field.includes('.')) continue;
      if (NUMBERS.test(field)) opportunity[field] = Number(value);
      else if (BOOLEANS.test(field)) opportunity[field] = value.toLowerCase() === 'true';
      else opportunity[field] = value;
    }
    opportunities.push(opportunity);
  });
  return { accounts, opportunities };
}

function main() {
  const { values } = parseArgs({
    options: { in: { type: 'string' }, out: { type: 'string' }, rows: { type: 'string', default: '150' } },
  });
  if (!values.in || !values.out) throw new Error('usage: sample-data-tree.mjs --in CSV --out DIR [--rows N]');
  const rows = Math.min(Number(values.rows), TREE_LIMIT);
  const { accounts, opportunities } = toTree(readFileSync(values.in, 'utf8'), rows);
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'Account.json'), JSON.stringify({ records: accounts }, null, 2));
  writeFileSync(join(values.out, 'Opportunity.json'), JSON.stringify({ records: opportunities }, null, 2));
  const plan = [
    { sobject: 'Account', saveRefs: true, resolveRefs: false, files: ['Account.json'] },
    { sobject: 'Opportunity', saveRefs: false, resolveRefs: true, files: ['Opportunity.json'] },
  ];
  writeFileSync(join(values.out, 'plan.json'), JSON.stringify(plan, null, 2));
  console.log(`${accounts.length} accounts and ${opportunities.length} opportunities in ${values.out}/plan.json`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
