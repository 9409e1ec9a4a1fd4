// The buyer's price read as the rep's locale writes it (the panel's what-if field).
import { readPrice, priceExample } from '../../../force-app/main/default/lwc/walkAwayPanel/price';

describe('readPrice', () => {
  it.each([
    ['140000', 14000000],
    ['140,000', 14000000],
    ['140,000.50', 14000050],
    ['$140,000.50', 14000050],
    ['USD 140000', 14000000],
    ['130.000', 13000],
    ['1e6', 100000000],
    ['1.5E3', 150000],
    ['140000.555', 14000056],
    ['140000.554', 14000055],
    ['+140000', 14000000],
    ['0', 0],
  ])('en-US reads %s as %d cents', (text, cents) => {
    expect(readPrice(text, 'en-US', 'USD')).toEqual({ cents });
  });

  it.each([
    ['130.000', 13000000],
    ['130.000,50', 13000050],
    ['1.300.000', 130000000],
    ['130000', 13000000],
    ['130,5', 13050],
    ['130.5', 13050],
    ['Rp 130.000', 13000000],
    ['IDR 130.000,50', 13000050],
    ['1e6', 100000000],
  ])('id-ID reads %s as %d cents', (text, cents) => {
    expect(readPrice(text, 'id-ID', 'IDR')).toEqual({ cents });
  });

  it.each([
    ['abc', 'unreadable'],
    ['12abc', 'unreadable'],
    ['1,5', 'unreadable'],
    ['1,30,000', 'unreadable'],
    ['1.2.3', 'unreadable'],
    ['EUR 100', 'unreadable'],
    ['-5', 'negative'],
    ['$-5', 'negative'],
    ['99999999999999', 'tooLarge'],
  ])('en-US does not read %s (%s)', (text, problem) => {
    expect(readPrice(text, 'en-US', 'USD')).toEqual({ problem });
  });

  it('treats a blank entry as no price', () => {
    expect(readPrice('  ', 'en-US', 'USD')).toEqual({ cents: null });
    expect(readPrice(null, 'en-US', 'USD')).toEqual({ cents: null });
  });

  it('gives an example in the locale for the message', () => {
    expect(priceExample('en-US')).toBe('140,000.50');
    expect(priceExample('id-ID')).toBe('140.000,50');
  });
});
