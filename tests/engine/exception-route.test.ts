// Which findings allow an exception and who approves it (domain.md section 8).
import { exceptionRoute } from '../../src/engine/exceptionRoute';

test('below the threshold: the VP approves an exception covering BELOW_THRESHOLD', () => {
  expect(exceptionRoute(['BELOW_THRESHOLD', 'WEAK_BATNA'])).toEqual({
    allowed: true,
    covered: ['BELOW_THRESHOLD'],
    approvers: ['VP'],
    refusedBy: null,
  });
});

test('a non-negotiable term: Legal, then C-Level; with a misfit, Strategic Review as well', () => {
  expect(exceptionRoute(['INDUSTRY_MISFIT', 'UNLIMITED_LIABILITY'])).toEqual({
    allowed: true,
    covered: ['UNLIMITED_LIABILITY', 'INDUSTRY_MISFIT'],
    approvers: ['Legal', 'C-Level', 'Strategic Review'],
    refusedBy: null,
  });
});

test('below the floor there is no exception, whatever else the deal has', () => {
  const route = exceptionRoute(['BELOW_FLOOR', 'UNLIMITED_LIABILITY']);
  expect([route.allowed, route.refusedBy]).toEqual([false, 'BELOW_FLOOR']);
});

test('nothing to approve (advisory, missing data, unknown codes): no exception', () => {
  expect(exceptionRoute(['WEAK_BATNA', 'MISSING_COST', 'NOT_A_CODE'])).toEqual({
    allowed: false,
    covered: [],
    approvers: [],
    refusedBy: null,
  });
  expect(exceptionRoute([]).allowed).toBe(false);
});
