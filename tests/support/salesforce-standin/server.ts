// A local Salesforce API stand-in for tests: an HTTP server on 127.0.0.1 (random port) speaking
// the endpoints jsforce and @salesforce/core call — REST query (+ nextRecordsUrl pages), limits,
// sObject describe, OAuth userinfo/token, Bulk API 2.0 query (jobs/query, poll, results pages
// through Sforce-Locator) and ingest (jobs/ingest, PUT batches, PATCH UploadComplete, poll,
// successfulResults / failedResults / unprocessedrecords) — over an in-memory org, with faults to
// inject and a count of requests by endpoint.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import { Access, type StandinUser } from './access';
import { EXCEPTION_OBJECT, loadSchema, queryablePaths, type ObjectSchema } from './schema';
import { parse as parseSoql, run as runSoql, SoqlError, valueAt, type Row } from './soql';

export type OrgData = {
  opportunities: Row[];
  users: Row[];
  accounts: Row[];
  policies: Row[];
  periods?: Row[];
  /** Multi-currency orgs: CurrencyType rows (IsoCode, ConversionRate, IsCorporate, IsActive). */
  currencies?: Row[];
  /** Advanced Currency Management: DatedConversionRate rows (IsoCode, ConversionRate, StartDate, NextStartDate). */
  datedRates?: Row[];
  /** Walk_Away_Exception__c rows (lookups by Id: Opportunity__c, Requested_By__c, the step approvers). */
  exceptions?: Row[];
  /**
   * Approval history, as ProcessInstanceStep rows: { Id, TargetObjectId, StepStatus ('Started',
   * 'Approved', 'Rejected', 'Removed', ...), ActorId, OriginalActorId, Comments, CreatedDate }.
   * Queried with the target under `ProcessInstance.TargetObjectId` and the actor under `Actor.Name`;
   * a step is visible only to a user who may read its target's object.
   */
  approvalSteps?: Row[];
};

/** A fault applied to requests whose endpoint key (see `counts`) matches. */
export type HttpFault = {
  readonly endpoint: string;
  /** 503 Service Unavailable, a dropped connection, REQUEST_LIMIT_EXCEEDED (403), or an expired session (401). */
  readonly effect: 503 | 'drop' | 'REQUEST_LIMIT_EXCEEDED' | 'expire-session';
  /** How many matching requests get the fault (default 1). */
  readonly times?: number;
  /** Matching requests to let through first (default 0). */
  readonly after?: number;
};

export type RowFault = { readonly code: string; readonly message: string; readonly times?: number };

export type Faults = {
  http?: HttpFault[];
  /** Ingest rows by Id that fail; `times` attempts fail (default: every attempt). */
  rows?: Record<string, RowFault>;
  /** Ingest jobs end this way after processing `processedBeforeEnd` rows (default 0). */
  ingestEnds?: { state: 'Failed' | 'Aborted'; processedBeforeEnd?: number; errorMessage?: string };
  queryEnds?: 'Failed' | 'Aborted';
  /** Jobs of this kind stay InProgress for ever. */
  neverComplete?: 'ingest' | 'query';
  /** Ingest result files list rows in an order unrelated to the upload. */
  shuffleResults?: boolean;
};

export type Limits = Record<string, { Max: number; Remaining: number }>;

export type StandinOptions = {
  projectDir?: string;
  multiCurrency?: boolean;
  /** Opportunity fields the org lacks (a package not fully deployed). */
  withoutFields?: string[];
  /** Custom fields an admin added to the policy type in the org (not in the package). */
  extraPolicyFields?: string[];
  /** Objects the running user may not query here (INVALID_TYPE), e.g. ProcessInstanceStep. */
  withoutObjects?: string[];
  /** Rows per Bulk API 2.0 query results page (the client's maxRecords may lower it). */
  queryPageSize?: number;
  /** Records per REST query page. */
  restPageSize?: number;
  /** Polls answered InProgress before a job completes. */
  pollsUntilComplete?: number;
  /** The org's date (TODAY in SOQL). */
  today?: string;
  accessToken?: string;
  refreshToken?: string;
  orgId?: string;
  username?: string;
  /**
   * Who the session belongs to (default: the integration user, holding only Walk_Away_Integration,
   * with a sharing rule giving it read/write on every opportunity, as the README sets it up).
   */
  user?: Partial<StandinUser>;
};

