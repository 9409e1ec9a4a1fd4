// docs/cli-org.md shows org runs made against the stand-in; no org is here to run them again, so
// this checks each shown run against the code instead: the command and its flags exist
// (command-snapshot.json), every printed line is a message the command can print (messages/*.md),
// and every --json document matches the schema of the command's result (schemas/).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';

const ROOT = resolve(__dirname, '../..');
const DOC = 'docs/cli-org.md';
const doc = readFileSync(join(ROOT, DOC), 'utf8');

type Command = { command: string; flags: string[] };
const commands = JSON.parse(readFileSync(join(ROOT, 'command-snapshot.json'), 'utf8')) as Command[];

/** Every line of every message, as a pattern: `%s` and `%d` stand for any text. */
const templates = readdirSync(join(ROOT, 'messages'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => readFileSync(join(ROOT, 'messages', f), 'utf8').split('\n'))
  .map((line) => line.trim().replace(/^- /, ''))
  .filter((line) => !line.startsWith('#') && line.replace(/%[sdi]/g, '').replace(/[^A-Za-z]/g, '').length >= 3)
  .map((line) => new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%[sdi]/g, '.+')}$`));

type Run = { shown: string; verb: string; args: string[]; output: string[] };
const runs: Run[] = [...doc.matchAll(/```\n\$ \.\/bin\/run\.js (walkaway [^\n]*)\n([\s\S]*?)```/g)].map((m) => {
  const [, verb = '', ...args] = (m[1] ?? '').split(/\s+/);
  return { shown: m[1] ?? '', verb, args, output: (m[2] ?? '').split('\n') };
});

/** `walkaway score --target-org x --json` names an existing command and only its flags. */
function unknownFlags(verb: string, args: readonly string[]): string[] {
  const command = commands.find((c) => c.command === `walkaway:${verb}`);
  if (!command) return [`no command walkaway ${verb}`];
  return args.filter((a) => a.startsWith('--') && !command.flags.includes(a.slice(2)));
}

const isJson = (run: Run): boolean => run.output[0]?.startsWith('{') === true;
/** Lines a message does not produce: the doc's exit-code notes, sf's "Try this:", table rows. */
const isLayout = (line: string): boolean =>
  line === '' ||
  line.startsWith('# exit code') ||
  line === 'Try this:' ||
  /\S {2,}\S/.test(line) ||
  /^[- ]+$/.test(line);

it('shows runs of the org commands', () => {
  expect(runs.length).toBeGreaterThan(10);
});

it.each(runs.map((r) => [r.shown, r] as const))('$ %s: the command and its flags exist', (_shown, run) => {
  expect(unknownFlags(run.verb, run.args)).toEqual([]);
});

it.each(runs.filter((r) => !isJson(r)).map((r) => [r.shown, r] as const))(
  '$ %s: every line is a message the command prints',
  (_shown, run) => {
    const unknown = run.output
      .map((l) => l.trim())
      .filter((l) => !isLayout(l))
      .map((l) => l.replace(/^Error \(\w+\): /, ''))
      .filter((l) => {
        if (l.startsWith('walkaway ')) return unknownFlags(l.split(/\s+/)[1] ?? '', l.split(/\s+/).slice(2)).length > 0;
        return !templates.some((t) => t.test(l));
      });
    expect(unknown).toEqual([]);
  },
);

it.each(runs.filter(isJson).map((r) => [r.shown, r] as const))(
  '$ %s: the --json document matches the schema',
  (_shown, run) => {
    const document = JSON.parse(run.output.filter((l) => !l.startsWith('# exit code')).join('\n')) as {
      result?: unknown;
      data?: unknown;
      message?: string;
    };
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `walkaway-${run.verb}.json`), 'utf8')) as object;
    const valid = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const result = document.result ?? document.data;
    expect(result).toBeInstanceOf(Object);
    expect(valid(result) ? [] : valid.errors).toEqual([]);
    if (document.message !== undefined) expect(templates.some((t) => t.test(document.message ?? ''))).toBe(true);
  },
);
