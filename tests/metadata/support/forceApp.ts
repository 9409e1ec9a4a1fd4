// Reading force-app in tests: file listing, XML parsing with stable arrays, and the fields of an
// object as the Metadata API sees them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const ROOT = join(__dirname, '..', '..', '..');
export const FORCE_APP = join(ROOT, 'force-app');
export const DEFAULT_DIR = join(FORCE_APP, 'main', 'default');

/** Elements that repeat, by path: parsed as arrays even when a file holds only one. */
const ARRAYS = new Set([
  'CustomField.valueSet.valueSetDefinition.value',
  'CustomMetadata.values',
  'CustomLabels.labels',
  'Translations.customLabels',
  'PermissionSet.classAccesses',
  'PermissionSet.customMetadataTypeAccesses',
  'PermissionSet.customPermissions',
  'PermissionSet.fieldPermissions',
  'PermissionSet.objectPermissions',
  'PermissionSet.userPermissions',
  'Report.columns',
  'Report.filter.criteriaItems',
  'Report.groupingsDown',
  'Report.params',
  'ReportType.sections',
  'ReportType.sections.columns',
  'Translations.reportTypes',
  'Translations.reportTypes.sections',
  'Dashboard.dashboardGridLayout.dashboardGridComponents',
  'FlexiPage.flexiPageRegions',
  'FlexiPage.flexiPageRegions.itemInstances',
  'FlexiPage.flexiPageRegions.itemInstances.componentInstance.componentInstanceProperties',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (_name: string, jpath: unknown) => ARRAYS.has(String(jpath)),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Xml = any;

export function readXml(path: string): Xml {
  return parser.parse(readFileSync(path, 'utf8'));
}

/** Every column a report names: its columns, filter criteria, groupings and time-frame column. */
export function reportColumns(report: Xml): string[] {
  return [
    ...(report.columns ?? []).map((c: Xml) => c.field),
    ...(report.filter?.criteriaItems ?? []).map((c: Xml) => c.column),
    ...(report.groupingsDown ?? []).map((g: Xml) => g.field),
    report.timeFrameFilter?.dateColumn,
  ].filter(Boolean);
}

/** Every file under dir (recursively) whose name ends with suffix. */
export function filesUnder(dir: string, suffix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

export type FieldInfo = {
  readonly name: string;
  readonly type: string;
  readonly label: string;
  readonly description: string;
  readonly helpText: string;
  readonly length: number | null;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly restricted: boolean;
  /** The object a lookup points at; null for other fields. */
  readonly referenceTo: string | null;
  readonly values: readonly { readonly api: string; readonly label: string }[];
};

const num = (v: unknown): number | null => (v === undefined ? null : Number(v));

/** The fields force-app defines on an object, by API name. */
export function fieldsOf(object: string): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  for (const path of filesUnder(join(DEFAULT_DIR, 'objects', object, 'fields'), '.field-meta.xml')) {
    const f = readXml(path).CustomField;
    const valueSet = f.valueSet;
    fields.set(basename(path, '.field-meta.xml'), {
      name: f.fullName,
      type: f.type,
      label: f.label ?? '',
      description: f.description ?? '',
      helpText: f.inlineHelpText ?? '',
      length: num(f.length),
      precision: num(f.precision),
      scale: num(f.scale),
      restricted: valueSet?.restricted === 'true',
      referenceTo: f.referenceTo === undefined ? null : String(f.referenceTo),
      values: (valueSet?.valueSetDefinition?.value ?? []).map((v: Xml) => ({
        api: String(v.fullName),
        label: String(v.label),
      })),
    });
  }
  return fields;
}

/** Standard fields force-app relies on without defining them (they exist in every org). */
export const STANDARD_FIELDS: Record<string, readonly string[]> = {
  Opportunity: [
    'Id',
    'Name',
    'OwnerId',
    'AccountId',
    'Amount',
    'CurrencyIsoCode',
    'Probability',
    'CloseDate',
    'StageName',
    'IsClosed',
    'IsWon',
  ],
  Account: ['Id', 'Name', 'Industry', 'AnnualRevenue', 'BillingCountry'],
  User: ['Id', 'Name'],
  Period: ['Id', 'StartDate', 'EndDate', 'Type'],
  Walk_Away_Policy__mdt: ['Id', 'DeveloperName', 'MasterLabel', 'Label'],
  Walk_Away_Exception__c: ['Id', 'Name', 'OwnerId'],
};

/** Audit fields every object has. */
const AUDIT_FIELDS = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];

/** Standard lookups force-app follows, by relationship name. */
const RELATIONSHIPS: Record<string, Record<string, string>> = {
  Opportunity: { Account: 'Account', Owner: 'User' },
};

/** True when object.field is a standard field above or a field defined in force-app. */
export function fieldExists(object: string, field: string): boolean {
  return (STANDARD_FIELDS[object] ?? []).includes(field) || AUDIT_FIELDS.includes(field) || fieldsOf(object).has(field);
}

/** True when a dotted path from object (`Account.Industry`) ends on a field that exists. */
export function pathExists(object: string, path: string): boolean {
  const [head = '', ...rest] = path.split('.');
  if (rest.length === 0) return fieldExists(object, head);
  // A custom lookup `X__c` is followed as `X__r`.
  const target =
    RELATIONSHIPS[object]?.[head] ??
    (head.endsWith('__r') ? (fieldsOf(object).get(head.replace(/__r$/, '__c'))?.referenceTo ?? undefined) : undefined);
  return target !== undefined && pathExists(target, rest.join('.'));
}
