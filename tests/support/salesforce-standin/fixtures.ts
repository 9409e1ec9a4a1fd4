// Orgs for the stand-in: the policy records the project deploys (read from force-app, as an org
// holds them after a deploy) and a deterministic set of users, accounts and opportunities around
// the current quarter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { OrgData } from './server';
import type { Row } from './soql';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (n) => n === 'values',
});

/** The Walk_Away_Policy__mdt records of a customMetadata folder, typed as the REST API returns them. */
export function policyRecords(dir: string): Row[] {
  const out: Row[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^Walk_Away_Policy\..+\.md-meta\.xml$/.test(f))
    .sort()) {
    const name = file.replace(/^Walk_Away_Policy\./, '').replace(/\.md-meta\.xml$/, '');
    const doc = parser.parse(readFileSync(join(dir, file), 'utf8')) as {
      CustomMetadata: { label?: string; values?: Array<{ field: string; value: unknown }> };
    };
    const record: Row = { DeveloperName: name, MasterLabel: doc.CustomMetadata.label ?? name, QualifiedApiName: name };
    for (const v of doc.CustomMetadata.values ?? []) {
      const value = v.value as Record<string, string> | string | undefined;
      if (value === undefined || typeof value === 'string') {
        record[v.field] = value ?? null;
        continue;
      }
      if (value['@_xsi:nil'] === 'true') record[v.field] = null;
      else {
        const type = (value['@_xsi:type'] ?? 'xsd:string').replace(/^.*:/, '');
        const text = value['#text'] ?? '';
        record[v.field] =
          type === 'boolean' ? text === 'true' : type === 'double' || type === 'int' ? Number(text) : text;
      }
    }
    out.push(record);
  }
  return out;
}

