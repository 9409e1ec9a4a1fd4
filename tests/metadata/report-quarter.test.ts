// The "Last Qtr" report and `walkaway report` agree on the quarter: both take the org's previous
// fiscal quarter (the report's LAST_FISCAL_QUARTER; the CLI's Period records, which follow the
// fiscal year settings, and the calendar quarter only in an org without Period records; that side
// is run against the stand-in in tests/org/cli-commands.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FIELDS } from '../../src/org/fields';
import { DEFAULT_DIR } from './support/forceApp';

const report = readFileSync(
  join(DEFAULT_DIR, 'reports', 'Walk_Away_Reports', 'Walked_Away_Last_Quarter_by_Rep.report-meta.xml'),
  'utf8',
);

test('the Last Qtr report filters the decision date on the last fiscal quarter, not the calendar one', () => {
  const criteria = [...report.matchAll(/<criteriaItems>([\s\S]*?)<\/criteriaItems>/g)].map((m) => m[1] ?? '');
  const decided = criteria.find((c) => c.includes('Walk_Away_Decided_On__c'));
  expect(decided).toMatch(/<value>LAST_FISCAL_QUARTER<\/value>/);
  expect(report).not.toMatch(/<value>LAST_QUARTER<\/value>/);
});

test('the Last Qtr report and walkaway report both show what the rep learned from each walk-away', () => {
  const columns = [...report.matchAll(/<columns>[\s\S]*?<field>([^<]+)<\/field>[\s\S]*?<\/columns>/g)].map((m) => m[1]);
  expect(columns).toContain('Opportunity.Walk_Away_Lessons_Learned__c');
  expect(REPORT_FIELDS).toContain('Walk_Away_Lessons_Learned__c');
});
