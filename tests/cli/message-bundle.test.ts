// MessageBundle (src/messageBundle.ts) reads every bundle an offline run shows exactly as
// @salesforce/core's Messages does: every key, its text with tokens, and the errors it makes.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Messages } from '@salesforce/core/messages';
import { MessageBundle } from '../../src/messageBundle';

const root = join(__dirname, '..', '..');
const sfPluginsCoreMessages = join(
  dirname(createRequire(__filename).resolve('@salesforce/sf-plugins-core/StandardColors')),
  '..',
  '..',
  'messages',
);
const TOKENS = ['first', 2, 'third', 4.5, 'fifth', 'sixth', 'seventh', 'eighth'];

const bundles: Array<[string, string, string]> = [
  ...readdirSync(join(root, 'messages'))
    .filter((f) => f.endsWith('.md'))
    .map((f): [string, string, string] => ['walk-away', join(root, 'messages'), f.slice(0, -3)]),
  ['@salesforce/sf-plugins-core', sfPluginsCoreMessages, 'messages'],
];

describe.each(bundles)('%s bundle %s/%s', (pkg, dir, bundle) => {
  Messages.importMessageFile(pkg, join(dir, `${bundle}.md`));
  const theirs = Messages.loadMessages(pkg, bundle);
  const ours = new MessageBundle(join(dir, `${bundle}.md`), bundle);
  const keys = [...(theirs as unknown as { messages: Map<string, unknown> }).messages.keys()];

  it('has keys', () => expect(keys.length).toBeGreaterThan(0));

  it.each(keys)('%s reads the same, with and without tokens', (key) => {
    expect(ours.getMessages(key, TOKENS)).toEqual(theirs.getMessages(key, TOKENS));
    expect(ours.getMessage(key, TOKENS)).toEqual(theirs.getMessage(key, TOKENS));
    expect(ours.getMessage(key)).toEqual(theirs.getMessage(key));
  });

  const errors = keys.filter((k) => k.startsWith('error.') && !k.endsWith('.actions'));
  // Not every bundle has errors (walkaway.report's are org errors from walkaway.org).
  if (errors.length)
    it.each(errors)('%s makes the same error', (key) => {
      const a = ours.createError(key, TOKENS, ['act1', 'act2'], 3);
      const b = theirs.createError(key, TOKENS, ['act1', 'act2'], 3);
      expect({ name: a.name, message: a.message, actions: a.actions, exitCode: a.exitCode }).toEqual({
        name: b.name,
        message: b.message,
        actions: b.actions,
        exitCode: b.exitCode,
      });
    });
});

it('names a missing key as Messages does', () => {
  const ours = new MessageBundle(join(root, 'messages', 'walkaway.io.md'), 'walkaway.io');
  expect(() => ours.getMessage('no.such.key')).toThrow('Missing message walkaway.io:no.such.key for locale en_US.');
});
