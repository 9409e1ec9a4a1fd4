// Lint presets, inherited not copied: typescript-eslint for the engine, CLI and tests;
// @salesforce/eslint-config-lwc (eslint 9) for the components. eslint-config-salesforce-typescript
// still needs eslint 8, which cannot sit beside the eslint-9-only LWC preset, so the TypeScript
// side uses typescript-eslint's recommended set.
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc';

export default [
  {
    ignores: [
      'node_modules/**',
      'lib/**',
      'coverage/**',
      'bench/results/**',
      'tests/browser/artifacts/**',
      'force-app/main/default/lwc/walkAwayEngine/walkAwayEngine.js',
    ],
  },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })),
  ...lwcConfig.configs.recommended.map((c) => ({ ...c, files: ['force-app/**/lwc/**/*.js'] })),
];
