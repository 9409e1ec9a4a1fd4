// Everything force-app points at exists in force-app (or is a standard field every org has):
// report columns and filters, dashboard reports, flexipage components, Apex SOQL fields, and the
// fields and Apex methods the Lightning web components import.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  DEFAULT_DIR,
  fieldExists,
  fieldsOf,
  filesUnder,
  pathExists,
  readXml,
  reportColumns,
  type Xml,
} from './support/forceApp';
import { QUALIFIED_PROBABILITY } from '../../src/engine/pipeline';

/** Columns of the standard Opportunity report type that are not `Opportunity.Field__c`. */
const OPPORTUNITY_REPORT_COLUMNS = new Set([
  'OPPORTUNITY_NAME',
  'ACCOUNT_NAME',
  'FULL_NAME',
  'AMOUNT',
  'CLOSE_DATE',
  'STAGE_NAME',
]);

const reports = filesUnder(join(DEFAULT_DIR, 'reports'), '.report-meta.xml');
const lwcSources = filesUnder(join(DEFAULT_DIR, 'lwc'), '.js').filter((f) => !f.includes('__tests__'));
const apexSources = filesUnder(join(DEFAULT_DIR, 'classes'), '.cls');

test('the seven Walk-Away reports ship (six on opportunities, one on exceptions: exception-reports.test.ts)', () => {
  expect(reports.length).toBe(7);
});

const opportunityReports = reports.filter((f) => readXml(f).Report.reportType === 'Opportunity');

test.each(opportunityReports.map((f) => [basename(f), f]))('%s reads only columns that exist', (_name, file) => {
  const report = readXml(file).Report;
  const unknown = reportColumns(report).filter((column) => {
    const custom = /^Opportunity\.(\w+)$/.exec(column);
    return custom ? !fieldExists('Opportunity', custom[1] ?? '') : !OPPORTUNITY_REPORT_COLUMNS.has(column);
  });
  expect(unknown).toEqual([]);
});

test('every dashboard component shows a report that ships', () => {
  const dashboards = filesUnder(join(DEFAULT_DIR, 'dashboards'), '.dashboard-meta.xml');
  const shown = dashboards.flatMap((file) =>
    readXml(file).Dashboard.dashboardGridLayout.dashboardGridComponents.map((c: Xml) => c.dashboardComponent.report),
  );
  expect(shown.length).toBeGreaterThanOrEqual(reports.length);
  expect(shown.filter((r: string) => !existsSync(join(DEFAULT_DIR, 'reports', `${r}.report-meta.xml`)))).toEqual([]);
  expect(new Set(shown).size).toBe(reports.length);
});

test('every custom component on a flexipage is a bundle in lwc/ exposed to Opportunity record pages', () => {
  const pages = filesUnder(join(DEFAULT_DIR, 'flexipages'), '.flexipage-meta.xml');
  const custom = pages.flatMap((file) =>
    readXml(file)
      .FlexiPage.flexiPageRegions.flatMap((r: Xml) => r.itemInstances ?? [])
      .map((i: Xml) => String(i.componentInstance.componentName))
      .filter((name: string) => !name.includes(':')),
  );
  expect(custom).toContain('walkAwayPanel');
  const problems = custom.filter((name: string) => {
    const meta = join(DEFAULT_DIR, 'lwc', name, `${name}.js-meta.xml`);
    if (!existsSync(meta)) return true;
    const text = readFileSync(meta, 'utf8');
    return !/<isExposed>\s*true\s*<\/isExposed>/.test(text) || !text.includes('lightning__RecordPage');
  });
  expect(problems).toEqual([]);
});

test('every field named in SOQL exists on the object queried', () => {
  const missing: string[] = [];
  for (const file of apexSources) {
    for (const [, query = ''] of readFileSync(file, 'utf8').matchAll(/\[\s*(SELECT[\s\S]*?)\]/gi)) {
      const object = /\bFROM\s+(\w+)/i.exec(query)?.[1] ?? '?';
      for (const [field] of query.matchAll(/\b(?:\w+__r\.)*\w+__c\b/g)) {
        if (field !== object && !pathExists(object, field)) missing.push(`${basename(file)}: ${object}.${field}`);
      }
      if (/__(c|mdt)$/.test(object) && !existsSync(join(DEFAULT_DIR, 'objects', object))) missing.push(object);
    }
  }
  expect(missing).toEqual([]);
});

