// Salesforce formulas from force-app evaluated offline with formulon: validation rules, approval
// criteria and formula fields, on a record given as field API name -> value. Field types come
// from the field files (standard fields from the list below); a formula field referenced by a
// formula is computed from its own formula on the same record. formulon cannot evaluate
// ISCHANGED or PRIORVALUE, which is why the rules compare snapshot fields instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Literal, extract, parse } from 'formulon';
import { DEFAULT_DIR, type Xml, filesUnder, readXml } from './forceApp';

export type Value = string | number | boolean | readonly string[] | null;
export type FormulaRecord = Readonly<Record<string, Value>>;

/** Standard fields the formulas use, by object, with their formula type. */
const STANDARD_TYPES: Record<string, Record<string, string>> = {
  Opportunity: { Id: 'Id', Amount: 'Currency', IsWon: 'Checkbox', StageName: 'Picklist' },
  Walk_Away_Exception__c: { Id: 'Id', Name: 'Text' },
};

/** Relationship name (`X__r`) to the object it points at, by object. */
function relationships(object: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, field] of customFields(object)) {
    if (field.referenceTo) result[name.replace(/__c$/, '__r')] = String(field.referenceTo);
  }
  return result;
}

function customFields(object: string): Map<string, Xml> {
  const fields = new Map<string, Xml>();
  for (const path of filesUnder(join(DEFAULT_DIR, 'objects', object, 'fields'), '.field-meta.xml')) {
    const f = readXml(path).CustomField;
    fields.set(String(f.fullName), f);
  }
  return fields;
}

function fieldType(object: string, field: string): { type: string; formula?: string; values: string[] } {
  const standard = STANDARD_TYPES[object]?.[field];
  if (standard) return { type: standard, values: [] };
  const f = customFields(object).get(field);
  if (!f) throw new Error(`${object}.${field} is not a field force-app defines or the formula tests know`);
  const values = (f.valueSet?.valueSetDefinition?.value ?? []).map((v: Xml) => String(v.fullName));
  return { type: String(f.type), formula: f.formula === undefined ? undefined : String(f.formula), values };
}

function literal(type: string, value: Value, values: string[]): Literal {
  switch (type) {
    case 'Currency':
    case 'Number':
    case 'Percent':
      return { type: 'literal', dataType: 'number', value, options: { length: 16, scale: 2 } };
    case 'Checkbox':
      return { type: 'literal', dataType: 'checkbox', value: value === true };
    case 'Picklist':
      return { type: 'literal', dataType: 'picklist', value, options: values };
    case 'MultiselectPicklist':
      return { type: 'literal', dataType: 'multipicklist', value: value ?? [], options: values };
    default:
      // A blank text, text area or Id is an empty string in Salesforce formulas (LEN gives 0).
      return { type: 'literal', dataType: 'text', value: value ?? '', options: { length: 32768 } };
  }
}

/** The record's value for a formula identifier (`Amount`, `X__r.Amount__c`, `$Permission.P`). */
function substitute(
  object: string,
  identifier: string,
  record: FormulaRecord,
  permissions: readonly string[],
): Literal {
  if (identifier.startsWith('$Permission.')) {
    return literal('Checkbox', permissions.includes(identifier.slice('$Permission.'.length)), []);
  }
  const [head = '', ...rest] = identifier.split('.');
  if (rest.length > 0) {
    const target = relationships(object)[head];
    if (!target) throw new Error(`${object}.${head} is not a relationship force-app defines`);
    const { type, values } = fieldType(target, rest.join('.'));
    return literal(type, record[identifier] ?? null, values);
  }
  const { type, formula, values } = fieldType(object, head);
  if (formula !== undefined) return literal(type, evaluateValue(formula, object, record, permissions), values);
  return literal(type, record[head] ?? null, values);
}

function evaluateValue(formula: string, object: string, record: FormulaRecord, permissions: readonly string[]): Value {
  const substitutions: Record<string, Literal> = {};
  for (const id of extract(formula)) substitutions[id] = substitute(object, id, record, permissions);
  const result = parse(formula, substitutions);
  if (result.type === 'error') throw new Error(`formulon cannot evaluate the formula: ${result.message}\n${formula}`);
  return result.value as Value;
}

/** Evaluates a formula that returns a checkbox (a validation rule's error condition, a criterion). */
export function evaluate(
  formula: string,
  object: string,
  record: FormulaRecord,
  permissions: readonly string[] = [],
): boolean {
  const value = evaluateValue(formula, object, record, permissions);
  if (typeof value !== 'boolean') throw new Error(`formula did not return a checkbox: ${String(value)}`);
  return value;
}

/** The value of a formula field on a record. */
export function formulaFieldValue(object: string, field: string, record: FormulaRecord): Value {
  const { formula } = fieldType(object, field);
  if (formula === undefined) throw new Error(`${object}.${field} is not a formula field`);
  return evaluateValue(formula, object, record, []);
}

export type ValidationRule = {
  readonly name: string;
  readonly active: boolean;
  readonly formula: string;
  readonly message: string;
  readonly field: string | null;
};

/** A validation rule of an object, read from its file. */
export function validationRule(object: string, name: string): ValidationRule {
  const rule = readXml(
    join(DEFAULT_DIR, 'objects', object, 'validationRules', `${name}.validationRule-meta.xml`),
  ).ValidationRule;
  return {
    name,
    active: rule.active === 'true',
    formula: String(rule.errorConditionFormula),
    message: String(rule.errorMessage),
    field: rule.errorDisplayField === undefined ? null : String(rule.errorDisplayField),
  };
}

/** Every validation rule file of an object, by name. */
export function validationRuleNames(object: string): string[] {
  return filesUnder(join(DEFAULT_DIR, 'objects', object, 'validationRules'), '.validationRule-meta.xml')
    .map((p) => p.slice(p.lastIndexOf('/') + 1).replace('.validationRule-meta.xml', ''))
    .sort();
}

/** The raw text of a file under force-app/main/default. */
export function sourceText(relativePath: string): string {
  return readFileSync(join(DEFAULT_DIR, relativePath), 'utf8');
}
