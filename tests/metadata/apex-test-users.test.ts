// Apex tests create their users without naming a profile (profile names are translated: a lookup of
// 'Standard User' finds nothing in an org whose default language is Bahasa Indonesia), from one
// helper, and give them what they need through the Walk-Away permission sets.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_DIR, filesUnder } from './support/forceApp';

const apex = filesUnder(join(DEFAULT_DIR, 'classes'), '.cls').map((f) => ({
  name: basename(f, '.cls'),
  text: readFileSync(f, 'utf8'),
}));
const helper = apex.find((c) => c.name === 'WalkAwayTestUsers')?.text ?? '';

test('no Apex class looks a profile up by its (translated) name', () => {
  const byName = apex.filter((c) => /FROM\s+Profile\s+WHERE[\s\S]{0,200}?\bName\s*(=|IN|LIKE)/i.test(c.text));
  expect(byName.map((c) => c.name)).toEqual([]);
});

test('the test-user helper picks a profile by license and permissions, never by name', () => {
  const query = /\[\s*SELECT Id\s+FROM Profile\s+WHERE([\s\S]*?)\]/.exec(helper)?.[1] ?? '';
  expect(query).toContain("UserLicense.LicenseDefinitionKey = 'SFDC'");
  expect(query).toContain('PermissionsModifyAllData = FALSE');
  expect(query).toContain('PermissionsViewAllData = FALSE');
  expect(query).toContain('PermissionsApiUserOnly = FALSE');
  expect(query).not.toMatch(/\bName\b/);
});

test.each(['WalkAwayExceptionTest', 'WalkAwayControllerTest'])(
  '%s creates its users through WalkAwayTestUsers and assigns Walk-Away permission sets',
  (name) => {
    const text = apex.find((c) => c.name === name)?.text ?? '';
    expect(text).toContain('WalkAwayTestUsers.newUser(');
    expect(text).not.toMatch(/new User\(\s*ProfileId/);
    expect(text).toMatch(/PermissionSetAssignment\(/);
    expect(text).toMatch(/'Walk_Away_User'/);
  },
);
