// The message bundle of the file readers (messages/walkaway.io.md): what a user sees when an export
// or a policy folder cannot be read. Errors carry their exit code from the one table in exitCodes.ts.
// Read by MessageBundle (as @salesforce/core's Messages reads it): an offline run starts without
// @salesforce/core's messages module and its logger.
import { fileURLToPath } from 'node:url';
import type { SfError } from '@salesforce/core/sfError';
import { EXIT } from '../exitCodes.js';
import { MessageBundle } from '../messageBundle.js';

export const ioMessages = new MessageBundle(
  fileURLToPath(new URL('../../messages/walkaway.io.md', import.meta.url)),
  'walkaway.io',
);

/** The export cannot be used: nothing is written (exit 3). */
export const fileError = (key: string, tokens: ReadonlyArray<string | number> = [], actions: string[] = []): SfError =>
  ioMessages.createError(key, [...tokens], actions, EXIT.badFile);

/** A flag's value cannot be used: nothing is read or written (exit 2). */
export const inputError = (key: string, tokens: ReadonlyArray<string | number> = []): SfError =>
  ioMessages.createError(key, [...tokens], [], EXIT.badInput);

/** The policies cannot be used: nothing is read or written (exit 2). */
export const policyError = (key: string, tokens: ReadonlyArray<string | number> = []): SfError =>
  ioMessages.createError(key, [...tokens], [], EXIT.badInput);
