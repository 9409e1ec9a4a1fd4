// The panel in Bahasa Indonesia, for a user whose locale is id-ID: labels resolve to
// translations/in.translation-meta.xml (setup/labels.js picks the language from this file's name),
// money and the buyer's price are written the Indonesian way.
import { updateRecord } from 'lightning/uiRecordApi';
import {
  OPPORTUNITY_SCORED,
  mount,
  unmountAll,
  find,
  text,
  texts,
  findings,
  talkLines,
  figures,
  typePrice,
  withFields,
} from './support';

jest.mock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'id-ID' }), { virtual: true });
describe('c-walk-away-panel in Bahasa Indonesia', () => {
  afterEach(unmountAll);

  it('shows the verdict, findings, approvals and talk track in Indonesian, money in the Indonesian format', async () => {
    const element = await mount({ record: OPPORTUNITY_SCORED });
    expect(text(element, 'verdict-badge')).toBe('Perlu Persetujuan');
    expect(text(element, 'verdict-summary')).toBe(
      'Anda baru boleh melanjutkan setelah persetujuan di bawah ini diberikan.',
    );
    expect(findings(element)).toEqual([
      'Perlu persetujuan · Di bawah ambang batas: Harga US$140.000 berada US$1.750 di bawah ambang batas US$141.750. Harga ini perlu disetujui VP, disertai justifikasi tertulis.',
    ]);
    expect(texts(element, '[data-id="approvals"] li')).toEqual(['VP Penjualan untuk: Di bawah ambang batas']);
    const sections = Array.from(element.shadowRoot.querySelectorAll('lightning-accordion-section'));
    expect(sections.map((s) => s.label)).toEqual([
      'Apa yang perlu disampaikan: Bertahan di batas Anda',
      'Alternatif Anda (BATNA): Kuat',
      'Catat keputusan',
    ]);
    expect(talkLines(element)).toContain(
      'Jadikan batas ini milik organisasi, bukan milik Anda pribadi: "US$141.750 adalah angka terendah yang diterima perusahaan kami untuk kesepakatan seperti ini. Turun di bawahnya bukan keputusan saya; itu memerlukan persetujuan VP Penjualan."',
    );
    expect(find(element, 'counter-input').label).toBe('Harga yang diminta pembeli');
    await expect(element).toBeAccessible();
  });

  it('reads the buyer’s price as Indonesians write it: 130.000 and 130.000,50', async () => {
    const element = await mount({ record: withFields(OPPORTUNITY_SCORED, { CurrencyIsoCode: 'IDR' }) });
    await typePrice(element, '130.000');
    expect(figures(element)).toContain('Harga pembeli 130000');
    expect(text(element, 'counter-badge')).toBe('Perlu Persetujuan');
    await typePrice(element, 'Rp 130.000,50');
    expect(figures(element)).toContain('Harga pembeli 130000.5');
    await typePrice(element, '1e6');
    expect(text(element, 'counter-badge')).toBe('Lanjutkan');
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('says an unreadable entry in Indonesian, with an Indonesian example', async () => {
    const element = await mount({ record: OPPORTUNITY_SCORED });
    const input = find(element, 'counter-input');
    const setCustomValidity = jest.spyOn(input, 'setCustomValidity');
    await typePrice(element, 'seratus');
    expect(setCustomValidity).toHaveBeenLastCalledWith('Masukkan harga sebagai angka, misalnya 140.000,50.');
  });
});