export function projectPolicies(projectDir = process.cwd()): Row[] {
  return policyRecords(join(projectDir, 'force-app', 'main', 'default', 'customMetadata'));
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const oppId = (n: number): string => `006STANDIN${pad(n, 7)}`;
export const userId = (n: number): string => `005STANDIN${pad(n, 7)}`;
export const accountId = (n: number): string => `001STANDIN${pad(n, 7)}`;

export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/** Calendar quarter of a local date, and the one before. */
export function quarters(today: Date): { start: string; end: string; lastStart: string; lastEnd: string } {
  const q = Math.floor(today.getMonth() / 3);
  const start = new Date(today.getFullYear(), q * 3, 1);
  const end = new Date(today.getFullYear(), q * 3 + 3, 0);
  const lastStart = new Date(today.getFullYear(), q * 3 - 3, 1);
  const lastEnd = new Date(today.getFullYear(), q * 3, 0);
  return { start: isoDate(start), end: isoDate(end), lastStart: isoDate(lastStart), lastEnd: isoDate(lastEnd) };
}

export type OrgOptions = { deals: number; today?: Date; withDecisions?: boolean };

const INDUSTRIES = ['Financial Services', 'Healthcare', 'Retail', 'Manufacturing', 'Banking'];
const REPS = ['Ana Putri', 'Budi Santoso', 'Citra Lestari', 'Dewi Anggraini', 'Eko Prasetyo'];

/**
 * A deterministic org: 5 reps (the last without a quota), 20 accounts, `deals` open opportunities
 * whose costs and terms give every verdict, a few Closed Won deals this quarter, and (withDecisions)
 * deals decided last quarter for the report. No output field is set: a first run writes every deal.
 */
export function makeOrg(options: OrgOptions): OrgData {
  const today = options.today ?? new Date();
  const q = quarters(today);
  const users: Row[] = REPS.map((name, i) => ({
    Id: userId(i + 1),
    Name: name,
    Username: `${name.split(' ')[0]?.toLowerCase()}@walkaway.standin`,
    IsActive: true,
    Walk_Away_Quarterly_Quota__c: i === 4 ? null : 400000 + i * 100000,
  }));
  const accounts: Row[] = Array.from({ length: 20 }, (_, i) => ({
    Id: accountId(i + 1),
    Name: `Account ${i + 1}`,
    Industry: INDUSTRIES[i % INDUSTRIES.length],
    AnnualRevenue: i % 4 === 3 ? 20_000_000 : 80_000_000,
    BillingCountry: i % 5 === 4 ? 'Indonesia' : 'United States',
  }));
  const opportunities: Row[] = [];
  for (let n = 1; n <= options.deals; n++) {
    const kind = n % 10;
    const direct = 80000 + (n % 7) * 1000;
    const overhead = 25000;
    const cost = direct + overhead;
    const amount = kind === 0 ? Math.round(cost * 1.1) : kind === 1 ? Math.round(cost * 1.3) : Math.round(cost * 1.5);
    opportunities.push({
      Id: oppId(n),
      Name: `Deal ${n}`,
      AccountId: accountId((n % 20) + 1),
      OwnerId: userId((n % 5) + 1),
      Amount: kind === 9 ? null : amount,
      CloseDate: n % 3 === 0 ? q.end : isoDate(new Date(today.getFullYear(), today.getMonth() + 4, 1)),
      Probability: n % 4 === 0 ? 10 : 40,
      StageName: 'Negotiation/Review',
      IsClosed: false,
      IsWon: false,
      Direct_Cost__c: direct,
      Allocated_Overhead__c: overhead,
      Liability_Cap_Months__c: kind === 2 ? 36 : null,
      Unlimited_Liability__c: kind === 3,
      IP_Ownership_Transfer__c: false,
      Payment_Terms_Days__c: kind === 4 ? 90 : 30,
      SLA_Uptime_Pct__c: null,
      Termination_For_Convenience__c: false,
      Uncapped_Indemnity__c: false,
      Customer_Red_Flags__c: kind === 5 ? 'Unreasonable Demands;Unrealistic ROI;Unrealistic Timeline' : null,
      Use_Case__c: 'Sales Automation',
      Technical_Environment__c: 'Salesforce',
      LastModifiedDate: `${q.start}T08:00:00.000Z`,
      SystemModstamp: `${q.start}T08:00:00.000Z`,
    });
  }
  // Closed Won this quarter: they count towards the owners' quota, they are not rescored.
  for (let i = 1; i <= 5; i++) {
    opportunities.push({
      Id: oppId(900000 + i),
      Name: `Won ${i}`,
      AccountId: accountId(i),
      OwnerId: userId(i),
      Amount: 100000 * i,
      CloseDate: q.start,
      Probability: 100,
      StageName: 'Closed Won',
      IsClosed: true,
      IsWon: true,
      Direct_Cost__c: 50000,
      Allocated_Overhead__c: 10000,
      LastModifiedDate: `${q.start}T08:00:00.000Z`,
    });
  }
  if (options.withDecisions) opportunities.push(...decidedDeals(q));
  return { opportunities, users, accounts, policies: projectPolicies(), periods: [] };
}

/** Deals decided last quarter: three walk-aways by two reps, an approved exception, a returned buyer. */
export function decidedDeals(q: { lastStart: string; lastEnd: string }): Row[] {
  const base = (n: number, owner: number, amount: number, extra: Row): Row => ({
    Id: oppId(800000 + n),
    Name: `Decided ${n}`,
    AccountId: accountId(n),
    OwnerId: userId(owner),
    Amount: amount,
    CloseDate: q.lastEnd,
    Probability: 0,
    StageName: 'Closed Lost',
    IsClosed: true,
    IsWon: false,
    Direct_Cost__c: 80000,
    Allocated_Overhead__c: 25000,
    Walk_Away_Decided_On__c: q.lastStart,
    LastModifiedDate: `${q.lastStart}T08:00:00.000Z`,
    SystemModstamp: `${q.lastStart}T08:00:00.000Z`,
    ...extra,
  });
  return [
    base(1, 1, 120000, {
      Walk_Away_Decision__c: 'Walked Away - Door Open',
      Walk_Away_Exit_Reason__c: 'Economics',
      Walk_Away_Recommendation__c: 'Walk Away',
    }),
    base(2, 1, 300000, {
      Walk_Away_Decision__c: 'Walked Away - Door Closed',
      Walk_Away_Exit_Reason__c: 'Unacceptable Risk',
      Walk_Away_Recommendation__c: 'Walk Away',
      // The rep's own words, over two lines, with a terminal escape a careless export could carry.
      Walk_Away_Lessons_Learned__c: 'Ask about liability caps in discovery,\nnot at contract stage.\u001b[31m',
    }),
    base(3, 2, 140000, {
      Walk_Away_Decision__c: 'Walked Away - Door Open',
      Walk_Away_Exit_Reason__c: 'Economics',
      Walk_Away_Recommendation__c: 'Walk Away',
      Walk_Away_Buyer_Returned__c: true,
      Walk_Away_Buyer_Returned_On__c: q.lastEnd,
      Walk_Away_Reengage_Budget_Min__c: 155000,
      Walk_Away_Reengage_Budget_Max__c: 165000,
    }),
    base(4, 3, 135000, {
      Walk_Away_Decision__c: 'Exception Approved',
      Walk_Away_Recommendation__c: 'Approval Required',
      Walk_Away_Approvals__c: 'VP',
      Walk_Away_Approved_Amount__c: 135000,
      IsClosed: false,
      StageName: 'Negotiation/Review',
      Probability: 60,
    }),
    base(5, 3, 200000, { Walk_Away_Decision__c: 'Proceeding', Walk_Away_Recommendation__c: 'Proceed' }),
  ];
}
