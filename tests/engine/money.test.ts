import { centsToDecimal, numberToCents, parseCents, percentToBasisPoints } from '../../src/engine';

describe('money', () => {
  it.each([
    ['140000', 14_000_000],
    ['140000.5', 14_000_050],
    ['140000.05', 14_000_005],
    ['0.005', 1],
    ['0.004', 0],
    [' 12 ', 1200],
    ['.5', 50],
    ['-3.10', -310],
    // E-notation as Salesforce (Java's Double.toString) and Excel write values of 10 million and more
    ['8.2E8', 82_000_000_000],
    ['1.25E7', 1_250_000_000],
    ['1.04625E7', 1_046_250_000],
    ['1.0462499999E7', 1_046_250_000],
    ['1.046249999E7', 1_046_249_999],
    ['6.11289E+11', 61_128_900_000_000],
    ['1.5e3', 150_000],
    ['-2.5E-1', -25],
    ['5E-3', 1],
    ['4.9E-3', 0],
    ['0.0012345E4', 1235],
    ['00012.5E1', 12_500],
    ['0E10', 0],
  ])('reads %j as %d cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '1,000', '1e', 'E5', '1.2E1000', '1E16', '12.3.4', '$100', '9999999999999999'])(
    'rejects %j',
    (text) => {
      expect(parseCents(text)).toBeUndefined();
    },
  );

  it('reads LDS numbers without drift', () => {
    expect(numberToCents(141749.99)).toBe(14_174_999);
    expect(numberToCents(0.1 + 0.2)).toBe(30);
  });

  it('writes cents as a decimal with two places', () => {
    expect(centsToDecimal(14_175_000)).toBe('141750.00');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-310)).toBe('-3.10');
  });

  it('takes percentages with at most two decimals', () => {
    expect(percentToBasisPoints(20)).toBe(2000);
    expect(percentToBasisPoints(12.25)).toBe(1225);
    expect(percentToBasisPoints(12.345)).toBeUndefined();
  });
});
