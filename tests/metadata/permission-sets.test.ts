// The three permission sets grant what each role needs and no more, and name only things that exist.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_FIELDS } from '../../src/engine/opportunity';
import { OUTPUT_FIELDS } from '../../src/engine/outputFields';
import { opportunityFields, REPORT_FIELDS, USER_FIELDS, WRITTEN_FIELDS } from '../../src/org/fields';
import { EXCEPTION_FIELDS as CLI_EXCEPTION_FIELDS, EXCEPTION_OBJECT } from '../../src/org/exceptionFields';
import { WON_FIELDS } from '../../src/org/closedAudit';
import { DEFAULT_DIR, fieldExists, fieldsOf, type Xml, readXml } from './support/forceApp';

const COST_FIELDS = ['Direct_Cost__c', 'Allocated_Overhead__c'];
const COSTS = COST_FIELDS.map((f) => `Opportunity.${f}`);
/** The deal size that picks the policy band: set once from Amount, then changed only by who may edit costs. */
const DEAL_SIZE = 'Opportunity.Walk_Away_Deal_Size__c';
/** The engine's custom inputs other than costs and deal size: deal terms, red flags, use case, environment. */
const TERMS = INPUT_FIELDS.filter(
  (f) => f.endsWith('__c') && !COST_FIELDS.includes(f) && `Opportunity.${f}` !== DEAL_SIZE,
).map((f) => `Opportunity.${f}`);
/** What the panel writes: the engine's outputs (the deal size aside) and when they were computed. */
const OUTPUTS = [...OUTPUT_FIELDS, 'Walk_Away_Scored_At__c']
  .map((f) => `Opportunity.${f}`)
  .filter((f) => f !== DEAL_SIZE);
const DECISIONS = [
  'Walk_Away_Decision__c',
  'Walk_Away_Exit_Reason__c',
  'Walk_Away_Decided_On__c',
  'Walk_Away_Reengage_Budget_Min__c',
  'Walk_Away_Reengage_Budget_Max__c',
  'Walk_Away_Reengage_Timeline__c',
  'Walk_Away_Reengage_Stakeholders__c',
  'Walk_Away_Reengage_Scope__c',
  'Walk_Away_Reengage_Notes__c',
  'Walk_Away_Buyer_Returned__c',
  'Walk_Away_Buyer_Returned_On__c',
  'Walk_Away_Justification__c',
  'Walk_Away_Lessons_Learned__c',
].map((f) => `Opportunity.${f}`);
/** What an approved exception writes on the deal: read by everyone, edited by no one (the trigger writes it). */
const APPROVAL_SNAPSHOT = [
  'Walk_Away_Approved_Amount__c',
  'Walk_Away_Approved_Exception__c',
  'Walk_Away_Approved_Findings__c',
  'Walk_Away_Approved_Policy__c',
  'Walk_Away_Approved_Terms__c',
  'Walk_Away_Terms__c',
].map((f) => `Opportunity.${f}`);
/** The exception record: every field but the required Opportunity__c (which takes no field permission). */
const EXCEPTION_FIELDS = [...fieldsOf('Walk_Away_Exception__c').keys()]
  .filter((f) => f !== 'Opportunity__c')
  .map((f) => `Walk_Away_Exception__c.${f}`);
const JUSTIFICATION = 'Walk_Away_Exception__c.Justification__c';
const QUOTA = 'User.Walk_Away_Quarterly_Quota__c';

type Access = 'edit' | 'read' | 'none';

function load(name: string) {
  const set = readXml(join(DEFAULT_DIR, 'permissionsets', `${name}.permissionset-meta.xml`)).PermissionSet;
  const fields = new Map<string, Access>(
    (set.fieldPermissions ?? []).map((p: Xml) => [
      p.field,
      p.editable === 'true' ? 'edit' : p.readable === 'true' ? 'read' : 'none',
    ]),
  );
  return {
    set,
    access: (field: string): Access => fields.get(field) ?? 'none',
    fields: [...fields.keys()],
    classes: (set.classAccesses ?? []).filter((c: Xml) => c.enabled === 'true').map((c: Xml) => c.apexClass),
    userPermissions: (set.userPermissions ?? []).filter((p: Xml) => p.enabled === 'true').map((p: Xml) => p.name),
    objects: (set.objectPermissions ?? []) as Xml[],
  };
}

