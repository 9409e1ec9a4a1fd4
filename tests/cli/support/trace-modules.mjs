// Preloaded into a command under test (`node --import <this> bin/run.js ...`): on exit, writes every
// module file the process loaded (ES modules through a resolve hook, CommonJS through the loader)
// to $TRACE_MODULES_FILE, one path a line.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.TRACE_MODULES_FILE;
if (out) {
  const Module = createRequire(import.meta.url)('node:module');
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    appendFileSync(out, `${filename}\n`);
    return compile.call(this, content, filename);
  };
  const hooks = `
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const r = await next(specifier, context);
      if (r.url.startsWith('file:')) appendFileSync(${JSON.stringify(out)}, new URL(r.url).pathname + '\\n');
      return r;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
