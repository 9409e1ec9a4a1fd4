// The one message bundle of `walkaway score` (messages/walkaway.score.md): every text a user sees.
import { Messages } from '@salesforce/core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
export const messages = Messages.loadMessages('walk-away', 'walkaway.score');
