// The running user's access as an org computes it: object permissions, field-level security and
// record sharing, from the project's own permission set XML (force-app/main/default/permissionsets).
// A user holds only the permission sets named (on a "Minimum Access - API Only Integrations"
// profile, which grants no object or field), or is a system administrator ('all').
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Row } from './soql';

/** Fields every user who can read the object sees: no field-level security applies to them. */
const ALWAYS_VISIBLE: Readonly<Record<string, readonly string[]>> = {
  Opportunity: [
    'Id',
    'Name',
    'OwnerId',
    'AccountId',
    'CloseDate',
    'StageName',
    'IsClosed',
    'IsWon',
    'LastModifiedDate',
    'SystemModstamp',
    'CurrencyIsoCode',
  ],
  Account: ['Id', 'Name'],
  User: ['Id', 'Name', 'Username', 'IsActive', 'DefaultCurrencyIsoCode'],
  // Opportunity__c is required: a required field takes no field permission, whoever reads the object sees it.
  Walk_Away_Exception__c: [
    'Id',
    'Name',
    'OwnerId',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'SystemModstamp',
    'Opportunity__c',
  ],
};
/** Objects every user reads without an object permission. */
const OPEN_OBJECTS = new Set([
  'User',
  'Period',
  'Organization',
  'CurrencyType',
  'DatedConversionRate',
  'ProcessInstance',
  'ProcessInstanceStep',
]);

export type StandinUser = {
  readonly id: string;
  /** Permission sets held, by API name, or 'all' for a system administrator. */
  readonly permissionSets: readonly string[] | 'all';
  /**
   * A sharing rule giving the user read/write on every opportunity (the README's set-up). Without
   * it the user edits only the opportunities it owns.
   */
  readonly sharingRuleEdit?: boolean;
  /** Owners whose opportunities the user sees without View All (role hierarchy, sharing). */
  readonly visibleOwners?: readonly string[];
  /**
   * 'minimum' (default): "Minimum Access - API Only Integrations", nothing but what the permission
   * sets grant. 'standard': "Standard User", which adds read/edit on Opportunity and Account and
   * their standard fields (a rep's profile), never the package's custom fields.
   */
  readonly profile?: 'minimum' | 'standard';
};

const STANDARD_PROFILE_FIELDS = [
  'Opportunity.Amount',
  'Opportunity.Probability',
  'Account.Industry',
  'Account.AnnualRevenue',
  'Account.BillingCountry',
];

type FieldGrant = { read: boolean; edit: boolean };
type ObjectGrant = { read: boolean; edit: boolean; viewAll: boolean; modifyAll: boolean };

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (n) =>
    ['fieldPermissions', 'objectPermissions', 'userPermissions', 'customMetadataTypeAccesses'].includes(n),
});
const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export class Access {
  public readonly user: StandinUser;
  private readonly admin: boolean;
  private readonly fields = new Map<string, FieldGrant>();
  private readonly objects = new Map<string, ObjectGrant>();
  private readonly userPermissions = new Set<string>();
  private readonly metadataTypes = new Set<string>();

  public constructor(projectDir: string, user: StandinUser) {
    this.user = user;
    this.admin = user.permissionSets === 'all';
    if (user.permissionSets === 'all') return;
    if (user.profile === 'standard') {
      for (const object of ['Opportunity', 'Account'])
        this.objects.set(object, { read: true, edit: true, viewAll: false, modifyAll: false });
      for (const field of STANDARD_PROFILE_FIELDS) this.fields.set(field, { read: true, edit: true });
    }
    for (const name of user.permissionSets) {
      const file = join(projectDir, 'force-app', 'main', 'default', 'permissionsets', `${name}.permissionset-meta.xml`);
      const set = (parser.parse(readFileSync(file, 'utf8')) as { PermissionSet: Record<string, unknown> })
        .PermissionSet;
      for (const f of asList(set.fieldPermissions as Array<Record<string, string>>)) {
        const before = this.fields.get(f.field ?? '') ?? { read: false, edit: false };
        this.fields.set(f.field ?? '', {
          read: before.read || f.readable === 'true',
          edit: before.edit || f.editable === 'true',
        });
      }
      for (const o of asList(set.objectPermissions as Array<Record<string, string>>)) {
        const before = this.objects.get(o.object ?? '') ?? {
          read: false,
          edit: false,
          viewAll: false,
          modifyAll: false,
        };
        this.objects.set(o.object ?? '', {
          read: before.read || o.allowRead === 'true',
          edit: before.edit || o.allowEdit === 'true',
          viewAll: before.viewAll || o.viewAllRecords === 'true',
          modifyAll: before.modifyAll || o.modifyAllRecords === 'true',
        });
      }
      for (const u of asList(set.userPermissions as Array<Record<string, string>>))
        if (u.enabled === 'true') this.userPermissions.add(u.name ?? '');
      for (const t of asList(set.customMetadataTypeAccesses as Array<Record<string, string>>))
        if (t.enabled === 'true') this.metadataTypes.add(t.name ?? '');
    }
  }

  public hasPermission(name: string): boolean {
    return this.admin || this.userPermissions.has(name);
  }

  public canReadObject(object: string): boolean {
    if (this.admin || OPEN_OBJECTS.has(object)) return true;
    if (object.endsWith('__mdt')) return this.metadataTypes.has(object);
    return this.objects.get(object)?.read === true;
  }

  public canEditObject(object: string): boolean {
    return this.admin || this.objects.get(object)?.edit === true;
  }

  /** Field-level security: a field of an object the user reads, granted or always visible. */
  public readable(object: string, field: string): boolean {
    if (!this.canReadObject(object)) return false;
    if (this.admin || object.endsWith('__mdt') || !(object in ALWAYS_VISIBLE)) return true;
    if (ALWAYS_VISIBLE[object]?.includes(field)) return true;
    return this.fields.get(`${object}.${field}`)?.read === true;
  }

  public editable(object: string, field: string): boolean {
    if (!this.canEditObject(object)) return false;
    if (this.admin) return !['Id', 'IsClosed', 'IsWon', 'LastModifiedDate', 'SystemModstamp'].includes(field);
    return this.fields.get(`${object}.${field}`)?.edit === true;
  }

  /** Sharing: whether a record is visible (View All, ownership, the sharing rule, the role hierarchy). */
  public canSeeRow(object: string, row: Row): boolean {
    if (this.admin || object !== 'Opportunity') return true;
    const grant = this.objects.get(object);
    if (grant?.viewAll || grant?.modifyAll || this.user.sharingRuleEdit) return true;
    return row.OwnerId === this.user.id || (this.user.visibleOwners ?? []).includes(String(row.OwnerId));
  }

  public canEditRow(object: string, row: Row): boolean {
    if (this.admin) return true;
    if (!this.canEditObject(object)) return false;
    if (this.objects.get(object)?.modifyAll) return true;
    return row.OwnerId === this.user.id || this.user.sharingRuleEdit === true;
  }
}
