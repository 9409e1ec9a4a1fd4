// A message bundle (messages/<bundle>.md) read exactly as @salesforce/core's Messages reads a
// markdown bundle, for the modules an offline run loads: importing @salesforce/core/messages brings
// its logger (pino, a virtual file system: some 100 modules, a fifth of an offline run's start-up).
// Org-mode modules keep using Messages itself; tests/cli/message-bundle.test.ts checks that every
// key of every bundle reads the same both ways.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EOL } from 'node:os';
import { format } from 'node:util';
import type { SfError } from '@salesforce/core/sfError';

type SfErrorClass = typeof SfError;
let sfErrorClass: SfErrorClass | undefined;
/**
 * @salesforce/core's SfError, loaded the first time an error is made (it brings @salesforce/ts-types,
 * 21 modules, which a run without an error does not need): the class `import` gives, resolved from
 * the bundle's own package (`from`: its markdown file).
 */
const sfError = (from: string): SfErrorClass =>
  (sfErrorClass ??= (createRequire(from)('@salesforce/core/sfError') as { SfError: SfErrorClass }).SfError);

type Value = string | string[];

const NO_CONTENT = /^\s*$/;
const SECTION = /^#\s*/gm;
const LIST_ROW = /^[*-]\s+|^ {2}/;
const LIST_ITEM = /^[*-]\s+/gm;
const SPECIFIER = /%[sdifjoO]/gm;

/** The keys of a markdown bundle: `# key` then its text, or a list of texts when every line is an item. */
function readBundle(file: string): Map<string, Value> {
  const map = new Map<string, Value>();
  const hasContent = (s: string): boolean => !NO_CONTENT.test(s);
  for (const section of readFileSync(file, 'utf8').split(SECTION).filter(hasContent)) {
    const lines = section.split('\n');
    const first = lines.shift();
    const rest = lines.join('\n').trim();
    if (!first || rest.length === 0) {
      throw new Error(
        `Invalid markdown message file: ${file}\nThe line "# <key>" must be immediately followed by the message on a new line.`,
      );
    }
    const nonEmpty = lines.filter((line) => !!line.trim());
    map.set(
      first.trim(),
      nonEmpty.every((line) => LIST_ROW.test(line))
        ? rest
            .split(LIST_ITEM)
            .filter(hasContent)
            .map((item) =>
              item
                .split('\n')
                .filter((line) => !!line.trim())
                .map((line) => line.trim())
                .join('\n'),
            )
        : rest,
    );
  }
  return map;
}

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export class MessageBundle {
  private map: Map<string, Value> | null = null;

  /** `file`: the bundle's markdown file; `bundle`: its name, as errors about it say. */
  public constructor(
    private readonly file: string,
    private readonly bundle: string,
  ) {}

  /** The message, its specifiers filled from `tokens` in order; list items on lines of their own. */
  public getMessage(key: string, tokens: ReadonlyArray<string | number | boolean> = []): string {
    return this.getMessages(key, tokens).join(EOL);
  }

  /** Each item of a list message (or the one message), tokens used in order across the items. */
  public getMessages(key: string, tokens: ReadonlyArray<string | number | boolean> = []): string[] {
    const value = (this.map ??= readBundle(this.file)).get(key);
    if (!value)
      throw new (sfError(this.file))(`Missing message ${this.bundle}:${key} for locale en_US.`, 'MissingMessageError');
    let used = 0;
    return (Array.isArray(value) ? value : [value]).map((text) => {
      const count = (text.match(SPECIFIER) ?? []).length;
      if (count === 0) return text;
      const mine = tokens.slice(used, used + count);
      used += count;
      return format(text, ...mine);
    });
  }

  /** An SfError named from the key (`error.BadAsOf` -> `BadAsOfError`), with `<key>.actions` when there are some. */
  public createError(
    key: string,
    tokens: ReadonlyArray<string | number | boolean> = [],
    actionTokens: ReadonlyArray<string | number | boolean> = [],
    exitCode?: number,
  ): SfError {
    const name = `${upperFirst(key.replace(/^error.*\./, ''))}${/Error$/.test(key) ? '' : 'Error'}`;
    const message = this.getMessage(key, tokens);
    let actions: string[] | undefined;
    try {
      actions = this.getMessages(`${key}.actions`, actionTokens);
    } catch {
      actions = undefined;
    }
    return new (sfError(this.file))(message, name, actions, exitCode);
  }
}
