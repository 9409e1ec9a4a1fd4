// Every Apex class parses and has its -meta.xml (the converter silently drops a class without
// one), and every XML file in force-app is well-formed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { FORCE_APP, ROOT, filesUnder } from './support/forceApp';

const apexFiles = [...filesUnder(FORCE_APP, '.cls'), ...filesUnder(FORCE_APP, '.trigger')];
const xmlFiles = filesUnder(FORCE_APP, '.xml');

/**
 * Parses each source with prettier-plugin-apex's native parser. prettier 3 and the plugin are ESM
 * only, which jest's CommonJS runtime cannot import, so they run in a child node process.
 * Returns the first line of the parse error per name, null when it parsed.
 */
function parseApex(sources: Record<string, string>): Record<string, string | null> {
  const script = `
    import * as prettier from 'prettier';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const errors = {};
    for (const [name, text] of Object.entries(JSON.parse(input))) {
      try {
        await prettier.format(text, { parser: 'apex', plugins: ['prettier-plugin-apex'] });
        errors[name] = null;
      } catch (e) {
        errors[name] = String(e.message).split('\\n')[0];
      }
    }
    process.stdout.write(JSON.stringify(errors));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    input: JSON.stringify(sources),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

let parseErrors: Record<string, string | null>;
beforeAll(() => {
  parseErrors = parseApex({
    ...Object.fromEntries(apexFiles.map((f) => [basename(f), readFileSync(f, 'utf8')])),
    'Broken.cls': 'public class Broken { void m( { }',
  });
}, 60_000);

test('the controller and its test class are there', () => {
  expect(apexFiles.map((f) => basename(f))).toEqual(
    expect.arrayContaining(['WalkAwayController.cls', 'WalkAwayControllerTest.cls']),
  );
});

test.each(apexFiles.map((f) => [basename(f)]))('%s parses as Apex', (name) => {
  expect(parseErrors[name]).toBeNull();
});

test('a broken class is caught by the Apex parser', () => {
  expect(parseErrors['Broken.cls']).toEqual(expect.any(String));
});

test.each(apexFiles.map((f) => [basename(f), f]))('%s has its -meta.xml at API 62.0', (_name, file) => {
  const meta = `${file}-meta.xml`;
  expect(existsSync(meta)).toBe(true);
  expect(readFileSync(meta, 'utf8')).toContain('<apiVersion>62.0</apiVersion>');
});

test('every XML file in force-app is well-formed', () => {
  const broken = xmlFiles
    .map((file) => ({ file: relative(FORCE_APP, file), result: XMLValidator.validate(readFileSync(file, 'utf8')) }))
    .filter((r) => r.result !== true);
  expect(broken).toEqual([]);
  expect(xmlFiles.length).toBeGreaterThan(50);
});
