// Custom Labels resolve to their real text in tests: English by default, Bahasa Indonesia for test
// files named *.in.test.js (values read from translations/in.translation-meta.xml).
const { loadLabels } = require('../support/labels.cjs');

const testPath = expect.getState().testPath || '';
const mockLabels = loadLabels(/\.in\.test\.js$/.test(testPath) ? 'in' : 'en');
for (const mockName of Object.keys(mockLabels)) {
  jest.mock(`@salesforce/label/c.${mockName}`, () => ({ __esModule: true, default: mockLabels[mockName] }), {
    virtual: true,
  });
}
