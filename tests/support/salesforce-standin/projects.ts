// Project folders that differ from this one, for the stand-in's schema and permissions.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT } from './cli';

/** A project whose Walk_Away_Integration permission set predates the exception object. */
export function projectWithoutExceptionAccess(): string {
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-project-'));
  const main = join(dir, 'force-app', 'main', 'default');
  mkdirSync(join(main, 'permissionsets'), { recursive: true });
  symlinkSync(join(PROJECT, 'force-app', 'main', 'default', 'objects'), join(main, 'objects'));
  const name = 'Walk_Away_Integration.permissionset-meta.xml';
  const xml = readFileSync(join(PROJECT, 'force-app', 'main', 'default', 'permissionsets', name), 'utf8')
    .replace(
      / *<objectPermissions>(?:(?!<\/objectPermissions>)[\s\S])*?Walk_Away_Exception__c[\s\S]*?<\/objectPermissions>\n/,
      '',
    )
    .replace(
      / *<fieldPermissions>\s*<editable>false<\/editable>\s*<field>Walk_Away_Exception__c\.[\s\S]*?<\/fieldPermissions>\n/g,
      '',
    );
  if (xml.includes('Walk_Away_Exception__c')) throw new Error('Walk_Away_Exception__c is still granted');
  writeFileSync(join(main, 'permissionsets', name), xml);
  return dir;
}
