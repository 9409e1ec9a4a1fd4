// One jest run, one project per part of the product. Each part also runs alone:
//   npx jest --selectProjects engine
const tsTransform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', isolatedModules: true }]
};
const tsProject = (name, extra = {}) => ({
  displayName: name,
  rootDir: __dirname,
  roots: [`<rootDir>/tests/${name}`],
  testEnvironment: 'node',
  transform: tsTransform,
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/*.test.ts'],
  ...extra
});

module.exports = {
  projects: [
    tsProject('engine'),
    tsProject('cli'),
    tsProject('metadata'),
    tsProject('org'),
    tsProject('browser'),
    require('./tests/lwc/jest.lwc.config.cjs')
  ]
};