/** The running user's Id (also what /services/oauth2/userinfo answers). */
export const RUNNING_USER_ID = '005000000000001AAA';
export const INTEGRATION_USER: StandinUser = {
  id: RUNNING_USER_ID,
  permissionSets: ['Walk_Away_Integration'],
  sharingRuleEdit: true,
};
export const ADMIN_USER: StandinUser = { id: RUNNING_USER_ID, permissionSets: 'all' };

type IngestJob = {
  id: string;
  object: string;
  operation: string;
  state: string;
  uploads: string[];
  polls: number;
  processed: number;
  failed: number;
  success: Row[];
  failures: Row[];
  unprocessed: Row[];
  columns: string[];
  errorMessage?: string;
};

type QueryJob = {
  id: string;
  query: string;
  state: string;
  polls: number;
  rows: Row[];
  columns: string[];
  createdDate: string;
};

/** Salesforce's datetime format in job info: 2026-11-26T22:15:31.000+0000. */
const sfDateTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

const DEFAULT_LIMITS: Limits = {
  DailyApiRequests: { Max: 100000, Remaining: 99000 },
  DailyBulkV2QueryJobs: { Max: 10000, Remaining: 9990 },
  DailyBulkApiBatches: { Max: 15000, Remaining: 14990 },
  DailyBulkV2QueryFileStorageMB: { Max: 1000000, Remaining: 1000000 },
};

/**
 * A number as Salesforce writes it in Bulk API 2.0 CSV results: Java's Double.toString, which
 * switches to E-notation at 10 million (`1.04625E7`, `8.2E8`; never a `+` in the exponent).
 */
export const javaDouble = (n: number): string => {
  if (!Number.isFinite(n) || n === 0 || Math.abs(n) < 1e7) return String(n);
  const [mantissa = '', exponent = ''] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
};

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '""';
  const s = typeof v === 'number' ? javaDouble(v) : String(v);
  return `"${s.replace(/"/g, '""')}"`;
};
const toCsv = (columns: readonly string[], rows: readonly Row[]): string =>
  [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';

/** A deterministic "shuffle": interleaves from both ends, so no row keeps its upload position by accident. */
function shuffled<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    out.push(items[hi--] as T);
    if (lo <= hi) out.push(items[lo++] as T);
  }
  return out;
}

export class SalesforceStandin {
  public readonly data: OrgData;
  public faults: Faults = {};
  public limits: Limits = structuredClone(DEFAULT_LIMITS);
  /** Requests by endpoint key, e.g. `POST jobs/ingest`, `GET jobs/query/:id/results`. */
  public readonly counts = new Map<string, number>();
  /** Every request as `METHOD path` (query string included), in order. */
  public readonly log: string[] = [];
  public readonly ingestJobs = new Map<string, IngestJob>();
  public readonly queryJobs = new Map<string, QueryJob>();
  public readonly restQueries: string[] = [];
  /** Runs before a request to the endpoint is answered: other people's edits in the middle of a run. */
  public readonly hooks = new Map<string, () => void>();
  public accessToken: string;
  public readonly refreshToken: string;
  public readonly orgId: string;
  public readonly username: string;
  private readonly options: Required<
    Pick<StandinOptions, 'queryPageSize' | 'restPageSize' | 'pollsUntilComplete' | 'today'>
  >;
  private readonly schemas: Map<string, ObjectSchema>;
  /** FLS, object permissions and sharing of the running user; tests may swap it between runs. */
  public access: Access;
  private readonly projectDir: string;
  private readonly multiCurrency: boolean;
  private readonly withoutObjects: ReadonlySet<string>;
  private readonly faultHits = new Map<HttpFault, number>();
  private readonly rowAttempts = new Map<string, number>();
  private readonly restCursors = new Map<string, { rows: Row[]; offset: number; object: string }>();
  private server: Server | null = null;
  private seq = 0;
  private tokenSeq = 0;

