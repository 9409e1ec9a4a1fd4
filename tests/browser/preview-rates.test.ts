// The preview's stand-in for WalkAwayController.getPanelContext serves what Apex serves in a
// multi-currency org: the owner's amounts in the corporate currency (samples/currency-rates.csv,
// as CurrencyType) and each deal's currency with its rate. Figures computed by hand from
// samples/opportunities.csv for the quarter of 2026-11-26 (October to December 2026).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AS_OF, ROOT } from './support';

type Served = {
  alternatives: number;
  alternativesAmount: number;
  currencyIsoCode: string | null;
  dealCurrencyIsoCode: string | null;
  dealCurrencyRate: number | null;
};

/** The pipeline the preview serves for each sample, read in a child process (the loader is ESM). */
function servedPipelines(): Record<string, Served> {
  if (!existsSync(join(ROOT, 'lib/score/currencyRates.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: ROOT,
    });
  }
  const script = `
    const { loadPreviewData } = await import('./scripts/preview/data.mjs');
    const engine = await import('./force-app/main/default/lwc/walkAwayEngine/walkAwayEngine.js');
    const data = await loadPreviewData(process.cwd(), engine, ${JSON.stringify(AS_OF)});
    process.stdout.write(JSON.stringify(Object.fromEntries(data.records.map((r) => [r.flat.Id, r.pipeline]))));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, Served>;
}

let served: Record<string, Served>;
beforeAll(() => {
  served = servedPipelines();
});

it("serves a EUR deal's rate against the corporate USD, and the owner's other deals in USD", () => {
  // Contoso GmbH, EUR 90,000; rep C's other qualified deals this quarter: USD 160,000 + 98,000
  // + 150,000 + 112,000.
  expect(served['006Hs00000Wa029AAA']).toMatchObject({
    currencyIsoCode: 'USD',
    dealCurrencyIsoCode: 'EUR',
    dealCurrencyRate: 0.92,
    alternatives: 4,
    alternativesAmount: 520000,
  });
});

it('converts the EUR deal into the corporate currency when it is an alternative of a USD deal', () => {
  // For rep C's USD 112,000 deal: 160,000 + 98,000 + 150,000 + EUR 90,000 / 0.92 (97,826.09).
  expect(served['006Hs00000Wa040AAA']).toMatchObject({
    currencyIsoCode: 'USD',
    dealCurrencyIsoCode: 'USD',
    dealCurrencyRate: 1,
    alternatives: 4,
    alternativesAmount: 505826.09,
  });
});
