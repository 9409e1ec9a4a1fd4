// The active walk-away policies, read from the org's custom metadata and validated by the engine.
// Every custom field the type has in the org is read: a field the engine does not know (a newer
// package, an admin's own field) stops the run naming the record and field, as offline. An invalid
// policy stops the run before anything is written.
import type { Connection } from '@salesforce/core';
import { POLICY_RECORD_FIELDS, rankPolicies, readPolicies, type Policy } from '../engine/index.js';
import { callJson } from './http.js';
import { fieldList, flatten, queryAll } from './soql.js';

/** The policy fields the engine reads (DeveloperName and MasterLabel first). */
export const POLICY_FIELDS = POLICY_RECORD_FIELDS;

/**
 * The fields to select: the engine's that the org's type has, and every other custom field of the
 * type, so that the engine names each one it does not know.
 */
export function policySoql(describedFields: readonly string[]): string {
  const described = new Set(describedFields);
  const fields = [
    ...POLICY_FIELDS.filter((f) => described.has(f) || !f.endsWith('__c')),
    ...describedFields.filter((f) => f.endsWith('__c') && !POLICY_FIELDS.includes(f)),
  ];
  return `SELECT ${fieldList(fields)} FROM Walk_Away_Policy__mdt WHERE Active__c = true`;
}

/** Active policies, ranked (throws the engine's PolicyError naming record and field). */
export async function readOrgPolicies(conn: Connection): Promise<Policy[]> {
  const describe = await callJson<{ fields: Array<{ name: string }> }>(conn, {
    method: 'GET',
    path: 'sobjects/Walk_Away_Policy__mdt/describe',
  });
  const soql = policySoql(describe.fields.map((f) => f.name));
  const records = (await queryAll(conn, soql)).map((r) => flatten(r));
  return rankPolicies(readPolicies(records));
}