  public constructor(data: OrgData, options: StandinOptions = {}) {
    this.data = data;
    this.options = {
      queryPageSize: options.queryPageSize ?? 5000,
      restPageSize: options.restPageSize ?? 2000,
      pollsUntilComplete: options.pollsUntilComplete ?? 1,
      today: options.today ?? new Date().toISOString().slice(0, 10),
    };
    this.orgId = options.orgId ?? '00D000000000001AAA';
    this.accessToken = options.accessToken ?? `${this.orgId}!AQ.standin.token.${Date.now()}`;
    this.refreshToken = options.refreshToken ?? '5Aep861standinRefreshToken';
    this.username = options.username ?? 'admin@walkaway.standin';
    this.projectDir = options.projectDir ?? process.cwd();
    this.multiCurrency = options.multiCurrency ?? false;
    this.withoutObjects = new Set(options.withoutObjects ?? []);
    this.schemas = loadSchema(this.projectDir, options.multiCurrency ?? false);
    this.access = new Access(this.projectDir, { ...INTEGRATION_USER, ...options.user });
    const opportunity = this.schemas.get('Opportunity')?.fields as Map<string, unknown> | undefined;
    for (const f of options.withoutFields ?? []) opportunity?.delete(f);
    const policy = this.schemas.get('Walk_Away_Policy__mdt')?.fields as Map<string, unknown> | undefined;
    for (const f of options.extraPolicyFields ?? []) policy?.set(f, 'string');
  }