test('the controller returns every policy field, keyed by API name', () => {
  const source = readFileSync(join(DEFAULT_DIR, 'classes', 'WalkAwayController.cls'), 'utf8');
  const list = /POLICY_FIELDS = new List<String>\{([\s\S]*?)\}/.exec(source)?.[1] ?? '';
  const returned = [...list.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort();
  expect(returned).toEqual(['DeveloperName', ...fieldsOf('Walk_Away_Policy__mdt').keys()].sort());
});

test('every field and Apex method a component imports exists', () => {
  const missing: string[] = [];
  for (const file of lwcSources) {
    const source = readFileSync(file, 'utf8');
    for (const [, object = '', field = ''] of source.matchAll(/@salesforce\/schema\/(\w+)\.([\w.]+)/g)) {
      if (!pathExists(object, field)) missing.push(`${basename(file)}: ${object}.${field}`);
    }
    for (const [, cls = '', method = ''] of source.matchAll(/@salesforce\/apex\/(\w+)\.(\w+)/g)) {
      const apex = join(DEFAULT_DIR, 'classes', `${cls}.cls`);
      const aura = new RegExp(`@AuraEnabled[^\\n]*\\s+(public|global)\\s+static\\s+[\\w<>,\\s]+\\s${method}\\s*\\(`);
      if (!existsSync(apex) || !aura.test(readFileSync(apex, 'utf8')))
        missing.push(`${basename(file)}: ${cls}.${method}`);
    }
  }
  expect(missing).toEqual([]);
});

test("the controller's qualified-alternative probability is the engine's", () => {
  const source = readFileSync(join(DEFAULT_DIR, 'classes', 'WalkAwayController.cls'), 'utf8');
  const apex = /MIN_ALTERNATIVE_PROBABILITY\s*=\s*(\d+)\s*;/.exec(source)?.[1];
  expect(Number(apex)).toBe(QUALIFIED_PROBABILITY);
});

test('the controller counts before it sums, and computes owner figures without the viewer’s sharing', () => {
  const source = readFileSync(join(DEFAULT_DIR, 'classes', 'WalkAwayController.cls'), 'utf8');
  const owner = source.slice(source.indexOf('private without sharing class OwnerPipeline'));
  expect(owner).not.toBe('');
  // COUNT() first, then the SUM()s only when the rows fit under the cap.
  expect(owner.indexOf('SELECT COUNT()')).toBeLessThan(owner.indexOf('SUM(Amount)'));
  expect(owner).toMatch(/if \(pipeline\.alternatives \+ wonRows > rowCap\) \{[\s\S]*?return pipeline;/);
  // No lookup by (translated) profile name in the controller or its tests.
  const apexFiles = readdirSync(join(DEFAULT_DIR, 'classes')).filter((f) => /^WalkAwayController.*\.cls$/.test(f));
  expect(apexFiles).toEqual(['WalkAwayController.cls', 'WalkAwayControllerTest.cls']);
  const byName = apexFiles.filter((f) =>
    /FROM\s+Profile\s+WHERE\s+Name\s*=/i.test(readFileSync(join(DEFAULT_DIR, 'classes', f), 'utf8')),
  );
  expect(byName).toEqual([]);
});

test('every pipeline figure the panel reads is an @AuraEnabled field of WalkAwayController.Pipeline', () => {
  const apex = readFileSync(join(DEFAULT_DIR, 'classes', 'WalkAwayController.cls'), 'utf8');
  const body = apex.slice(apex.indexOf('public class Pipeline {'), apex.indexOf('@AuraEnabled(cacheable=true)'));
  const returned = new Set([...body.matchAll(/@AuraEnabled\s+public\s+\w+\s+(\w+);/g)].map((m) => m[1]));
  const panel = ['walkAwayPanel/pipeline.js', 'walkAwayFields/record.js'].map((f) =>
    readFileSync(join(DEFAULT_DIR, 'lwc', f), 'utf8'),
  );
  const read = new Set(panel.flatMap((source) => [...source.matchAll(/\bpipeline\.(\w+)/g)].map((m) => m[1])));
  expect([...read].sort()).toEqual(
    expect.arrayContaining(['currencyIsoCode', 'dealCurrencyIsoCode', 'dealCurrencyRate', 'quota']),
  );
  expect([...read].filter((name) => !returned.has(name))).toEqual([]);
});

test('the controller names CurrencyIsoCode and the rate objects only in dynamic, user-mode queries', () => {
  // A static reference to them would not compile in a single-currency org, where they do not exist.
  const apex = readFileSync(join(DEFAULT_DIR, 'classes', 'WalkAwayController.cls'), 'utf8');
  const staticSoql = [...apex.matchAll(/\[\s*SELECT[\s\S]*?\]/g)].map((m) => m[0]).join('\n');
  expect(staticSoql).not.toMatch(/CurrencyIsoCode|CurrencyType|DatedConversionRate/);
  const rateQueries = [...apex.matchAll(/'SELECT ConversionRate FROM (\w+)/g)].map((m) => m[1]);
  expect(rateQueries.sort()).toEqual(['CurrencyType', 'DatedConversionRate']);
  expect(apex).toMatch(/Database\.queryWithBinds\(soql, binds, AccessLevel\.USER_MODE\)/);
});
