// scripts/sample-data-tree.mjs turns an opportunity export into an `sf data import tree` plan:
// accounts carry Industry and AnnualRevenue, opportunities link to them, org-owned columns dropped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT, fieldsOf } from './support/forceApp';

const CSV = [
  'Id,Name,OwnerId,StageName,Probability,CloseDate,IsClosed,IsWon,Amount,CurrencyIsoCode,Direct_Cost__c,Allocated_Overhead__c,Unlimited_Liability__c,SLA_Uptime_Pct__c,Customer_Red_Flags__c,Account.Industry,Account.AnnualRevenue',
  '006000000000001AAA,Buyer example,005000000000001AAA,Negotiation/Review,90,2026-12-15,false,false,140000,USD,80000,25000,false,,Unrealistic Timeline;Unrealistic ROI,Healthcare,60000000',
  '006000000000002AAA,No account data,005000000000001AAA,Prospecting,10,2026-12-20,false,false,,USD,,,true,99.99,,,',
].join('\n');

let dir: string;
let accounts: Record<string, unknown>[];
let opportunities: Record<string, unknown>[];
let plan: { sobject: string; files: string[] }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'walkaway-tree-'));
  writeFileSync(join(dir, 'in.csv'), CSV);
  execFileSync(
    process.execPath,
    [join(ROOT, 'scripts', 'sample-data-tree.mjs'), '--in', join(dir, 'in.csv'), '--out', join(dir, 'tree')],
    { cwd: ROOT },
  );
  const read = (name: string) => JSON.parse(readFileSync(join(dir, 'tree', name), 'utf8'));
  accounts = read('Account.json').records;
  opportunities = read('Opportunity.json').records;
  plan = read('plan.json');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the plan loads accounts before the opportunities that refer to them', () => {
  expect(plan.map((p) => p.sobject)).toEqual(['Account', 'Opportunity']);
});

test('accounts carry the strategic-fit fields', () => {
  expect(accounts[0]).toMatchObject({ Industry: 'Healthcare', AnnualRevenue: 60000000 });
  expect(accounts[1]).not.toHaveProperty('Industry');
});

test('opportunities link to their account, typed, blanks and org-owned columns left out', () => {
  expect(opportunities[0]).toMatchObject({
    AccountId: `@${(accounts[0]?.attributes as { referenceId: string }).referenceId}`,
    Amount: 140000,
    Direct_Cost__c: 80000,
    Unlimited_Liability__c: false,
    Customer_Red_Flags__c: 'Unrealistic Timeline;Unrealistic ROI',
  });
  for (const column of [
    'Id',
    'OwnerId',
    'IsClosed',
    'IsWon',
    'CurrencyIsoCode',
    'Account.Industry',
    'SLA_Uptime_Pct__c',
  ]) {
    expect(opportunities[0]).not.toHaveProperty(column);
  }
  expect(opportunities[1]).toMatchObject({ Unlimited_Liability__c: true, SLA_Uptime_Pct__c: 99.99 });
  expect(opportunities[1]).not.toHaveProperty('Amount');
});

test('the shipped sample export loads into the restricted picklists', () => {
  const rows: Record<string, string>[] = parse(readFileSync(join(ROOT, 'samples', 'opportunities.csv'), 'utf8'), {
    columns: true,
  });
  const fields = fieldsOf('Opportunity');
  const invalid = rows.flatMap((row) =>
    ['Use_Case__c', 'Technical_Environment__c', 'Customer_Red_Flags__c'].flatMap((field) => {
      const allowed = (fields.get(field)?.values ?? []).map((v) => v.api);
      return (row[field] ?? '')
        .split(';')
        .filter((value) => value !== '' && !allowed.includes(value))
        .map((value) => `${row.Id} ${field}: ${value}`);
    }),
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(invalid).toEqual([]);
});
