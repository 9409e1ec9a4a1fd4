#!/usr/bin/env node
// The reference of the CLI bench: DuckDB (@duckdb/node-api) reads the same export, computes floor,
// threshold and the price verdict in SQL under the same ranked policies (amount bands, margin on
// cost or on price, rounded up to the cent as the engine rounds), and writes a CSV with COPY.
//
//   node bench/support/duckdb-score.mjs IN.csv OUT.csv POLICIES.json [THREADS]
// POLICIES.json: [{ name, minAmountCents, maxAmountCents, basis, minMarginBp, targetMarginBp }]
// in rank order (the first that matches wins), as the engine's rankPolicies returns them.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output, policiesFile, threads] = process.argv.slice(2);
const ranked = JSON.parse(readFileSync(policiesFile, 'utf8'));

const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
// ceil(a * b / d) on non-negative integers (HUGEINT, no overflow)
const ceilDiv = (num, den) => `((${num}) + (${den}) - 1) // (${den})`;
const priceAt = (p, bp) =>
  p.basis === 'Price'
    ? ceilDiv('cost::HUGEINT * 10000', String(10000 - bp))
    : ceilDiv(`cost::HUGEINT * ${10000 + bp}`, '10000');
const band = (p) => {
  if (p.minAmountCents === null && p.maxAmountCents === null) return 'TRUE';
  const parts = ['amt IS NOT NULL'];
  if (p.minAmountCents !== null) parts.push(`amt >= ${p.minAmountCents}`);
  if (p.maxAmountCents !== null) parts.push(`amt < ${p.maxAmountCents}`);
  return parts.join(' AND ');
};
const pick = (f) => `CASE ${ranked.map((p) => `WHEN ${band(p)} THEN ${f(p)}`).join(' ')} ELSE NULL END`;

const sql = `
COPY (
  WITH src AS (
    SELECT Id,
           CAST(round(Amount * 100) AS BIGINT) AS amt,
           CAST(round(Direct_Cost__c * 100) AS BIGINT) + CAST(round(Allocated_Overhead__c * 100) AS BIGINT) AS cost
    FROM read_csv(${lit(input)}, header = true, auto_detect = true,
                  types = {'Amount': 'DECIMAL(18,2)', 'Direct_Cost__c': 'DECIMAL(18,2)',
                           'Allocated_Overhead__c': 'DECIMAL(18,2)', 'Id': 'VARCHAR'})
  ),
  priced AS (
    SELECT Id, amt, cost,
           ${pick((p) => lit(p.name))} AS policy,
           CASE WHEN cost IS NULL THEN NULL ELSE ${pick((p) => priceAt(p, p.minMarginBp))} END AS floor,
           CASE WHEN cost IS NULL THEN NULL ELSE ${pick((p) => priceAt(p, p.targetMarginBp))} END AS threshold
    FROM src
  )
  SELECT Id,
         CASE WHEN amt IS NULL OR floor IS NULL THEN 'Insufficient Data'
              WHEN amt < floor THEN 'Walk Away'
              WHEN amt < threshold THEN 'Approval Required'
              ELSE 'Proceed' END AS Walk_Away_Recommendation__c,
         CAST(floor AS DECIMAL(18,0)) / 100 AS Walk_Away_Floor__c,
         CAST(threshold AS DECIMAL(18,0)) / 100 AS Walk_Away_Threshold__c,
         policy AS Walk_Away_Policy__c
  FROM priced
) TO ${lit(output)} (HEADER, DELIMITER ',');
`;

const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
const connection = await instance.connect();
await connection.run(sql);
connection.closeSync?.();
