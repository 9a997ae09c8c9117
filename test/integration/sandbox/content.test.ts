/** The seeded sensitive data is what it claims: valid values are valid, look-alikes are not. */
import { describe, expect, it } from 'vitest';
import { generateText, ibanValid, luhnValid } from '../../../main/core/sandbox/generator/content';

describe('generated file content', () => {
  it('labels valid cards, IBANs, SSNs and NINOs, and its look-alikes fail the same checks', () => {
    const totals = { card: 0, iban: 0, ssn: 0, nino: 0, email: 0, lookalike: 0 };
    let refs = 0;
    for (let k = 0; k < 400; k++) {
      const { text, truth } = generateText(99, k, 'txt', 0, 'owner@example.com');
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += truth[key];
      for (const m of text.matchAll(/Card number: ([\d -]+?)(?=;|"|\n|$)/g)) expect(luhnValid(m[1]!), m[1]).toBe(true);
      for (const m of text.matchAll(/IBAN: ([A-Z]{2}[\dA-Z ]+?)(?=;|"|\n|$)/g))
        expect(ibanValid(m[1]!), m[1]).toBe(true);
      for (const m of text.matchAll(/SSN: (\d{3})-\d{2}-\d{4}/g))
        expect(['000', '666'].includes(m[1]!) || m[1]!.startsWith('9')).toBe(false);
      for (const m of text.matchAll(/Ref ((?:\d{4}[ -]?){3}\d{4}|\d{15})(?=;|"|\n|$)/g)) {
        expect(luhnValid(m[1]!), m[1]).toBe(false);
        refs++;
      }
      for (const m of text.matchAll(/Ref ([A-Z]{2}\d{2}[\dA-Z ]{10,})(?=;|"|\n|$)/g))
        expect(ibanValid(m[1]!), m[1]).toBe(false);
    }
    for (const v of Object.values(totals)) expect(v).toBeGreaterThan(10);
    expect(refs).toBeGreaterThan(0);
  });

  it('is a pure function of (seed, file, version)', () => {
    expect(generateText(1, 5, 'csv', 0, 'a@b.c').text).toBe(generateText(1, 5, 'csv', 0, 'a@b.c').text);
    expect(generateText(1, 5, 'csv', 1, 'a@b.c').text).not.toBe(generateText(1, 5, 'csv', 0, 'a@b.c').text);
  });
});