  public get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('stand-in not started');
    return `http://127.0.0.1:${address.port}`;
  }

  public async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  public async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  public count(endpoint: string): number {
    return this.counts.get(endpoint) ?? 0;
  }

  public resetCounts(): void {
    this.counts.clear();
    this.log.length = 0;
  }

  /** Total requests seen (all endpoints). */
  public totalRequests(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  private byId: { list: Row[]; at: Map<unknown, number> } | null = null;

  /** The opportunity with this Id, through an index checked on every use (tests edit the list). */
  public opportunity(id: string): Row | undefined {
    const list = this.data.opportunities;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (this.byId?.list !== list) this.byId = { list, at: new Map(list.map((o, i) => [o.Id, i])) };
      const i = this.byId.at.get(id);
      const found = i === undefined ? undefined : list[i];
      if (found?.Id === id) return found;
      this.byId = null; // not found, or the list changed under the index: rebuild once and look again
    }
    return undefined;
  }

  /** Runs the next requests as another user (permission sets, sharing). */
  public runAs(user: Partial<StandinUser>): void {
    this.access = new Access(this.projectDir, { ...INTEGRATION_USER, ...user });
  }

  /** Someone else's edit in the org: the fields change, and so do LastModifiedDate and SystemModstamp. */
  public edit(id: string, changes: Row): void {
    const target = this.opportunity(id);
    if (!target) throw new Error(`no opportunity ${id}`);
    Object.assign(target, changes, this.stamp());
  }

  private lastStamp = 0;
  /** A modification time later than any before it (two edits in one millisecond stay ordered). */
  private stamp(): Row {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    const at = new Date(this.lastStamp).toISOString();
    return { LastModifiedDate: at, SystemModstamp: at };
  }

  /** Invalidates the current access token (a session that expired). */
  public expireSession(): void {
    this.tokenSeq += 1;
    this.accessToken = `${this.orgId}!AQ.standin.token.refreshed${this.tokenSeq}`;
  }

  // ---- request handling -------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', () => resolve(''));
    });
    const endpoint = this.endpointOf(method, url.pathname);
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
    this.log.push(`${method} ${url.pathname}${url.search}`);
    this.hooks.get(endpoint)?.();
    try {
      const fault = this.faultFor(endpoint);
      if (fault === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault === 503) return this.send(res, 503, 'text/html', '<html><body>Service Unavailable</body></html>');
      if (fault === 'REQUEST_LIMIT_EXCEEDED') {
        return this.json(res, 403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]);
      }
      if (fault === 'expire-session') this.expireSession();
      if (url.pathname === '/services/oauth2/token' && method === 'POST') return this.token(res, body);
      if (!this.authorised(req)) {
        return this.json(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      }
      await this.route(method, url, body, res);
    } catch (error) {
      if (error instanceof SoqlError)
        return this.json(res, 400, [{ errorCode: error.errorCode, message: error.message }]);
      this.json(res, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }]);
    }
  }

  private authorised(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${this.accessToken}`;
  }

  private faultFor(endpoint: string): HttpFault['effect'] | null {
    for (const f of this.faults.http ?? []) {
      if (f.endpoint !== endpoint) continue;
      const hits = (this.faultHits.get(f) ?? 0) + 1;
      this.faultHits.set(f, hits);
      const after = f.after ?? 0;
      if (hits > after && hits <= after + (f.times ?? 1)) return f.effect;
    }
    return null;
  }

  private endpointOf(method: string, path: string): string {
    const m = /^\/services\/data\/v\d+\.\d+(\/.*)?$/.exec(path);
    if (!m) return `${method} ${path.replace(/\/005\w+$/, '/:id')}`;
    const rest = (m[1] ?? '').replace(/^\//, '');
    const key = rest
      .replace(/^jobs\/(query|ingest)\/[^/]+/, 'jobs/$1/:id')
      .replace(/^query\/[^/]+$/, 'query/:locator')
      .replace(/^sobjects\/(\w+)\/(?!describe)[^/]+$/, 'sobjects/$1/:id');
    return `${method} ${key || '(versions)'}`;
  }

  private send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'Content-Type': type, ...headers });
    res.end(body);
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.send(res, status, 'application/json;charset=UTF-8', JSON.stringify(body), headers);
  }

  private token(res: ServerResponse, body: string): void {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.refreshToken) {
      return this.json(res, 400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    }
    this.json(res, 200, {
      access_token: this.accessToken,
      instance_url: this.url,
      id: `${this.url}/id/${this.orgId}/005000000000001AAA`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      signature: 'standin',
    });
  }

  private async route(method: string, url: URL, body: string, res: ServerResponse): Promise<void> {
    const path = url.pathname;
    if (path === '/services/oauth2/userinfo') {
      return this.json(res, 200, {
        user_id: RUNNING_USER_ID,
        organization_id: this.orgId,
        preferred_username: this.username,
      });
    }
    if (path === '/services/data' || path === '/services/data/') {
      return this.json(res, 200, [{ label: 'Winter 25', url: '/services/data/v62.0', version: '62.0' }]);
    }
    const m = /^\/services\/data\/v(\d+\.\d+)\/(.*)$/.exec(path);
    if (!m) return this.json(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const version = m[1] ?? '62.0';
    const rest = m[2] ?? '';
    if (method === 'GET' && rest === 'limits') {
      if (!this.access.hasPermission('ViewSetup')) {
        return this.json(res, 403, [
          {
            errorCode: 'INSUFFICIENT_ACCESS',
            message: 'The Limits resource requires the View Setup and Configuration permission.',
          },
        ]);
      }
      return this.json(res, 200, this.limits);
    }
    if (method === 'GET' && rest === 'query') return this.restQuery(res, url.searchParams.get('q') ?? '', version);
    if (method === 'GET' && rest.startsWith('query/')) return this.restQueryMore(res, rest.slice(6), version);
    let s = /^sobjects\/(\w+)\/describe$/.exec(rest);
    if (method === 'GET' && s) return this.describe(res, s[1] ?? '');
    s = /^sobjects\/User\/(\w+)$/.exec(rest);
    if (method === 'GET' && s) return this.json(res, 200, { Id: s[1], Username: this.username });
    if (rest.startsWith('jobs/query'))
      return this.queryJob(method, rest.slice('jobs/query'.length), url, body, res, version);
    if (rest.startsWith('jobs/ingest')) return this.ingestJob(method, rest.slice('jobs/ingest'.length), body, res);
    this.json(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  }

  // ---- data views --------------------------------------------------------------------------------

  private rowsOf(object: string): Row[] {
    if (!this.access.canReadObject(object) || this.withoutObjects.has(object)) {
      throw new SoqlError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
    }
    return this.allRowsOf(object).filter((r) => this.access.canSeeRow(object, r));
  }

  private allRowsOf(object: string): Row[] {
    switch (object) {
      case 'Opportunity': {
        const accounts = new Map(this.data.accounts.map((a) => [a.Id, a]));
        const users = new Map(this.data.users.map((u) => [u.Id, u]));
        return this.data.opportunities.map((o) => ({
          ...o,
          Account: accounts.get(o.AccountId) ?? null,
          Owner: users.get(o.OwnerId) ?? null,
        }));
      }
      case EXCEPTION_OBJECT:
        return this.exceptionRows();
      case 'ProcessInstanceStep':
        return this.approvalStepRows();
      case 'User':
        return this.data.users;
      case 'Account':
        return this.data.accounts;
      case 'Walk_Away_Policy__mdt':
        return this.data.policies;
      case 'Period':
        return this.data.periods ?? [];
      case 'CurrencyType':
        return this.data.currencies ?? [];
      case 'DatedConversionRate':
        return this.data.datedRates ?? [];
      case 'Organization':
        return [
          {
            Id: this.orgId,
            Name: 'Walk-Away Stand-in',
            InstanceName: 'STANDIN',
            IsSandbox: false,
            OrganizationType: 'Developer Edition',
            NamespacePrefix: null,
            TrialExpirationDate: null,
          },
        ];
      default:
        throw new SoqlError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
    }
  }

  /** Exceptions with each lookup's parent record under its relationship name (Opportunity__r...). */
  private exceptionRows(): Row[] {
    const parents: Record<string, Map<unknown, Row>> = {
      Opportunity: new Map(this.data.opportunities.map((o) => [o.Id, o])),
      User: new Map(this.data.users.map((u) => [u.Id, u])),
    };
    const relations = this.schemas.get(EXCEPTION_OBJECT)?.relations ?? new Map<string, string>();
    return (this.data.exceptions ?? []).map((e) => {
      const row: Row = { ...e };
      for (const [relation, target] of relations) {
        const id = e[relation.replace(/__r$/, '__c')];
        row[relation] = id == null ? null : (parents[target]?.get(id) ?? null);
      }
      return row;
    });
  }

  /** History steps with their ProcessInstance and actor; steps of exceptions only for who reads them. */
  private approvalStepRows(): Row[] {
    const users = new Map(this.data.users.map((u) => [u.Id, u]));
    const exceptions = new Set((this.data.exceptions ?? []).map((e) => e.Id));
    return (this.data.approvalSteps ?? [])
      .filter((s) => !exceptions.has(s.TargetObjectId) || this.access.canReadObject(EXCEPTION_OBJECT))
      .map((s) => ({
        OriginalActorId: s.ActorId ?? null,
        Comments: null,
        ...s,
        ProcessInstanceId: `04gSTANDIN${String(s.TargetObjectId).slice(-7)}`,
        ProcessInstance: { Id: `04gSTANDIN${String(s.TargetObjectId).slice(-7)}`, TargetObjectId: s.TargetObjectId },
        Actor: users.get(s.ActorId) ?? null,
      }));
  }

  private select(soql: string): { rows: Row[]; columns: string[]; object: string; aggregate: boolean } {
    const q = parseSoql(soql, this.options.today);
    // SUM() with GROUP BY returns the corporate currency in a multi-currency org (CurrencyType rates).
    const corporate = (row: Row, value: number): number => {
      const code = row.CurrencyIsoCode;
      const rate = (this.data.currencies ?? []).find((c) => c.IsoCode === code)?.ConversionRate;
      return typeof rate === 'number' && rate > 0 ? value / rate : value;
    };
    const convert = this.multiCurrency && q.groupBy !== null ? corporate : undefined;
    const rows = runSoql(q, this.rowsOf(q.from), this.visiblePaths(q.from), convert);
    const columns = q.select.map((s) => (s.kind === 'field' ? s.path : s.alias));
    const aggregate = q.select.some((s) => s.kind === 'agg') || q.groupBy !== null;
    return { rows, columns, object: q.from, aggregate };
  }

  /** Paths the running user may query: fields it sees, through relationships too. */
  private visiblePaths(object: string): Set<string> {
    const relation: Record<string, string> = {
      Account: 'Account',
      Owner: 'User',
      ...Object.fromEntries(this.schemas.get(object)?.relations ?? []),
    };
    return new Set(
      [...queryablePaths(this.schemas, object)].filter((path) => {
        const [head = '', field] = path.split('.');
        return field === undefined
          ? this.access.readable(object, head)
          : this.access.readable(relation[head] ?? head, field);
      }),
    );
  }

  private restRecord(object: string, row: Row, columns: readonly string[], version: string, aggregate: boolean): Row {
    const out: Row = {
      attributes: aggregate
        ? { type: 'AggregateResult' }
        : { type: object, url: `/services/data/v${version}/sobjects/${object}/${String(row.Id)}` },
    };
    for (const c of columns) {
      if (aggregate) {
        out[c] = row[c] ?? null;
        continue;
      }
      const parts = c.split('.');
      if (parts.length === 1) out[c] = row[c] ?? null;
      else {
        const [rel, field] = parts as [string, string];
        const type = this.schemas.get(object)?.relations?.get(rel) ?? (rel === 'Owner' ? 'User' : rel);
        const parent = (out[rel] ?? { attributes: { type } }) as Row;
        parent[field] = valueAt(row, c);
        out[rel] = row[rel] === null ? null : parent;
      }
    }
    return out;
  }

  private restQuery(res: ServerResponse, soql: string, version: string): void {
    this.restQueries.push(soql);
    const { rows, columns, object, aggregate } = this.select(soql);
    const records = rows.map((r) => this.restRecord(object, r, columns, version, aggregate));
    this.restPage(res, records, 0, object, version);
  }

  private restQueryMore(res: ServerResponse, locator: string, version: string): void {
    const cursor = this.restCursors.get(locator);
    if (!cursor) return this.json(res, 400, [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
    this.restPage(res, cursor.rows, cursor.offset, cursor.object, version);
  }

  private restPage(res: ServerResponse, records: Row[], offset: number, object: string, version: string): void {
    const size = this.options.restPageSize;
    const page = records.slice(offset, offset + size);
    const done = offset + size >= records.length;
    const body: Row = { totalSize: records.length, done, records: page };
    if (!done) {
      const locator = `01gSTANDIN${++this.seq}-${offset + size}`;
      this.restCursors.set(locator, { rows: records, offset: offset + size, object });
      body.nextRecordsUrl = `/services/data/v${version}/query/${locator}`;
    }
    this.json(res, 200, body);
  }

  private describe(res: ServerResponse, object: string): void {
    const schema = this.schemas.get(object);
    if (!schema)
      return this.json(res, 404, [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist` }]);
    if (!this.access.canReadObject(object)) {
      return this.json(res, 404, [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist` }]);
    }
    this.json(res, 200, {
      name: object,
      fields: [...schema.fields.entries()]
        .filter(([name]) => this.access.readable(object, name))
        .map(([name, type]) => ({ name, type, updateable: this.access.editable(object, name) })),
    });
  }

  // ---- Bulk API 2.0 query -------------------------------------------------------------------------

  private queryJob(method: string, rest: string, url: URL, body: string, res: ServerResponse, version: string): void {
    if (method === 'POST' && rest === '') {
      const params = JSON.parse(body) as { query: string; operation: string };
      const { rows, columns, aggregate } = this.select(params.query);
      if (aggregate) {
        return this.json(res, 400, [
          { errorCode: 'API_ERROR', message: 'Aggregate Relationships not supported in Bulk Query' },
        ]);
      }
      const id = `750STANDINQ${String(++this.seq).padStart(7, '0')}`;
      const job: QueryJob = {
        id,
        query: params.query,
        state: 'UploadComplete',
        polls: 0,
        rows,
        columns,
        createdDate: sfDateTime(Date.now()),
      };
      this.queryJobs.set(id, job);
      return this.json(res, 200, this.queryInfo(job, version));
    }
    const m = /^\/([^/]+)(\/results)?$/.exec(rest);
    const job = m ? this.queryJobs.get(m[1] ?? '') : undefined;
    if (!m || !job)
      return this.json(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    if (method === 'GET' && !m[2]) {
      this.advanceQuery(job);
      return this.json(res, 200, this.queryInfo(job, version));
    }
    if (method === 'PATCH') {
      job.state = 'Aborted';
      return this.json(res, 200, this.queryInfo(job, version));
    }
    if (method === 'DELETE') return this.send(res, 204, 'text/plain', '');
    if (method === 'GET' && m[2]) {
      if (job.state !== 'JobComplete') {
        return this.json(res, 400, [{ errorCode: 'INVALIDJOBSTATE', message: `job state is ${job.state}` }]);
      }
      const locator = url.searchParams.get('locator');
      const offset = locator ? Number(Buffer.from(locator, 'base64').toString('utf8')) : 0;
      const max = Number(url.searchParams.get('maxRecords') ?? Infinity);
      const size = Math.min(this.options.queryPageSize, Number.isFinite(max) && max > 0 ? max : Infinity);
      const page = job.rows.slice(offset, offset + size);
      const nextOffset = offset + page.length;
      const next = nextOffset < job.rows.length ? Buffer.from(String(nextOffset)).toString('base64') : 'null';
      const csvRows = page.map((r) => Object.fromEntries(job.columns.map((c) => [c, valueAt(r, c)])));
      return this.send(res, 200, 'text/csv', toCsv(job.columns, csvRows), {
        'Sforce-Locator': next,
        'Sforce-NumberOfRecords': String(page.length),
      });
    }
    this.json(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: method }]);
  }

  private advanceQuery(job: QueryJob): void {
    if (job.state !== 'UploadComplete' && job.state !== 'InProgress') return;
    job.polls += 1;
    job.state = 'InProgress';
    if (this.faults.neverComplete === 'query') return;
    if (job.polls < this.options.pollsUntilComplete) return;
    job.state = this.faults.queryEnds ?? 'JobComplete';
  }

  private queryInfo(job: QueryJob, version: string): Row {
    return {
      id: job.id,
      operation: 'query',
      object: 'Opportunity',
      createdDate: job.createdDate,
      state: job.state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(version),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
    };
  }

  // ---- Bulk API 2.0 ingest ------------------------------------------------------------------------

  private ingestJob(method: string, rest: string, body: string, res: ServerResponse): void {
    if (method === 'POST' && rest === '') {
      const params = JSON.parse(body) as { object: string; operation: string };
      const id = `750STANDINI${String(++this.seq).padStart(7, '0')}`;
      const job: IngestJob = {
        id,
        object: params.object,
        operation: params.operation,
        state: 'Open',
        uploads: [],
        polls: 0,
        processed: 0,
        failed: 0,
        success: [],
        failures: [],
        unprocessed: [],
        columns: [],
      };
      this.ingestJobs.set(id, job);
      return this.json(res, 200, this.ingestInfo(job));
    }
    const m = /^\/([^/]+)(?:\/(batches|successfulResults|failedResults|unprocessedrecords))?$/.exec(rest);
    const job = m ? this.ingestJobs.get(m[1] ?? '') : undefined;
    if (!m || !job)
      return this.json(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const sub = m[2];
    if (method === 'PUT' && sub === 'batches') {
      if (job.state !== 'Open') {
        return this.json(res, 409, [{ errorCode: 'INVALIDJOBSTATE', message: `Job state is ${job.state}` }]);
      }
      job.uploads.push(body);
      return this.send(res, 201, 'text/plain', '');
    }
    if (method === 'PATCH' && !sub) {
      const { state } = JSON.parse(body) as { state: string };
      if (state === 'UploadComplete' && job.state !== 'Open') {
        return this.json(res, 409, [{ errorCode: 'INVALIDJOBSTATE', message: `Job state is ${job.state}` }]);
      }
      job.state = state;
      return this.json(res, 200, this.ingestInfo(job));
    }
    if (method === 'GET' && !sub) {
      this.advanceIngest(job);
      return this.json(res, 200, this.ingestInfo(job));
    }
    if (method === 'DELETE' && !sub) return this.send(res, 204, 'text/plain', '');
    if (method === 'GET' && sub) {
      const order = <T>(rows: T[]): T[] => (this.faults.shuffleResults ? shuffled(rows) : rows);
      if (sub === 'successfulResults') {
        return this.send(res, 200, 'text/csv', toCsv(['sf__Id', 'sf__Created', ...job.columns], order(job.success)));
      }
      if (sub === 'failedResults') {
        return this.send(res, 200, 'text/csv', toCsv(['sf__Id', 'sf__Error', ...job.columns], order(job.failures)));
      }
      return this.send(res, 200, 'text/csv', toCsv(job.columns, job.unprocessed));
    }
    this.json(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: method }]);
  }

  private advanceIngest(job: IngestJob): void {
    if (job.state !== 'UploadComplete' && job.state !== 'InProgress') return;
    job.polls += 1;
    job.state = 'InProgress';
    if (this.faults.neverComplete === 'ingest') return;
    if (job.polls < this.options.pollsUntilComplete) return;
    const records = job.uploads.flatMap(
      (csv) => parseCsv(csv, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[],
    );
    job.columns = [...new Set(job.uploads.flatMap((csv) => (parseCsv(csv, { to_line: 1 }) as string[][])[0] ?? []))];
    // A column the user cannot see fails the whole job, as Bulk API 2.0 does for an unknown field.
    const hidden = job.columns.find((c) => !this.access.readable(job.object, c));
    if (hidden !== undefined) {
      job.state = 'Failed';
      job.errorMessage = `InvalidBatch : Field name not found : ${hidden}`;
      job.unprocessed.push(...records);
      return;
    }
    const end = this.faults.ingestEnds;
    const limit = end ? (end.processedBeforeEnd ?? 0) : records.length;
    records.forEach((record, index) => {
      if (index >= limit) {
        job.unprocessed.push(record);
        return;
      }
      job.processed += 1;
      const error = this.applyRow(job, record);
      if (error === null) job.success.push({ sf__Id: record.Id, sf__Created: 'false', ...record });
      else {
        job.failed += 1;
        job.failures.push({ sf__Id: record.Id ?? '', sf__Error: error, ...record });
      }
    });
    job.state = end ? end.state : 'JobComplete';
    if (end?.state === 'Failed') job.errorMessage = end.errorMessage ?? 'InvalidBatch : Failed to process query';
  }

  /** Applies one uploaded row to the org; returns the sf__Error text, or null when it succeeded. */
  private applyRow(job: IngestJob, record: Record<string, string>): string | null {
    const id = record.Id ?? '';
    const fault = this.faults.rows?.[id];
    if (fault) {
      const attempts = (this.rowAttempts.get(id) ?? 0) + 1;
      this.rowAttempts.set(id, attempts);
      if (fault.times === undefined || attempts <= fault.times) return `${fault.code}:${fault.message}:--`;
    }
    if (job.object !== 'Opportunity' || job.operation !== 'update')
      return 'INVALID_OPERATION:stand-in updates Opportunity only:--';
    const target = this.opportunity(id);
    if (!target) return 'ENTITY_IS_DELETED:entity is deleted:--';
    if (!this.access.canSeeRow('Opportunity', target) || !this.access.canEditRow('Opportunity', target))
      return 'INSUFFICIENT_ACCESS_OR_READONLY:insufficient access rights on object id:--';
    const locked = Object.keys(record).filter(
      (f) => f !== 'Id' && record[f] !== '' && !this.access.editable('Opportunity', f),
    );
    if (locked.length) {
      return `INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: ${locked.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.:${locked.join(', ')}`;
    }
    const schema = this.schemas.get('Opportunity');
    const changes: Row = {};
    for (const [field, raw] of Object.entries(record)) {
      if (field === 'Id' || raw === '') continue;
      const type = schema?.fields.get(field);
      if (type === undefined) return `INVALID_FIELD:No such column '${field}' on entity 'Opportunity':${field}`;
      if (raw === '#N/A') changes[field] = null;
      else if (type === 'number') {
        const n = Number(raw);
        if (!Number.isFinite(n)) return `INVALID_FIELD_FOR_INSERT_UPDATE:${field}: invalid number: ${raw}:${field}`;
        changes[field] = n;
      } else if (type === 'boolean') changes[field] = raw === 'true';
      else changes[field] = raw;
    }
    Object.assign(target, changes, this.stamp());
    return null;
  }

  private ingestInfo(job: IngestJob): Row {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      state: job.state,
      contentType: 'CSV',
      apiVersion: 62.0,
      numberRecordsProcessed: job.processed,
      numberRecordsFailed: job.failed,
      ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    };
  }
}
