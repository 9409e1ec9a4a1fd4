// One jest run, one project per part of the product. Each part also runs alone:
//   npx jest --selectProjects engine
const fs = require('node:fs');
const path = require('node:path');

const tsTransform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
};
const tsProject = (name, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  roots: [`<rootDir>/tests/${name}`],
  testEnvironment: 'node',
  transform: tsTransform,
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/*.test.ts'],
  ...extra,
});

const parts = ['engine', 'cli', 'metadata', 'org', 'browser'].filter((p) =>
  fs.existsSync(path.join(__dirname, 'tests', p)),
);

module.exports = {
  projects: [...parts.map((p) => tsProject(p)), require('./tests/lwc/jest.lwc.config.cjs')],
};
