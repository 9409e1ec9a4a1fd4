// npm run preview — the Walk-Away panel in a browser, without an org.
//   node scripts/preview.mjs [--port 4173] [--as-of YYYY-MM-DD]
// Serves on 127.0.0.1 only. Sample opportunities come from samples/opportunities.csv, policies from
// force-app/main/default/customMetadata, labels from the Custom Labels and their translation
// (?lang=in). Edits the panel makes live in the page until it is reloaded.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPreviewApp } from './preview/build.mjs';
import { loadPreviewData } from './preview/data.mjs';
import { loadLabels } from './preview/labels.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const SLDS_DIR = join(root, 'node_modules/@salesforce-ux/design-system/assets');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const TYPES = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
};

/** JSON that is safe inside a <script> element. */
const scriptJson = (value) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');

export async function startPreview({ port = 4173, asOf = localToday() } = {}) {
  const engine = await import(pathToFileURL(join(root, 'force-app/main/default/lwc/walkAwayEngine/walkAwayEngine.js')));
  const data = await loadPreviewData(root, engine, asOf);
  const labels = { en: await loadLabels(root, 'en'), in: await loadLabels(root, 'in') };
  const app = await buildPreviewApp(root);
  const template = readFileSync(join(root, 'scripts/preview/index.html'), 'utf8');
  const css = readFileSync(join(root, 'scripts/preview/preview.css'), 'utf8');
  const slds = existsSync(SLDS_DIR);
  const styles = slds
    ? '<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css" />'
    : '<link rel="stylesheet" href="/slds-minimal.css" />';

  const page = (lang) =>
    template
      .replace('__LANG__', lang === 'in' ? 'id' : 'en')
      .replace('__STYLES__', styles)
      .replace(
        '__DATA__',
        scriptJson({
          ...data,
          picklists: data.picklists[lang],
          labels: labels[lang],
          locale: lang === 'in' ? 'id-ID' : 'en-US',
          slds,
        }),
      );

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${HOST}`);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return send(200, 'text/html; charset=utf-8', page(url.searchParams.get('lang') === 'in' ? 'in' : 'en'));
      }
      const chunk = app.chunks.get(url.pathname.slice(1));
      if (chunk !== undefined) return send(200, TYPES['.js'], chunk);
      if (url.pathname === '/preview.css') return send(200, TYPES['.css'], css);
      if (url.pathname === '/slds-minimal.css') {
        return send(200, TYPES['.css'], await readFile(join(root, 'scripts/preview/slds-minimal.css')));
      }
      if (slds && url.pathname.startsWith('/slds/')) {
        const file = normalize(join(SLDS_DIR, url.pathname.slice('/slds/'.length)));
        if (file.startsWith(SLDS_DIR + sep) && existsSync(file)) {
          return send(200, TYPES[extname(file)] || 'application/octet-stream', await readFile(file));
        }
      }
      if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
      return send(404, 'text/plain; charset=utf-8', 'Not found');
    } catch (error) {
      return send(500, 'text/plain; charset=utf-8', String(error && error.stack));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  const address = server.address();
  return { server, url: `http://${HOST}:${address.port}/`, data, slds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { url, data, slds } = await startPreview({
    port: Number(option('port', '4173')),
    asOf: option('as-of', localToday()),
  });
  process.stdout.write(
    `Walk-Away preview: ${url}\n  ${data.records.length} opportunities from ${data.source}, ${data.policies.length} active policies, as of ${data.asOf}\n` +
      (slds
        ? '  SLDS styles from @salesforce-ux/design-system\n'
        : '  SLDS package not installed: minimal stand-in styles (see scripts/preview/slds-minimal.css)\n') +
      '  ?lang=in for Bahasa Indonesia, ?readonly=1 for a read-only user. Ctrl+C stops.\n',
  );
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
