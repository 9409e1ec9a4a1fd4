// The message bundle of the file readers (messages/walkaway.io.md): what a user sees when an export
// or a policy folder cannot be read. Errors carry their exit code from the one table in exitCodes.ts.
// From @salesforce/core's entry points, not its index: an offline run starts without the org modules.
import { Messages } from '@salesforce/core/messages';
import type { SfError } from '@salesforce/core/sfError';
import { EXIT } from '../exitCodes.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
export const ioMessages = Messages.loadMessages('walk-away', 'walkaway.io');

/** The export cannot be used: nothing is written (exit 3). */
export const fileError = (key: string, tokens: ReadonlyArray<string | number> = [], actions: string[] = []): SfError =>
  ioMessages.createError(key, [...tokens], actions, EXIT.badFile);

/** A flag's value cannot be used: nothing is read or written (exit 2). */
export const inputError = (key: string, tokens: ReadonlyArray<string | number> = []): SfError =>
  ioMessages.createError(key, [...tokens], [], EXIT.badInput);

/** The policies cannot be used: nothing is read or written (exit 2). */
export const policyError = (key: string, tokens: ReadonlyArray<string | number> = []): SfError =>
  ioMessages.createError(key, [...tokens], [], EXIT.badInput);
