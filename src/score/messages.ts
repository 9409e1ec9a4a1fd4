// The one message bundle of `walkaway score` (messages/walkaway.score.md): every text a user sees.
// Read by MessageBundle (as @salesforce/core's Messages reads it): an offline run starts without
// @salesforce/core's messages module and its logger.
import { fileURLToPath } from 'node:url';
import { MessageBundle } from '../messageBundle.js';

export const messages = new MessageBundle(
  fileURLToPath(new URL('../../messages/walkaway.score.md', import.meta.url)),
  'walkaway.score',
);
