// Compiles the panel for a browser without an org: LWC OSS (rollup + @lwc/rollup-plugin), the real
// lightning-* base components from the lightning-base-components package, and local stand-ins for
// the platform modules (lightning/uiRecordApi, lightning/uiObjectInfoApi, @salesforce/apex,
// @salesforce/schema, @salesforce/label, @salesforce/i18n locale and currency).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const VIRTUAL = '\0walkaway:';

/**
 * Feature gates of lightning-base-components that must stay closed in the preview. The package
 * opens every gate (external/gateStub.js); this one makes lightning-combobox call
 * attachInternals(), which synthetic shadow refuses ("attachInternals API is not supported in
 * synthetic shadow"), so choosing a walk-away (which shows the exit-reason combobox) threw.
 * The org runs the combobox with native shadow or with this gate as its release decides.
 */
export const CLOSED_GATES = ['@salesforce/gate/bc.260.enableComboboxElementInternals'];

/** Resolves the platform's scoped modules to the preview's stand-ins. */
function platformStandIns(root) {
  const stubs = join(root, 'scripts/preview/stubs');
  return {
    name: 'walkaway-platform-stand-ins',
    resolveId(source) {
      if (CLOSED_GATES.includes(source)) return `${VIRTUAL}closedGate`;
      if (source === 'lightning/uiRecordApi') return join(stubs, 'uiRecordApi.js');
      if (source === 'lightning/uiObjectInfoApi') return join(stubs, 'uiObjectInfoApi.js');
      if (source === '@salesforce/apex/WalkAwayController.getPanelContext') return join(stubs, 'getPanelContext.js');
      if (source.startsWith('@salesforce/apex/WalkAwayExceptionController.'))
        return `${VIRTUAL}exception:${source.slice('@salesforce/apex/WalkAwayExceptionController.'.length)}`;
      if (source.startsWith('@salesforce/apex/')) return `${VIRTUAL}apex:${source.slice('@salesforce/apex/'.length)}`;
      if (source.startsWith('@salesforce/schema/'))
        return `${VIRTUAL}schema:${source.slice('@salesforce/schema/'.length)}`;
      if (source.startsWith('@salesforce/label/c.'))
        return `${VIRTUAL}label:${source.slice('@salesforce/label/c.'.length)}`;
      // The panel shows utility icons only (help text, combobox); the other icon sets would triple
      // the build time, so they are left empty.
      if (/^lightning\/iconSvgTemplates(?!Utility$)/.test(source)) return `${VIRTUAL}empty`;
      if (source === '@salesforce/i18n/locale') return `${VIRTUAL}locale`;
      if (source === '@salesforce/i18n/currency') return `${VIRTUAL}currency`;
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const [kind, ...rest] = id.slice(VIRTUAL.length).split(':');
      const name = rest.join(':');
      switch (kind) {
        case 'schema': {
          const [objectApiName, ...field] = name.split('.');
          const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
          return `export default ${JSON.stringify(value)};`;
        }
        case 'label':
          return `const labels = globalThis.__WALKAWAY_LABELS__ || {};\nexport default labels[${JSON.stringify(name)}] ?? ${JSON.stringify(`c.${name}`)};`;
        case 'locale':
          return `export default globalThis.__WALKAWAY_LOCALE__ || 'en-US';`;
        case 'empty':
          return 'export default {};';
        case 'closedGate':
          return 'export default { isOpen: () => false };';
        case 'currency':
          return `export default 'USD';`;
        case 'exception':
          return `export { ${name} as default } from ${JSON.stringify(join(root, 'scripts/preview/stubs/exceptions.js'))};`;
        case 'apex':
          return `export default function apex() { return Promise.reject(new Error(${JSON.stringify(`${name} has no preview stand-in`)})); }`;
        default:
          return null;
      }
    },
  };
}

/** Module records for every component of force-app (namespace c). */
function forceAppModules(root) {
  const dir = join(root, 'force-app/main/default/lwc');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `c/${d.name}`, path: join(dir, d.name, `${d.name}.js`) }));
}

/** Builds the page script: { entry: code of app.js, chunks: Map(fileName -> code) }. */
export async function buildPreviewApp(root) {
  const bundle = await rollup({
    input: join(root, 'scripts/preview/app/main.js'),
    plugins: [
      platformStandIns(root),
      replace({
        preventAssignment: true,
        values: { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': JSON.stringify('production') },
      }),
      lwc({
        rootDir: root,
        modules: [...forceAppModules(root), { npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
      }),
      nodeResolve({ browser: true }),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  const { output } = await bundle.generate({
    format: 'esm',
    entryFileNames: 'app.js',
    chunkFileNames: 'chunk-[hash].js',
  });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o.code]));
  return { entry: chunks.get('app.js'), chunks };
}
