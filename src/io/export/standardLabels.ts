// The labels a report "Details Only" export heads standard columns with, in English and in Bahasa
// Indonesia (the platform's own labels; they are not in this project's metadata, so they live here).
// Account fields appear bare in the Opportunities report type and as "Account: <label>" in a report
// type that reaches them through the lookup. The custom fields' labels come from the metadata itself
// (reportLabels.generated.ts).

/** Labels by the API name they stand for; matched ignoring case and surrounding spaces. */
export const STANDARD_LABELS: Readonly<Record<string, readonly string[]>> = {
  Id: ['Opportunity ID', 'ID Peluang'],
  Name: ['Opportunity Name', 'Nama Peluang'],
  Amount: ['Amount', 'Jumlah'],
  CurrencyIsoCode: ['Opportunity Currency', 'Mata Uang Peluang'],
  StageName: ['Stage', 'Tahap'],
  CloseDate: ['Close Date', 'Tanggal Tutup'],
  Probability: ['Probability (%)', 'Probabilitas (%)'],
  OwnerId: ['Opportunity Owner', 'Pemilik Peluang'],
  IsClosed: ['Closed', 'Ditutup'],
  IsWon: ['Won', 'Dimenangkan'],
  'Account.Industry': ['Industry', 'Account: Industry', 'Industri', 'Akun: Industri'],
  'Account.AnnualRevenue': [
    'Annual Revenue',
    'Account: Annual Revenue',
    'Pendapatan Tahunan',
    'Akun: Pendapatan Tahunan',
  ],
  'Account.BillingCountry': [
    'Billing Country',
    'Account: Billing Country',
    'Negara Penagihan',
    'Akun: Negara Penagihan',
  ],
};

/**
 * The standard currency columns' English labels: in a multi-currency org a report export writes a
 * "<label> Currency" column beside each (Salesforce help article 000382314: "Amount Currency").
 */
export const STANDARD_CURRENCY_LABELS: readonly string[] = ['Amount', 'Annual Revenue', 'Account: Annual Revenue'];

/**
 * The standard Industry picklist (Account.Industry) in Bahasa Indonesia: label -> API value. A report
 * exported by a user whose language is Bahasa Indonesia writes these labels; policies name the API
 * values (Focus_Industries__c). English labels are the values themselves.
 */
export const INDUSTRY_LABELS_IN: Readonly<Record<string, string>> = {
  Pertanian: 'Agriculture',
  Pakaian: 'Apparel',
  Perbankan: 'Banking',
  Bioteknologi: 'Biotechnology',
  Kimia: 'Chemicals',
  Komunikasi: 'Communications',
  Konstruksi: 'Construction',
  Konsultasi: 'Consulting',
  Pendidikan: 'Education',
  Elektronik: 'Electronics',
  Energi: 'Energy',
  Teknik: 'Engineering',
  Hiburan: 'Entertainment',
  Lingkungan: 'Environmental',
  Keuangan: 'Finance',
  'Makanan & Minuman': 'Food & Beverage',
  Pemerintah: 'Government',
  'Layanan Kesehatan': 'Healthcare',
  Perhotelan: 'Hospitality',
  Asuransi: 'Insurance',
  Mesin: 'Machinery',
  Manufaktur: 'Manufacturing',
  Media: 'Media',
  Nirlaba: 'Not For Profit',
  Lainnya: 'Other',
  Rekreasi: 'Recreation',
  Ritel: 'Retail',
  Pengiriman: 'Shipping',
  Teknologi: 'Technology',
  Telekomunikasi: 'Telecommunications',
  Transportasi: 'Transportation',
  Utilitas: 'Utilities',
};
