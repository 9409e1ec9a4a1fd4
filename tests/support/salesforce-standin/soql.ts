// A small SOQL evaluator for the stand-in: SELECT fields (dotted relationship fields, SUM/COUNT
// aggregates with aliases) FROM one object, WHERE conditions joined by AND (=, !=, <, <=, >, >=,
// LIKE, IN, NOT IN; string, number, boolean, null, date and TODAY literals), GROUP BY one field,
// ORDER BY (ignored beyond the first field), LIMIT. Enough for what the CLI sends; anything else is
// a MALFORMED_QUERY, as an org would answer.

export type Row = Record<string, unknown>;

export class SoqlError extends Error {
  public constructor(
    public readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

type Literal = string | number | boolean | null | Literal[];
type Condition = { field: string; op: string; value: Literal };
export type SelectItem =
  { kind: 'field'; path: string } | { kind: 'agg'; fn: 'SUM' | 'COUNT'; path: string; alias: string };
export type Query = {
  select: SelectItem[];
  from: string;
  where: Condition[];
  groupBy: string | null;
  orderBy: string | null;
  limit: number | null;
};

const TOKEN = /\s*('(?:\\.|[^'\\])*'|[A-Za-z_][\w.]*|-?\d+(?:\.\d+)?(?:-\d\d-\d\d(?:T[\d:.]+Z)?)?|!=|<=|>=|[=<>(),*])/y;

function tokenize(soql: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let last = 0;
  for (let guard = 0; guard < 100_000; guard++) {
    if (/^\s*$/.test(soql.slice(last))) return tokens;
    const m = TOKEN.exec(soql);
    if (!m || m[1] === undefined)
      throw new SoqlError('MALFORMED_QUERY', `unexpected token near: ${soql.slice(last, last + 20)}`);
    tokens.push(m[1]);
    last = TOKEN.lastIndex;
  }
  throw new SoqlError('MALFORMED_QUERY', 'query too long');
}

function literal(token: string, today: string): Literal {
  if (token.startsWith("'")) return token.slice(1, -1).replace(/\\(.)/g, '$1');
  const upper = token.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  if (upper === 'NULL') return null;
  if (upper === 'TODAY') return today;
  if (/^\d{4}-\d\d-\d\d/.test(token)) return token;
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  throw new SoqlError('MALFORMED_QUERY', `unsupported literal ${token}`);
}

export function parse(soql: string, today: string): Query {
  const t = tokenize(soql);
  let i = 0;
  const peek = (): string => (t[i] ?? '').toUpperCase();
  const next = (): string => {
    const v = t[i++];
    if (v === undefined) throw new SoqlError('MALFORMED_QUERY', 'unexpected end of query');
    return v;
  };
  const expect = (word: string): void => {
    if (next().toUpperCase() !== word) throw new SoqlError('MALFORMED_QUERY', `expected ${word}`);
  };
  expect('SELECT');
  const select: SelectItem[] = [];
  let exprN = 0;
  for (;;) {
    const tok = next();
    if ((tok.toUpperCase() === 'SUM' || tok.toUpperCase() === 'COUNT') && t[i] === '(') {
      i++;
      const path = t[i] === ')' ? 'Id' : next();
      expect(')');
      let alias = `expr${exprN++}`;
      if (peek() !== ',' && peek() !== 'FROM') alias = next();
      select.push({ kind: 'agg', fn: tok.toUpperCase() as 'SUM' | 'COUNT', path, alias });
    } else {
      select.push({ kind: 'field', path: tok });
    }
    if (peek() === ',') {
      i++;
      continue;
    }
    break;
  }
  expect('FROM');
  const from = next();
  const where: Condition[] = [];
  if (peek() === 'WHERE') {
    i++;
    for (;;) {
      const field = next();
      let op = next().toUpperCase();
      if (op === 'NOT') op = `NOT ${next().toUpperCase()}`;
      let value: Literal;
      if (op === 'IN' || op === 'NOT IN') {
        expect('(');
        const list: Literal[] = [];
        while (t[i] !== ')') {
          list.push(literal(next(), today));
          if (t[i] === ',') i++;
        }
        i++;
        value = list;
      } else {
        value = literal(next(), today);
      }
      where.push({ field, op, value });
      if (peek() === 'AND') {
        i++;
        continue;
      }
      break;
    }
  }
  let groupBy: string | null = null;
  let orderBy: string | null = null;
  let limit: number | null = null;
  while (i < t.length) {
    const kw = next().toUpperCase();
    if (kw === 'GROUP') {
      expect('BY');
      groupBy = next();
    } else if (kw === 'ORDER') {
      expect('BY');
      orderBy = next();
      while (i < t.length && !['LIMIT', 'GROUP'].includes(peek())) i++;
    } else if (kw === 'LIMIT') {
      limit = Number(next());
    } else if (kw === 'WITH') {
      next();
    } else {
      throw new SoqlError('MALFORMED_QUERY', `unexpected ${kw}`);
    }
  }
  return { select, from, where, groupBy, orderBy, limit };
}

/** Value of a dotted path on a row whose relationships are nested objects. */
export function valueAt(row: Row, path: string): unknown {
  let v: unknown = row;
  for (const part of path.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    v = (v as Row)[part];
  }
  return v ?? null;
}

const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

function compare(a: unknown, b: Literal): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string' && DATETIME.test(a) && DATETIME.test(b))
    return Date.parse(a) - Date.parse(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function matches(row: Row, c: Condition): boolean {
  const v = valueAt(row, c.field);
  switch (c.op) {
    case '=':
      return c.value === null ? v === null : v !== null && compare(v, c.value) === 0;
    case '!=':
      return c.value === null ? v !== null : v === null || compare(v, c.value) !== 0;
    case '<':
      return v !== null && compare(v, c.value) < 0;
    case '<=':
      return v !== null && compare(v, c.value) <= 0;
    case '>':
      return v !== null && compare(v, c.value) > 0;
    case '>=':
      return v !== null && compare(v, c.value) >= 0;
    case 'LIKE': {
      const pattern = String(c.value)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.');
      return v !== null && new RegExp(`^${pattern}$`, 'i').test(String(v));
    }
    case 'IN':
      return (c.value as Literal[]).some((x) => v !== null && compare(v, x) === 0);
    case 'NOT IN':
      return !(c.value as Literal[]).some((x) => v !== null && compare(v, x) === 0);
    default:
      throw new SoqlError('MALFORMED_QUERY', `unsupported operator ${c.op}`);
  }
}

/**
 * Runs a parsed query over rows. `fields` lists the queryable field paths of the object
 * (relationship paths included); any other field is INVALID_FIELD, as in an org.
 */
export function run(
  q: Query,
  rows: readonly Row[],
  fields: ReadonlySet<string>,
  /** How SUM() sees a row's value (a multi-currency org converts to the corporate currency). */
  convert?: (row: Row, value: number) => number,
): Row[] {
  const known = (path: string): void => {
    if (!fields.has(path)) throw new SoqlError('INVALID_FIELD', `No such column '${path}' on entity '${q.from}'.`);
  };
  for (const s of q.select) known(s.path);
  for (const c of q.where) known(c.field);
  if (q.groupBy) known(q.groupBy);
  let selected = rows.filter((r) => q.where.every((c) => matches(r, c)));
  const aggs = q.select.filter((s): s is Extract<SelectItem, { kind: 'agg' }> => s.kind === 'agg');
  if (aggs.length || q.groupBy) {
    const groups = new Map<string, Row[]>();
    for (const r of selected) {
      const key = q.groupBy ? String(valueAt(r, q.groupBy)) : '';
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    if (!q.groupBy && groups.size === 0) groups.set('', []);
    return [...groups.entries()].map(([key, members]) => {
      const out: Row = {};
      if (q.groupBy) out[q.groupBy] = key;
      for (const a of aggs) {
        if (a.fn === 'COUNT') out[a.alias] = members.length;
        else {
          const values = members
            .map((m) => {
              const v = valueAt(m, a.path);
              return typeof v === 'number' && convert ? convert(m, v) : v;
            })
            .filter((v): v is number => typeof v === 'number');
          out[a.alias] = values.length ? Math.round(values.reduce((s, v) => s + v, 0) * 100) / 100 : null;
        }
      }
      return out;
    });
  }
  if (q.orderBy) {
    const by = q.orderBy;
    selected = [...selected].sort((a, b) => compare(valueAt(a, by), valueAt(b, by) as Literal));
  }
  if (q.limit !== null) selected = selected.slice(0, q.limit);
  return selected;
}