const user = load('Walk_Away_User');
const admin = load('Walk_Away_Admin');
const integration = load('Walk_Away_Integration');
const approver = load('Walk_Away_Approver');
const bypass = load('Walk_Away_Rule_Bypass');
const all = {
  Walk_Away_User: user,
  Walk_Away_Admin: admin,
  Walk_Away_Integration: integration,
  Walk_Away_Approver: approver,
  Walk_Away_Rule_Bypass: bypass,
};
const objectAccess = (p: ReturnType<typeof load>, object: string) => {
  const o = p.objects.find((x) => x.object === object);
  return o ? { create: o.allowCreate, read: o.allowRead, edit: o.allowEdit, delete: o.allowDelete } : null;
};
const accessTo = (p: ReturnType<typeof load>, fields: string[]) => [...new Set(fields.map(p.access))];

describe.each(Object.entries(all))('%s', (_name, p) => {
  test('names only fields, objects, classes and types that exist', () => {
    const missing = [
      ...p.fields.filter((f) => {
        const [object = '', field = ''] = f.split('.');
        return !fieldExists(object, field);
      }),
      ...p.classes.filter((c: string) => !existsSync(join(DEFAULT_DIR, 'classes', `${c}.cls`))),
      ...(p.set.customMetadataTypeAccesses ?? [])
        .map((t: Xml) => t.name)
        .filter((t: string) => !existsSync(join(DEFAULT_DIR, 'objects', t))),
    ];
    expect(missing).toEqual([]);
  });
  test('never grants Modify All, View All Data, delete or create (reps create exception requests only)', () => {
    const broad = p.objects.filter(
      (o) =>
        o.modifyAllRecords === 'true' ||
        o.allowDelete === 'true' ||
        (o.allowCreate === 'true' && !(p === user && o.object === 'Walk_Away_Exception__c')),
    );
    expect(broad).toEqual([]);
    expect(p.userPermissions.filter((u: string) => ['ViewAllData', 'ModifyAllData'].includes(u))).toEqual([]);
  });
  test('reads the policy type when it scores (approvers and the bypass do not)', () => {
    const types = (p.set.customMetadataTypeAccesses ?? []).map((t: Xml) => t.name);
    expect(types).toEqual(p === approver || p === bypass ? [] : ['Walk_Away_Policy__mdt']);
  });
  test('grants the bypass custom permission only in Walk_Away_Rule_Bypass', () => {
    const names = (p.set.customPermissions ?? []).filter((c: Xml) => c.enabled === 'true').map((c: Xml) => c.name);
    expect(names.includes('Walk_Away_Bypass_Rules')).toBe(p === bypass);
  });
  test('never edits the approval snapshot on the deal', () => {
    expect(APPROVAL_SNAPSHOT.filter((f) => p.access(f) === 'edit')).toEqual([]);
  });
});

describe.each(Object.entries({ Walk_Away_User: user, Walk_Away_Admin: admin }))('%s', (_name, p) => {
  test('reads every exception field and the approval snapshot', () => {
    expect(accessTo(p, [...EXCEPTION_FIELDS.filter((f) => f !== JUSTIFICATION), ...APPROVAL_SNAPSHOT])).toEqual([
      'read',
    ]);
  });
});

test('reps request exceptions: create and read, the justification is all they write', () => {
  expect(objectAccess(user, 'Walk_Away_Exception__c')).toEqual({
    create: 'true',
    read: 'true',
    edit: 'false',
    delete: 'false',
  });
  expect(user.access(JUSTIFICATION)).toBe('edit');
  expect(user.classes).toContain('WalkAwayExceptionController');
});

test('approvers hold the Walk_Away_Approver custom permission, read exceptions and edit none', () => {
  const permissions = (approver.set.customPermissions ?? []).map((c: Xml) => c.name);
  expect(permissions).toEqual(['Walk_Away_Approver']);
  expect(objectAccess(approver, 'Walk_Away_Exception__c')).toEqual({
    create: 'false',
    read: 'true',
    edit: 'false',
    delete: 'false',
  });
  expect(accessTo(approver, [...EXCEPTION_FIELDS, ...APPROVAL_SNAPSHOT])).toEqual(['read']);
  expect(approver.classes).toEqual(['WalkAwayExceptionController']);
});

