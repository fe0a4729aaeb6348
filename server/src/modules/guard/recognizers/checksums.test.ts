import { describe, expect, it } from 'vitest';
import { cprMod11, cprYear, cvrMod11, danishIbanValid, isValidCprDate } from './checksums.js';

describe('CPR century table', () => {
  it.each([
    [0, 55, 1955],
    [3, 99, 1999],
    [4, 36, 2036],
    [4, 37, 1937],
    [9, 12, 2012],
    [9, 80, 1980],
    [5, 57, 2057],
    [5, 58, 1858],
    [8, 99, 1899],
  ])('when the 7th digit is %i and the year is %i, then the birth year is %i', (d7, yy, year) => {
    expect(cprYear(d7, yy)).toBe(year);
  });
});

describe('CPR date validity', () => {
  const valid = (s: string): boolean => isValidCprDate(s, 0, 6);
  it('accepts 29 February 2000 (7th digit 4) but not 29 February 1900 (7th digit 0)', () => {
    expect(valid('2902004000')).toBe(true);
    expect(valid('2902000000')).toBe(false);
  });
  it('rejects month 13, day 0, 30 February and 31 April', () => {
    expect(valid('1513872184')).toBe(false);
    expect(valid('0001901234')).toBe(false);
    expect(valid('3002690188')).toBe(false);
    expect(valid('3104771234')).toBe(false);
  });
  it('accepts 29 February 2004 but not 29 February 1901', () => {
    expect(valid('2902044305')).toBe(true);
    expect(valid('2902011234')).toBe(false);
  });
});

describe('modulus 11', () => {
  it('accepts a CPR number whose weighted sum is divisible by 11 and rejects one that is not', () => {
    expect(cprMod11('1204561238', 0, 6)).toBe(false);
    expect(cprMod11('0701412028', 0, 6)).toBe(true);
  });
  it('reads a CPR number with its serial after a separator', () => {
    expect(cprMod11('070141-2028', 0, 7)).toBe(true);
  });
  it('checks CVR numbers with weights 2,7,6,5,4,3,2,1, also when written in groups', () => {
    expect(cvrMod11('72225120', [0, 1, 2, 3, 4, 5, 6, 7])).toBe(true);
    expect(cvrMod11('72225121', [0, 1, 2, 3, 4, 5, 6, 7])).toBe(false);
    expect(cvrMod11('76 12 25 47', [0, 1, 3, 4, 6, 7, 9, 10])).toBe(true);
  });
  it('never accepts a CVR number starting with 0', () => {
    expect(cvrMod11('00000000', [0, 1, 2, 3, 4, 5, 6, 7])).toBe(false);
  });
});

describe('Danish IBAN', () => {
  it('accepts a valid IBAN (mod 97 = 1) and rejects one with a changed digit', () => {
    expect(danishIbanValid('5000400440116243')).toBe(true);
    expect(danishIbanValid('5000400440116244')).toBe(false);
  });
  it('needs exactly 16 digits', () => {
    expect(danishIbanValid('500040044011624')).toBe(false);
  });
});
