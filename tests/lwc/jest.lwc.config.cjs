// sfdx-lwc-jest project: components under force-app, tests under tests/lwc.
const path = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  displayName: 'lwc',
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/tests/lwc', '<rootDir>/force-app'],
  testMatch: ['<rootDir>/tests/lwc/**/*.test.js'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
};