test('reps never hold the approver custom permission', () => {
  for (const p of [user, admin, integration]) {
    expect((p.set.customPermissions ?? []).map((c: Xml) => c.name)).toEqual([]);
  }
});

test('the integration user reads exceptions and nothing more', () => {
  expect(objectAccess(integration, 'Walk_Away_Exception__c')).toEqual({
    create: 'false',
    read: 'true',
    edit: 'false',
    delete: 'false',
  });
  expect(integration.access(JUSTIFICATION)).toBe('none');
  expect(integration.access('Walk_Away_Exception__c.Status__c')).toBe('read');
});

test('reps read costs and the deal size but cannot change them', () => {
  expect(accessTo(user, [...COSTS, DEAL_SIZE])).toEqual(['read']);
});

test('the deal size is set by the integration (first scoring) and changed by admins, who may edit costs', () => {
  expect(integration.access(DEAL_SIZE)).toBe('edit');
  expect(admin.access(DEAL_SIZE)).toBe('edit');
});

test('reps edit deal terms, red flags and decisions, and the outputs the panel writes', () => {
  expect(accessTo(user, [...TERMS, ...DECISIONS, ...OUTPUTS])).toEqual(['edit']);
  expect(user.access(QUOTA)).toBe('read');
  expect(user.classes).toEqual(['WalkAwayController', 'WalkAwayExceptionController']);
});

test('admins edit everything, costs and quotas included', () => {
  expect(accessTo(admin, [...COSTS, DEAL_SIZE, ...TERMS, ...DECISIONS, ...OUTPUTS, QUOTA])).toEqual(['edit']);
});

/** A field path the CLI reads as the permission-set name of its field (Owner.Name is User.Name). */
const asPermissionField = (path: string): string => {
  const [head = '', field] = path.split('.');
  if (field === undefined) return `Opportunity.${head}`;
  return `${head === 'Owner' ? 'User' : head}.${field}`;
};
/** Standard fields under field-level security among those the CLI reads; the others every reader sees. */
const STANDARD_WITH_FLS = [
  'Opportunity.Amount',
  'Opportunity.Probability',
  'Account.Industry',
  'Account.AnnualRevenue',
  'Account.BillingCountry',
];
const underFls = (f: string): boolean => f.endsWith('__c') || STANDARD_WITH_FLS.includes(f);

test('the integration grants exactly what score, simulate, audit and report read, and writes only outputs', () => {
  const read = new Set(
    [...opportunityFields(true), ...REPORT_FIELDS, ...WON_FIELDS].map(asPermissionField).filter(underFls),
  );
  for (const f of USER_FIELDS) if (underFls(`User.${f}`)) read.add(`User.${f}`);
  // Exception fields the audit and report read; Opportunity__c is required, so it has no field permission.
  for (const f of CLI_EXCEPTION_FIELDS)
    if (f.endsWith('__c') && f !== 'Opportunity__c') read.add(`${EXCEPTION_OBJECT}.${f}`);
  expect([...integration.fields].sort()).toEqual([...read].sort());
  const written = WRITTEN_FIELDS.map((f) => `Opportunity.${f}`);
  expect(integration.fields.filter((f) => integration.access(f) === 'edit').sort()).toEqual([...written].sort());
  expect(accessTo(integration, [...COSTS, ...TERMS, QUOTA, 'Account.Industry', 'Account.AnnualRevenue'])).toEqual([
    'read',
  ]);
  expect(integration.userPermissions.sort()).toEqual(['ApiEnabled', 'ApiUserOnly']);
  expect(integration.classes).toEqual([]);
});

test('the integration reads the decisions its audit and report need, and none it does not use', () => {
  expect(integration.access('Opportunity.Walk_Away_Decision__c')).toBe('read');
  expect(integration.access('Opportunity.Walk_Away_Justification__c')).toBe('none');
  expect(integration.access('Opportunity.Walk_Away_Reengage_Notes__c')).toBe('none');
  // walkaway report prints what the rep learned from each walk-away: read, never written.
  expect(integration.access('Opportunity.Walk_Away_Lessons_Learned__c')).toBe('read');
});
