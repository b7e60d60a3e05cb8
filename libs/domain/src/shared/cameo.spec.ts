import { CAMEO_CODE_LIST, CAMEO_CODES, goldsteinWeight, isCameoCode } from './cameo';

describe('CAMEO codes with Goldstein weights', () => {
  it.each([
    ['010', 0],
    ['042', 1.9],
    ['111', -2],
    ['130', -4.4],
    ['1312', -5.8],
    ['150', -7.2],
    ['163', -8],
    ['191', -9.5],
  ])('the brief names %s with weight %p', (code, weight) => expect(goldsteinWeight(code)).toBe(weight));

  it('an unknown code, or a prototype property name, has no weight', () => {
    for (const code of ['999', '15', '', 'constructor', '__proto__', 'toString']) {
      expect(goldsteinWeight(code)).toBeUndefined();
      expect(isCameoCode(code)).toBe(false);
    }
  });

  it('every entry is a 3- or 4-digit code whose weight lies on the −10…+10 scale', () => {
    for (const code of CAMEO_CODE_LIST) {
      expect(code).toMatch(/^\d{3,4}$/);
      expect(Math.abs(CAMEO_CODES[code].goldstein)).toBeLessThanOrEqual(10);
      expect(CAMEO_CODES[code].name).not.toBe('');
    }
  });

  it('a four-digit code sits under a three-digit parent of the table', () => {
    for (const code of CAMEO_CODE_LIST.filter((c) => c.length === 4)) expect(isCameoCode(code.slice(0, 3))).toBe(true);
  });
});
