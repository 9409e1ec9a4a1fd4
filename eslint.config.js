// Lint presets, inherited not copied, over every JavaScript and TypeScript file of the project:
// - TypeScript (src, tests): typescript-eslint's recommended set. eslint-config-salesforce-typescript
//   (4.0.1, the newest) cannot run here: it is an eslintrc config that depends on eslint ^8.56 and
//   @typescript-eslint ^6, which do not load under eslint 9 (the LWC preset below needs eslint 9).
// - sf commands (src): eslint-plugin-sf-plugin's recommended rules, the rules plugin-data lints its
//   commands with. 1.20.33 (the newest) was written for eslint 8 (it calls context.getAncestors);
//   @eslint/compat's fixupPluginRules gives its rules that API under eslint 9.
// - Components (force-app lwc) and what runs beside them in a browser (the preview's app and
//   stubs): @salesforce/eslint-config-lwc.
// - Component tests and their mocks (tests/lwc): the LWC preset with jest's globals and rules, as
//   lwc-recipes lints its tests.
// - Node scripts (bench, scripts, bin, tests' .cjs support, config files): @eslint/js recommended
//   with Node's globals.
import { fixupPluginRules } from '@eslint/compat';
import js from '@eslint/js';
import globals from 'globals';
import jest from 'eslint-plugin-jest';
import sfPlugin from 'eslint-plugin-sf-plugin';
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc';

const LWC = ['force-app/**/lwc/**/*.js', 'scripts/preview/stubs/**/*.js'];
const LWC_TESTS = ['tests/lwc/**/*.js'];
const NODE = ['**/*.mjs', '**/*.cjs', 'bin/**/*.js', 'eslint.config.js'];
/** Plain browser scripts: the preview page's entry (it mounts the panel) and code a bench runs in the page. */
const BROWSER = ['scripts/preview/app/**/*.js', 'bench/panel.mjs'];

export default [
  {
    ignores: [
      'node_modules/**',
      'lib/**',
      'coverage/**',
      'bench/results/**',
      'bench/tmp/**',
      'tests/browser/artifacts/**',
      'force-app/main/default/lwc/walkAwayEngine/walkAwayEngine.js',
    ],
  },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts', '**/*.d.cts'] })),
  {
    files: ['src/**/*.ts'],
    plugins: { 'sf-plugin': fixupPluginRules(sfPlugin) },
    // Some of its rules read types (the messages a command loads): the type-aware parser for src.
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...sfPlugin.configs.recommended.rules,
      // score and audit give --output the character -o, which target-org also uses: the -o fix
      // belongs to issue #10 (files); turn this back on with it.
      'sf-plugin/dash-o': 'off',
    },
  },
  ...lwcConfig.configs.recommended.map((c) => ({ ...c, files: [...LWC, ...LWC_TESTS] })),
  { ...jest.configs['flat/recommended'], files: LWC_TESTS },
  {
    files: LWC_TESTS,
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      // Tests emit wire data by hand (lwc-recipes turns this off for tests too) and wait for the
      // component to re-render with a timer.
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
      '@lwc/lwc/no-async-operation': 'off',
    },
  },
  { ...js.configs.recommended, files: NODE },
  {
    files: NODE,
    languageOptions: { ecmaVersion: 'latest', globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  { ...js.configs.recommended, files: BROWSER },
  {
    files: BROWSER,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.browser } },
  },
];
