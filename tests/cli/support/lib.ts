// A module of the built plugin (lib/, ES modules: `npm run build` first) loaded by Node's own loader,
// as bin/run.js loads it: for the modules jest's CommonJS sandbox cannot load (import.meta).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..', '..');

type NodeModule = typeof import('node:module');
const nodeRequire = (process as unknown as { getBuiltinModule(id: 'node:module'): NodeModule })
  .getBuiltinModule('node:module')
  .createRequire(join(ROOT, 'package.json'));
const nativeImport = nodeRequire(join(__dirname, 'native-import.cjs')) as (url: string) => Promise<unknown>;

/** lib/<path> (e.g. `score/pipeline.js`), as typed by the caller (`typeof import('../../../src/...')`). */
export const fromLib = <T>(path: string): Promise<T> =>
  nativeImport(pathToFileURL(join(ROOT, 'lib', path)).href) as Promise<T>;
