// What may import what in src/ (README, "Develop and test"): the engine imports nothing but zod;
// each other folder imports only folders below it, so there is no cycle between folders.
//   engine, exitCodes.ts, messageBundle.ts  <-  io  <-  score  <-  org  <-  commands
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');

/** Layers from the bottom: a module may import its own layer and the ones before it. */
const LAYERS: readonly (readonly string[])[] = [
  ['engine', 'exitCodes.ts', 'messageBundle.ts'],
  ['io'],
  ['score'],
  ['org'],
  ['commands'],
];
const ENGINE_PACKAGES = ['zod'];

const layerOf = (unit: string): number => LAYERS.findIndex((l) => l.includes(unit));

/** `src/org/rescore.ts` -> `org`; `src/exitCodes.ts` -> `exitCodes.ts`. */
const unitOf = (file: string): string => relative(SRC, file).split('/')[0] ?? '';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file names: `import/export ... from 'x'`, `import 'x'`, `import('x')`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

const files = sources(SRC);
const edges = files.flatMap((file) =>
  importsOf(file).map((target) => ({
    file: relative(SRC, file),
    target,
    unit: target.startsWith('.') ? unitOf(resolve(dirname(file), target).replace(/\.js$/, '.ts')) : null,
  })),
);

it('every file of src belongs to a layer, and the imports between them are read', () => {
  expect(files.map(unitOf).filter((u) => layerOf(u) < 0)).toEqual([]);
  expect(edges.filter((e) => e.unit !== null && e.unit !== unitOf(join(SRC, e.file))).length).toBeGreaterThan(20);
});

it('the engine imports nothing outside src/engine but zod (no I/O, no Salesforce)', () => {
  const outside = edges.filter(
    (e) =>
      e.file.startsWith('engine/') &&
      (e.unit === null ? !ENGINE_PACKAGES.includes(e.target.split('/')[0] ?? '') : e.unit !== 'engine'),
  );
  expect(outside.map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
});

it('src imports nothing from scripts, bench, tests or force-app', () => {
  const out = edges.filter(
    (e) => e.target.startsWith('.') && relative(SRC, resolve(SRC, e.file, '..', e.target)).startsWith('..'),
  );
  expect(out.map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
});

it('each folder imports only the layers below it (no cycle between folders)', () => {
  const upward = edges.filter((e) => e.unit !== null && layerOf(e.unit) > layerOf(unitOf(join(SRC, e.file))));
  expect(upward.map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
});
