// Inherits the Salesforce preset; Apex is formatted (and syntax-checked) by prettier-plugin-apex.
const base = require('@salesforce/prettier-config');

module.exports = {
  ...base,
  plugins: ['prettier-plugin-apex'],
  overrides: [
    ...(base.overrides ?? []),
    { files: '**/lwc/**/*.html', options: { parser: 'lwc' } },
    { files: '*.{cmp,page,component}', options: { parser: 'html' } },
  ],
};
