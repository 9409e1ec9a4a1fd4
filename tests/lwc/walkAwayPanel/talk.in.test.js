// The new talk tracks in Bahasa Indonesia, for a user whose locale is id-ID: the walk-away posture,
// the returning-buyer script and the four things never to say, read from the rendered panel.
import { updateRecord } from 'lightning/uiRecordApi';
import { OPPORTUNITY_SCORED, mount, unmountAll, find, talkLines, withFields } from './support';

jest.mock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'id-ID' }), { virtual: true });
const at = (values) => mount({ record: withFields(OPPORTUNITY_SCORED, values) });

describe('talk tracks in Bahasa Indonesia', () => {
  beforeEach(() => updateRecord.mockResolvedValue({}));
  afterEach(unmountAll);

  it('between the floor and the threshold: the walk-away posture and the organisation’s minimum', async () => {
    const element = await at({});
    expect(find(element, 'talk-section').label).toBe('Apa yang perlu disampaikan: Bertahan di batas Anda');
    expect(talkLines(element)).toEqual([
      'Gunakan ini saat pembicaraan macet, pembeli terus menguji batas Anda, atau harga mendekati ambang batas: bersiaplah untuk mundur, dan bersungguh-sungguhlah.',
      'Sebutkan apa yang membuat Anda tetap bertahan: harga US$141.750 atau lebih, atau cakupan yang lebih kecil untuk anggaran yang ditawarkan. Sampaikan sebagai syarat, bukan ultimatum.',
      'Jadikan batas ini milik organisasi, bukan milik Anda pribadi: "US$141.750 adalah angka terendah yang diterima perusahaan kami untuk kesepakatan seperti ini. Turun di bawahnya bukan keputusan saya; itu memerlukan persetujuan VP Penjualan."',
      'Tetap santun dan biarkan pintu terbuka: bila anggaran atau cakupan berubah, Anda bersedia berbicara lagi.',
    ]);
    expect(element.shadowRoot.querySelector('.talk-avoid').textContent).toBe(
      'Jangan menyalahkan pembeli, menyodorkan harga yang dibayar pelanggan lain, memperingatkan bahwa mereka akan menyesal, atau berpamitan dengan sindiran bahwa mereka akan kesulitan tanpa Anda.',
    );
  });

  it('the buyer came back: the returning-buyer script, the new price against the earlier position', async () => {
    const element = await at({
      Walk_Away_Decision__c: 'Walked Away - Door Open',
      Walk_Away_Exit_Reason__c: 'Economics',
      Walk_Away_Reengage_Budget_Min__c: 155000,
      Walk_Away_Reengage_Budget_Max__c: 165000,
      Walk_Away_Buyer_Returned__c: true,
    });
    expect(find(element, 'talk-section').label).toBe('Apa yang perlu disampaikan: Pembeli kembali');
    expect(talkLines(element)).toEqual([
      'Ucapkan terima kasih karena mereka menghubungi lagi, lalu tanyakan apa yang kini berbeda: anggaran, prioritas, atau alternatif yang mereka pertimbangkan.',
      'Dengarkan apa yang benar-benar bergeser: dana yang kini tersedia, cakupan yang berubah, kelonggaran pada syarat, dan orang yang berwenang memutuskan.',
      'Jangan memberi konsesi apa pun dalam percakapan pertama ini dan jangan terdengar lega: kembalinya mereka membuka negosiasi baru, bukan kemenangan.',
      'Bandingkan harga baru dengan posisi saat Anda berhenti: kini US$140.000, sedangkan syarat Anda untuk kembali US$155.000 sampai US$165.000 dan ambang batas Anda US$141.750.',
      'Itu masih di bawah anggaran yang Anda tetapkan untuk kembali: tegaskan lagi syarat Anda sebelum membahas hal lain.',
    ]);
  });
});
