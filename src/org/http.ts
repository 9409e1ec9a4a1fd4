// The one way the org modules talk HTTP: through jsforce's HttpApi on the org's Connection, so the
// session (Authorization header), token refresh on 401 and jsforce's retries of GET requests
// apply. Returns the raw text and the response headers (Bulk API 2.0 pages are chained by the
// Sforce-Locator header). Errors come back as ApiError with the org's errorCode.
import { HttpApi } from '@jsforce/jsforce-node/lib/http-api.js';
import type { Connection } from '@salesforce/core';
import { ApiError } from './errors.js';

export type Call = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below /services/data/vXX.X/, e.g. `jobs/ingest`; or an absolute /services/ path. */
  readonly path: string;
  readonly body?: string;
  readonly contentType?: string;
  readonly accept?: string;
  /** false: no automatic retry by jsforce (uploads: a stream body cannot be sent twice). */
  readonly retry?: boolean;
};

export type Reply = { readonly text: string; readonly headers: Readonly<Record<string, string>> };

export function urlOf(conn: Connection, path: string): string {
  if (path.startsWith('/services/')) return `${conn.instanceUrl}${path}`;
  return `${conn.instanceUrl}/services/data/v${conn.getApiVersion()}/${path}`;
}

function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as { errorCode?: string; name?: string; message?: string; code?: string };
  const raw = e.message ?? String(error);
  const status = /^ERROR_HTTP_(\d+)$/.exec(e.errorCode ?? '')?.[1];
  if (status !== undefined) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      const first = (Array.isArray(parsed) ? parsed[0] : parsed) as
        { errorCode?: string; message?: string } | undefined;
      if (first?.errorCode) return new ApiError(first.errorCode, first.message ?? first.errorCode, Number(status));
    } catch {
      // not JSON: an HTML error page (503 from a proxy) or plain text
    }
    return new ApiError(`HTTP_${status}`, `HTTP ${status}`, Number(status));
  }
  if (e.code || e.name === 'FetchError') return new ApiError('CONNECTION_FAILED', raw.replace(/\s+https?:\S+/g, ''));
  return new ApiError(e.errorCode ?? e.name ?? 'ERROR', raw);
}

export async function call(conn: Connection, c: Call): Promise<Reply> {
  const options: Record<string, unknown> = { responseType: 'text/plain' };
  if (c.retry === false) options.retry = { maxRetries: 0 };
  const api = new HttpApi(conn as never, options as never);
  let headers: Record<string, string> = {};
  api.on('response', (response: { headers?: Record<string, string> }) => {
    headers = response.headers ?? {};
  });
  const requestHeaders: Record<string, string> = {};
  if (c.contentType) requestHeaders['Content-Type'] = c.contentType;
  if (c.accept) requestHeaders.Accept = c.accept;
  try {
    const text = (await api.request({
      method: c.method,
      url: urlOf(conn, c.path),
      body: c.body,
      headers: requestHeaders,
    } as never)) as unknown;
    return { text: typeof text === 'string' ? text : text === undefined ? '' : JSON.stringify(text), headers };
  } catch (error) {
    throw apiErrorOf(error);
  }
}

export async function callJson<T>(conn: Connection, c: Call): Promise<T> {
  const reply = await call(conn, { accept: 'application/json', ...c });
  return (reply.text === '' ? {} : JSON.parse(reply.text)) as T;
}

/** Transient failures worth one more try of a request jsforce does not retry itself (POST, PATCH). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.errorCode === 'CONNECTION_FAILED' || (error.status !== null && [500, 502, 503, 504].includes(error.status)))
  );
}

/** How retries wait: exponential steps from `baseMs`, at most `maxMs`, each with random jitter. */
export type Backoff = {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
};

/** 1 s, 2 s, 4 s... (at most 30 s); WALKAWAY_RETRY_BASE_MS lowers the step for tests against a local stand-in. */
export function defaultBackoff(): Backoff {
  const fromEnv = Number(process.env.WALKAWAY_RETRY_BASE_MS);
  return {
    baseMs: Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : 1000,
    maxMs: 30_000,
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/**
 * The wait before retry number `retry` (1 for the first): the step doubles each time, and a random
 * share of it (between half and all of it) spreads the clients that failed together.
 */
export function retryDelayMs(retry: number, b: Pick<Backoff, 'baseMs' | 'maxMs' | 'random'>): number {
  const step = Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + (b.random() * step) / 2);
}

/** Runs `fn` up to `attempts` times while it fails transiently, backing off with jitter between tries. */
export async function withRetries<T>(
  attempts: number,
  fn: () => Promise<T>,
  backoff: Backoff = defaultBackoff(),
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await backoff.sleep(retryDelayMs(i, backoff));
    try {
      return await fn();
    } catch (error) {
      last = error;
      if (!isTransient(error)) throw error;
    }
  }
  throw last;
}
