// The exceptions report (issue #11 item 7): the custom report type on Walk_Away_Exception__c with
// its deal, the report "Walk-Away exceptions by approver and outcome" on it, and its component on
// the Walk-Away Discipline dashboard. Every name they point at must exist: a report type column
// must be a field of its table (a lookup path ends on a field of the object looked up), a report
// column must be a column its report type offers, and a dashboard component must show a report
// that ships with a chart type the Metadata API knows and the report can feed.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_DIR, fieldExists, fieldsOf, filesUnder, readXml, reportColumns, type Xml } from './support/forceApp';
import { EXCEPTION_STATUSES } from '../../src/org/exceptionFields';

const REPORT_TYPE = 'Walk_Away_Exceptions_With_Deal';
const REPORT = 'Walk_Away_Reports/Exceptions_By_Approver_And_Outcome';
const reportTypeFile = (name: string): string => join(DEFAULT_DIR, 'reportTypes', `${name}.reportType-meta.xml`);
const reportFile = (name: string): string => join(DEFAULT_DIR, 'reports', `${name}.report-meta.xml`);

/** DashboardComponentType values of the Metadata API's chart components (Dashboard reference). */
const CHART_TYPES = new Set([
  'Bar',
  'BarGrouped',
  'BarStacked',
  'BarStacked100',
  'Column',
  'ColumnGrouped',
  'ColumnStacked',
  'ColumnStacked100',
  'Line',
  'LineGrouped',
  'Pie',
  'Donut',
  'Funnel',
  'Table',
  'Metric',
  'Gauge',
]);
/** Charts that split each bar by a second grouping: the report needs two groupings down. */
const TWO_GROUPINGS = /(Grouped|Stacked)/;

/** `table.field` of every column a report type offers. */
function offered(reportType: Xml): Set<string> {
  return new Set(
    (reportType.sections ?? []).flatMap((s: Xml) => (s.columns ?? []).map((c: Xml) => `${c.table}.${c.field}`)),
  );
}

/** Whether a report type column's field exists on its table; `Lookup__c.Field` follows the lookup. */
function columnExists(table: string, field: string): boolean {
  const [head = '', ...rest] = field.split('.');
  if (rest.length === 0) return fieldExists(table, head);
  const target = fieldsOf(table).get(head)?.referenceTo;
  return target !== undefined && target !== null && columnExists(target, rest.join('.'));
}

/** Columns of a report that its report type (standard Opportunity aside) does not offer. */
function unknownReportColumns(report: Xml): string[] {
  const type = /^(\w+)__c$/.exec(String(report.reportType))?.[1];
  if (type === undefined) return [];
  if (!existsSync(reportTypeFile(type))) return [`report type ${type} does not ship`];
  const columns = offered(readXml(reportTypeFile(type)).ReportType);
  return reportColumns(report).filter((c) => !columns.has(c));
}

/** What is wrong with a dashboard component: a report that does not ship, an unknown chart, too few groupings. */
function componentProblems(component: Xml): string[] {
  const problems: string[] = [];
  const report = String(component.report);
  if (!existsSync(reportFile(report))) return [`report ${report} does not ship`];
  const type = String(component.componentType);
  if (!CHART_TYPES.has(type)) problems.push(`unknown componentType ${type}`);
  const groupings = (readXml(reportFile(report)).Report.groupingsDown ?? []).length;
  if (groupings < 1) problems.push(`${report} has no grouping to chart`);
  if (TWO_GROUPINGS.test(type) && groupings < 2)
    problems.push(`${type} needs two groupings, ${report} has ${groupings}`);
  return problems;
}

const reportType = readXml(reportTypeFile(REPORT_TYPE)).ReportType;
const report = readXml(reportFile(REPORT)).Report;
const dashboardComponents: Xml[] = filesUnder(join(DEFAULT_DIR, 'dashboards'), '.dashboard-meta.xml').flatMap((f) =>
  readXml(f).Dashboard.dashboardGridLayout.dashboardGridComponents.map((c: Xml) => c.dashboardComponent),
);

describe('the report type Walk-Away Exceptions with Deal', () => {
  test('is on the exception object, deployed, with its deal through Opportunity__c', () => {
    expect(reportType).toMatchObject({ baseObject: 'Walk_Away_Exception__c', deployed: 'true' });
    expect(reportType.label).toBe('Walk-Away Exceptions with Deal');
    const fields = [...offered(reportType)];
    expect(fields).toEqual(expect.arrayContaining(['Walk_Away_Exception__c.Opportunity__c.Amount']));
    expect(fields).toEqual(expect.arrayContaining(['Walk_Away_Exception__c.Status__c']));
  });

  test('offers every step approver and date, the status, the Amount requested and the request', () => {
    const fields = new Set((reportType.sections as Xml[]).flatMap((s) => s.columns.map((c: Xml) => String(c.field))));
    for (const f of [
      'Status__c',
      'Amount__c',
      'Requested_By__c',
      'Requested_On__c',
      'Decided_On__c',
      'VP_Approver__c',
      'VP_Approved_On__c',
      'Legal_Approver__c',
      'C_Level_Approver__c',
      'Strategic_Approver__c',
    ])
      expect(fields).toContain(f);
  });

  test('every column is a field of its table (lookups followed to the object they point at)', () => {
    const missing = (reportType.sections as Xml[]).flatMap((s) =>
      (s.columns as Xml[])
        .filter((c) => !columnExists(String(c.table), String(c.field)))
        .map((c) => `${c.table}.${c.field}`),
    );
    expect(missing).toEqual([]);
  });

  test('a column naming a field that does not exist is caught', () => {
    expect(columnExists('Walk_Away_Exception__c', 'Opportunity__c.Amount')).toBe(true);
    expect(columnExists('Walk_Away_Exception__c', 'Opportunity__c.No_Such_Field__c')).toBe(false);
    expect(columnExists('Walk_Away_Exception__c', 'No_Such_Lookup__c.Amount')).toBe(false);
    expect(columnExists('Walk_Away_Exception__c', 'Status__c.Amount')).toBe(false); // not a lookup
  });

  test('has a Bahasa Indonesia label, as the project translates what users read', () => {
    const translations = readXml(join(DEFAULT_DIR, 'translations', 'in.translation-meta.xml')).Translations;
    const t = (translations.reportTypes as Xml[]).find((r) => r.name === REPORT_TYPE);
    expect(t?.label).toBe('Pengecualian Walk-Away dengan Kesepakatan');
    expect(t?.description).toBeTruthy();
    // Each translated section is a section of the report type (by its masterLabel).
    const sections = (reportType.sections as Xml[]).map((s) => String(s.masterLabel));
    expect((t?.sections as Xml[]).map((s) => String(s.name)).sort()).toEqual(sections.sort());
  });
});

