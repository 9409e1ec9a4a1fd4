// The stand-in's schema: standard fields of the objects the CLI touches, plus the custom fields the
// project's own force-app defines (read from the field XML), so that a query naming a field the
// package does not deploy fails here as it would in an org.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FieldType =
  'id' | 'string' | 'boolean' | 'number' | 'date' | 'datetime' | 'reference' | 'multipicklist' | 'picklist';

export type ObjectSchema = {
  readonly name: string;
  readonly fields: ReadonlyMap<string, FieldType>;
  /** Parent relationships of custom lookups (`Opportunity__r` -> Opportunity), from the field XML. */
  readonly relations?: ReadonlyMap<string, string>;
};

const XML_TYPES: Readonly<Record<string, FieldType>> = {
  Checkbox: 'boolean',
  Currency: 'number',
  Number: 'number',
  Percent: 'number',
  Date: 'date',
  DateTime: 'datetime',
  MultiselectPicklist: 'multipicklist',
  Picklist: 'picklist',
};

function customFields(projectDir: string, object: string): Map<string, FieldType> {
  const dir = join(projectDir, 'force-app', 'main', 'default', 'objects', object, 'fields');
  const out = new Map<string, FieldType>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.field-meta.xml')) continue;
    const xml = readFileSync(join(dir, file), 'utf8');
    const type = /<type>(\w+)<\/type>/.exec(xml)?.[1] ?? 'Text';
    out.set(file.replace('.field-meta.xml', ''), XML_TYPES[type] ?? 'string');
  }
  return out;
}

/** `X__r` -> the object a custom lookup `X__c` points to (its <referenceTo>). */
function customRelations(projectDir: string, object: string): Map<string, string> {
  const dir = join(projectDir, 'force-app', 'main', 'default', 'objects', object, 'fields');
  const out = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    const target = /<referenceTo>(\w+)<\/referenceTo>/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    if (target) out.set(file.replace('.field-meta.xml', '').replace(/__c$/, '__r'), target);
  }
  return out;
}

export const EXCEPTION_OBJECT = 'Walk_Away_Exception__c';

export function loadSchema(projectDir: string, multiCurrency: boolean): Map<string, ObjectSchema> {
  const opportunity = new Map<string, FieldType>([
    ['Id', 'id'],
    ['Name', 'string'],
    ['AccountId', 'reference'],
    ['OwnerId', 'reference'],
    ['Amount', 'number'],
    ['CloseDate', 'date'],
    ['Probability', 'number'],
    ['StageName', 'picklist'],
    ['IsClosed', 'boolean'],
    ['IsWon', 'boolean'],
    ['LastModifiedDate', 'datetime'],
    ['SystemModstamp', 'datetime'],
    ...customFields(projectDir, 'Opportunity'),
  ]);
  if (multiCurrency) opportunity.set('CurrencyIsoCode', 'picklist');
  const user = new Map<string, FieldType>([
    ['Id', 'id'],
    ['Name', 'string'],
    ['Username', 'string'],
    ['IsActive', 'boolean'],
    ...customFields(projectDir, 'User'),
  ]);
  const account = new Map<string, FieldType>([
    ['Id', 'id'],
    ['Name', 'string'],
    ['Industry', 'picklist'],
    ['AnnualRevenue', 'number'],
    ['BillingCountry', 'string'],
  ]);
  const policy = new Map<string, FieldType>([
    ['Id', 'id'],
    ['DeveloperName', 'string'],
    ['MasterLabel', 'string'],
    ['QualifiedApiName', 'string'],
    ...customFields(projectDir, 'Walk_Away_Policy__mdt'),
  ]);
  const period = new Map<string, FieldType>([
    ['Id', 'id'],
    ['Type', 'picklist'],
    ['StartDate', 'date'],
    ['EndDate', 'date'],
  ]);
  const organization = new Map<string, FieldType>([
    ['Id', 'id'],
    ['Name', 'string'],
    ['InstanceName', 'string'],
    ['IsSandbox', 'boolean'],
    ['TrialExpirationDate', 'datetime'],
    ['NamespacePrefix', 'string'],
    ['OrganizationType', 'string'],
  ]);
  const currencyType = new Map<string, FieldType>([
    ['Id', 'id'],
    ['IsoCode', 'string'],
    ['ConversionRate', 'number'],
    ['IsCorporate', 'boolean'],
    ['IsActive', 'boolean'],
  ]);
  const datedRate = new Map<string, FieldType>([
    ['Id', 'id'],
    ['IsoCode', 'string'],
    ['ConversionRate', 'number'],
    ['StartDate', 'date'],
    ['NextStartDate', 'date'],
  ]);
  const exception = new Map<string, FieldType>([
    ['Id', 'id'],
    ['Name', 'string'],
    ['OwnerId', 'reference'],
    ['CreatedDate', 'datetime'],
    ['CreatedById', 'reference'],
    ['LastModifiedDate', 'datetime'],
    ['SystemModstamp', 'datetime'],
    ...customFields(projectDir, EXCEPTION_OBJECT),
  ]);
  // Approval history: no field-level security; a step's target decides who sees it (server.ts).
  const processInstance = new Map<string, FieldType>([
    ['Id', 'id'],
    ['TargetObjectId', 'reference'],
    ['Status', 'picklist'],
  ]);
  const processInstanceStep = new Map<string, FieldType>([
    ['Id', 'id'],
    ['ProcessInstanceId', 'reference'],
    ['StepStatus', 'picklist'],
    ['ActorId', 'reference'],
    ['OriginalActorId', 'reference'],
    ['Comments', 'string'],
    ['CreatedDate', 'datetime'],
  ]);
  const schemas = new Map<string, ObjectSchema>();
  schemas.set('ProcessInstance', { name: 'ProcessInstance', fields: processInstance });
  schemas.set('ProcessInstanceStep', {
    name: 'ProcessInstanceStep',
    fields: processInstanceStep,
    relations: new Map([
      ['ProcessInstance', 'ProcessInstance'],
      ['Actor', 'User'],
    ]),
  });
  schemas.set(EXCEPTION_OBJECT, {
    name: EXCEPTION_OBJECT,
    fields: exception,
    relations: customRelations(projectDir, EXCEPTION_OBJECT),
  });
  if (multiCurrency) {
    schemas.set('CurrencyType', { name: 'CurrencyType', fields: currencyType });
    schemas.set('DatedConversionRate', { name: 'DatedConversionRate', fields: datedRate });
  }
  for (const [name, fields] of [
    ['Opportunity', opportunity],
    ['User', user],
    ['Account', account],
    ['Walk_Away_Policy__mdt', policy],
    ['Period', period],
    ['Organization', organization],
  ] as const) {
    schemas.set(name, { name, fields });
  }
  return schemas;
}

/** Queryable paths of an object: its fields plus the relationship fields the CLI reads. */
export function queryablePaths(schemas: ReadonlyMap<string, ObjectSchema>, object: string): Set<string> {
  const own = schemas.get(object);
  if (!own) return new Set();
  const paths = new Set(own.fields.keys());
  if (object === 'Opportunity') {
    for (const f of schemas.get('Account')?.fields.keys() ?? []) paths.add(`Account.${f}`);
    for (const f of schemas.get('User')?.fields.keys() ?? []) paths.add(`Owner.${f}`);
  }
  for (const [relation, target] of own.relations ?? [])
    for (const f of schemas.get(target)?.fields.keys() ?? []) paths.add(`${relation}.${f}`);
  return paths;
}
