/**
 * Sensitive-data detectors: pure functions that validate what they match, so look-alikes
 * (Luhn failures, bad IBAN checksums, impossible SSN areas, invalid NINO prefixes, broken
 * addresses) are not reported. Runs everywhere: no Node, no DOM.
 */
export type DetectorKind = 'card' | 'iban' | 'ssn' | 'nino' | 'email';
export type Findings = Record<DetectorKind, number>;

export function emptyFindings(): Findings {
  return { card: 0, iban: 0, ssn: 0, nino: 0, email: 0 };
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes and lengths of the major card networks (Visa, Mastercard, Amex, Discover). */
export function cardNumberValid(raw: string): boolean {
  const d = raw.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(d)) return false;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  const network =
    (d[0] === '4' && [13, 16, 19].includes(d.length)) ||
    (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && d.length === 16) ||
    ((p2 === 34 || p2 === 37) && d.length === 15) ||
    ((d.startsWith('6011') || d.startsWith('65')) && d.length === 16);
  return network && luhnValid(d);
}

/** IBAN lengths per country (ISO 13616 registry, the common ones). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
};

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const len = IBAN_LENGTH[s.slice(0, 2)];
  if (len !== undefined && s.length !== len) return false;
  let rem = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const c of v) rem = (rem * 10 + (c.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/** US SSN: area 001-899 except 666, group 01-99, serial 0001-9999. */
export function ssnValid(raw: string): boolean {
  const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(raw);
  if (!m) return false;
  const area = Number(m[1]);
  return area > 0 && area !== 666 && area < 900 && m[2] !== '00' && m[3] !== '0000';
}

/** UK National Insurance number: HMRC's prefix rules, six digits, suffix A-D. */
export function ninoValid(raw: string): boolean {
  const s = raw.replace(/\s/g, '').toUpperCase();
  const m = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(s);
  if (!m) return false;
  const [, a = '', b = ''] = m;
  if ('DFIQUV'.includes(a) || 'DFIOQUV'.includes(b)) return false;
  return !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(a + b);
}

export function emailValid(raw: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(raw) && !raw.includes('..');
}

const IBAN_SHAPE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b/g;
const CARD_SHAPE = /(?<![\d-])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{13,19})(?![\d-])/g;
const SSN_SHAPE = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
const NINO_SHAPE = /\b[A-Z]{2}\d{6}[A-D]\b/g;
const EMAIL_SHAPE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

/** A detector's validated matches in one text: how many, and the first few values themselves. */
export interface DetectorMatches {
  count: number;
  values: string[];
}
export type LocatedFindings = Record<DetectorKind, DetectorMatches>;

/**
 * Calls onMatch for every validated match, detector by detector. IBAN-shaped strings (valid or
 * not) are blanked out first: their digit groups would otherwise look like card numbers.
 */
function forEachMatch(text: string, onMatch: (kind: DetectorKind, value: string) => void): void {
  const blanked = (shape: RegExp, kind: DetectorKind, valid: (s: string) => boolean, input: string) =>
    input.replace(shape, (m) => {
      if (valid(m)) onMatch(kind, m);
      return ' '.repeat(m.length);
    });
  let rest = blanked(IBAN_SHAPE, 'iban', ibanValid, text);
  rest = blanked(EMAIL_SHAPE, 'email', emailValid, rest);
  rest = blanked(SSN_SHAPE, 'ssn', ssnValid, rest);
  rest = blanked(NINO_SHAPE, 'nino', ninoValid, rest);
  for (const m of rest.matchAll(CARD_SHAPE)) if (cardNumberValid(m[0])) onMatch('card', m[0]);
}

/** Counts validated matches of every detector. */
export function detect(text: string): Findings {
  const out = emptyFindings();
  forEachMatch(text, (kind) => out[kind]++);
  return out;
}

/**
 * Counts validated matches of every detector and keeps the first maxValues matched values of
 * each, for saying where they are. The values are sensitive: callers mask them before they leave.
 */
export function detectLocated(text: string, maxValues: number): LocatedFindings {
  const out = {} as LocatedFindings;
  for (const kind of Object.keys(emptyFindings()) as DetectorKind[]) out[kind] = { count: 0, values: [] };
  forEachMatch(text, (kind, value) => {
    const hit = out[kind];
    hit.count++;
    if (hit.values.length < maxValues) hit.values.push(value);
  });
  return out;
}

export function totalFindings(f: Findings): number {
  return f.card + f.iban + f.ssn + f.nino + f.email;
}
