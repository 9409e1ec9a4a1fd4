// When `walkaway score --file` reads a file in two processes (src/score/split): the size from which
// it pays, and the switches that turn it off or change that size.
import { availableParallelism } from 'node:os';

/** Below this size one process is faster: a second one takes about half a second to start. */
export const SPLIT_MIN_BYTES = 32 * 1024 * 1024;

export type SplitOptions = {
  /** Files of at least this many bytes are read by two processes. */
  readonly minBytes: number;
};

/**
 * Two processes for a large export: WALKAWAY_SPLIT=0 turns them off, WALKAWAY_SPLIT_MIN_BYTES sets
 * the size from which they are used (32 MB).
 */
export function splitOptions(env: NodeJS.ProcessEnv): SplitOptions | undefined {
  if (env.WALKAWAY_SPLIT === '0') return undefined;
  // Blank or not a number of bytes: the default.
  const given = env.WALKAWAY_SPLIT_MIN_BYTES?.trim() ?? '';
  const min = /^\d+$/.test(given) ? Number(given) : SPLIT_MIN_BYTES;
  return { minBytes: min };
}

/**
 * Whether a run may be split at all, whatever its size: two processes not turned off (`split`), the
 * byte reader not turned off (test-only WALKAWAY_TEST_READER=csv), no --locale (its cells are read
 * by the CSV reader).
 */
export function splitAllowed(
  split: SplitOptions | undefined,
  testReader: string | undefined,
  locale: boolean,
): split is SplitOptions {
  return split !== undefined && testReader !== 'csv' && !locale;
}

/** Why one process reads a file of `size` bytes, or null when two do. */
export function splitRefused(size: number, options: SplitOptions): string | null {
  if (size < options.minBytes) return 'small';
  if (availableParallelism() < 2) return 'one-core';
  return null;
}
