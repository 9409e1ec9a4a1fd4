// The one message bundle of `walkaway score` (messages/walkaway.score.md): every text a user sees.
// From the `messages` entry of @salesforce/core, not its index: offline runs start without loading
// the org modules (the class is the same one the index exports).
import { Messages } from '@salesforce/core/messages';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
export const messages = Messages.loadMessages('walk-away', 'walkaway.score');