describe('the report "Walk-Away exceptions by approver and outcome"', () => {
  test('ships in the Walk-Away report folder on the exceptions report type', () => {
    expect(report.name).toBe('Walk-Away exceptions by approver and outcome');
    expect(report.reportType).toBe(`${REPORT_TYPE}__c`);
    expect(basename(reportFile(REPORT))).toBe('Exceptions_By_Approver_And_Outcome.report-meta.xml');
  });

  test('groups by outcome (Status__c, whose values are the CLI statuses) and then by VP approver', () => {
    expect((report.groupingsDown as Xml[]).map((g) => g.field)).toEqual([
      'Walk_Away_Exception__c.Status__c',
      'Walk_Away_Exception__c.VP_Approver__c',
    ]);
    const values = fieldsOf('Walk_Away_Exception__c')
      .get('Status__c')
      ?.values.map((v) => v.api);
    expect(values).toEqual([...EXCEPTION_STATUSES]);
  });

  test('shows the other steps’ approvers and sums the Amount requested', () => {
    const columns = (report.columns as Xml[]).map((c) => String(c.field));
    expect(columns).toEqual(
      expect.arrayContaining([
        'Walk_Away_Exception__c.Legal_Approver__c',
        'Walk_Away_Exception__c.C_Level_Approver__c',
        'Walk_Away_Exception__c.Strategic_Approver__c',
      ]),
    );
    const amount = (report.columns as Xml[]).find((c) => c.field === 'Walk_Away_Exception__c.Amount__c');
    expect(amount?.aggregateTypes).toBe('Sum');
  });

  test('covers last fiscal quarter’s requests, as walkaway report does', () => {
    const requested = (report.filter.criteriaItems as Xml[]).find(
      (c) => c.column === 'Walk_Away_Exception__c.Requested_On__c',
    );
    expect(requested?.value).toBe('LAST_FISCAL_QUARTER');
  });

  test('reads only columns its report type offers', () => {
    expect(unknownReportColumns(report)).toEqual([]);
  });

  test('a column the report type does not offer, or a report type that does not ship, is caught', () => {
    const bad = { ...report, columns: [...report.columns, { field: 'Walk_Away_Exception__c.No_Such_Field__c' }] };
    expect(unknownReportColumns(bad)).toEqual(['Walk_Away_Exception__c.No_Such_Field__c']);
    expect(unknownReportColumns({ ...report, reportType: 'No_Such_Type__c' })).toEqual([
      'report type No_Such_Type does not ship',
    ]);
  });

  test('every report on a custom report type reads only what its type offers', () => {
    const problems = filesUnder(join(DEFAULT_DIR, 'reports'), '.report-meta.xml').flatMap((f) =>
      unknownReportColumns(readXml(f).Report).map((c) => `${basename(f)}: ${c}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('the Walk-Away Discipline dashboard', () => {
  test('shows the exceptions report as a stacked bar: outcomes, split by VP approver', () => {
    const component = dashboardComponents.find((c) => c.report === REPORT);
    expect(component).toMatchObject({ componentType: 'BarStacked', title: 'Exceptions by outcome and VP approver' });
  });

  test('every component shows a report that ships, with a chart its report can feed', () => {
    expect(dashboardComponents.flatMap((c) => componentProblems(c).map((p) => `${c.title}: ${p}`))).toEqual([]);
  });

  test('a component on a missing report, an unknown chart or too few groupings is caught', () => {
    const component = dashboardComponents.find((c) => c.report === REPORT);
    expect(componentProblems({ ...component, report: 'Walk_Away_Reports/No_Such_Report' })).toEqual([
      'report Walk_Away_Reports/No_Such_Report does not ship',
    ]);
    expect(componentProblems({ ...component, componentType: 'Sparkle' })).toEqual(['unknown componentType Sparkle']);
    expect(
      componentProblems({
        ...component,
        report: 'Walk_Away_Reports/Open_Deals_Below_Floor',
        componentType: 'BarStacked',
      }),
    ).toEqual(['BarStacked needs two groupings, Walk_Away_Reports/Open_Deals_Below_Floor has 1']);
  });
});
