// sfdx-lwc-jest project: components under force-app, tests under tests/lwc.
// LDS adapters and the panel's Apex wire are mocked once, here (jest-mocks/), other Apex per test; Custom Labels resolve to their
// real English text, or Bahasa Indonesia in *.in.test.js (setup/labels.js).
const path = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  displayName: 'lwc',
  // Two shared cores: a cold first mount (babel transform of the engine bundle) can take seconds.
  testTimeout: 20_000,
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/tests/lwc', '<rootDir>/force-app'],
  testMatch: ['<rootDir>/tests/lwc/**/*.test.js'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
  moduleNameMapper: {
    '^lightning/uiRecordApi$': '<rootDir>/tests/lwc/jest-mocks/lightning/uiRecordApi.js',
    '^lightning/uiObjectInfoApi$': '<rootDir>/tests/lwc/jest-mocks/lightning/uiObjectInfoApi.js',
    '^@salesforce/apex/WalkAwayController.getPanelContext$': '<rootDir>/tests/lwc/jest-mocks/apex/getPanelContext.js',
  },
  setupFilesAfterEnv: [
    ...(jestConfig.setupFilesAfterEnv || []),
    '<rootDir>/tests/lwc/setup/labels.js',
    '<rootDir>/tests/lwc/setup/accessibility.js',
  ],
};
