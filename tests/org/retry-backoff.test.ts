// POST and PATCH (which jsforce never retries) are retried by the org modules with exponential
// backoff and jitter, so that clients that failed together do not come back together.
import { ApiError } from '../../src/org/errors';
import { retryDelayMs, withRetries, type Backoff } from '../../src/org/http';

const outage = (): ApiError => new ApiError('HTTP_503', 'HTTP 503', 503);

function recorder(randoms: number[]): Backoff & { waits: number[] } {
  const waits: number[] = [];
  let i = 0;
  return {
    baseMs: 1000,
    maxMs: 30_000,
    random: () => randoms[i++ % randoms.length] ?? 0,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    waits,
  };
}

test('each retry waits between half and all of a step that doubles, capped', () => {
  const low = { baseMs: 1000, maxMs: 30_000, random: () => 0 };
  const high = { ...low, random: () => 0.999999 };
  expect([1, 2, 3, 4].map((n) => retryDelayMs(n, low))).toEqual([500, 1000, 2000, 4000]);
  expect([1, 2, 3, 4].map((n) => retryDelayMs(n, high))).toEqual([1000, 2000, 4000, 8000]);
  expect(retryDelayMs(10, high)).toBe(30_000);
});

test('a transient failure is retried after a jittered wait; no wait before the first try', async () => {
  const backoff = recorder([0.5, 0.1]);
  let calls = 0;
  const value = await withRetries(
    3,
    () => {
      calls += 1;
      return calls < 3 ? Promise.reject(outage()) : Promise.resolve('created');
    },
    backoff,
  );
  expect(value).toBe('created');
  expect(calls).toBe(3);
  expect(backoff.waits).toEqual([750, 1100]);
});

test('two clients failing together wait different times', async () => {
  const a = recorder([0.1]);
  const b = recorder([0.9]);
  await expect(withRetries(2, () => Promise.reject(outage()), a)).rejects.toThrow('HTTP 503');
  await expect(withRetries(2, () => Promise.reject(outage()), b)).rejects.toThrow('HTTP 503');
  expect(a.waits).toEqual([550]);
  expect(b.waits).toEqual([950]);
});

test('a refusal that is not transient (REQUEST_LIMIT_EXCEEDED) is not retried and not waited for', async () => {
  const backoff = recorder([0.5]);
  let calls = 0;
  await expect(
    withRetries(
      3,
      () => {
        calls += 1;
        return Promise.reject(new ApiError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', 403));
      },
      backoff,
    ),
  ).rejects.toThrow('TotalRequests Limit exceeded.');
  expect(calls).toBe(1);
  expect(backoff.waits).toEqual([]);
});
