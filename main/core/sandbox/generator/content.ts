/**
 * Text content for the files that have it, seeded with sensitive data a scanner must find
 * (Luhn-valid card numbers, IBANs with valid check digits, US SSNs, UK NINOs, e-mail addresses)
 * and look-alikes it must not report (Luhn failures, bad IBAN checksums, impossible SSN areas...).
 * Each file's content is a pure function of (seed, file index, version).
 */
import { hash, Rng, S } from './prng';
import { FIRST_NAMES, LAST_NAMES, TOPICS } from './words';

export interface SensitiveTruth {
  card: number;
  iban: number;
  ssn: number;
  nino: number;
  email: number;
  /** Strings shaped like the above that are NOT valid and must not match. */
  lookalike: number;
}

export const TEXT_EXTENSIONS = new Set(['txt', 'csv', 'md', 'json', 'log']);

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnValid(num: string): boolean {
  const digits = num.replace(/\D/g, '');
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

function digits(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(r.int(10));
  return s;
}

function card(r: Rng, valid: boolean): string {
  const [prefix, len] = r.pick([
    ['4', 16],
    ['51', 16],
    ['55', 16],
    ['2221', 16],
    ['37', 15],
    ['6011', 16],
  ] as const);
  const body = prefix + digits(r, len - prefix.length - 1);
  let check = luhnCheckDigit(body);
  if (!valid) check = (check + 1 + r.int(9)) % 10;
  const num = body + String(check);
  const sep = r.pick(['', ' ', '-']);
  return len === 16 ? (num.match(/.{4}/g) ?? [num]).join(sep) : num;
}

export function ibanMod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem;
}

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s) && ibanMod97(s.slice(4) + s.slice(0, 4)) === 1;
}

function iban(r: Rng, valid: boolean): string {
  const letters = () =>
    String.fromCharCode(65 + r.int(26)) +
    String.fromCharCode(65 + r.int(26)) +
    String.fromCharCode(65 + r.int(26)) +
    String.fromCharCode(65 + r.int(26));
  const [country, bban] = r.pick([
    ['DE', () => digits(r, 18)],
    ['GB', () => letters() + digits(r, 14)],
    ['FR', () => digits(r, 23)],
    ['NL', () => letters() + digits(r, 10)],
  ] as const);
  const b = bban();
  let check = 98 - ibanMod97(b + country + '00');
  if (!valid) check = ((check + 1 + r.int(90)) % 97) + 2;
  const raw = country + String(check).padStart(2, '0') + b;
  return r.chance(0.5) ? (raw.match(/.{1,4}/g) ?? [raw]).join(' ') : raw;
}

function ssn(r: Rng, valid: boolean): string {
  let area: number;
  if (valid) {
    do area = 1 + r.int(899);
    while (area === 666);
  } else area = r.pick([0, 666, 900 + r.int(100)]);
  return `${String(area).padStart(3, '0')}-${String(1 + r.int(99)).padStart(2, '0')}-${String(1 + r.int(9999)).padStart(4, '0')}`;
}

function nino(r: Rng, valid: boolean): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  let prefix: string;
  do prefix = (first[r.int(first.length)] ?? 'A') + (second[r.int(second.length)] ?? 'B');
  while (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(prefix));
  if (!valid) prefix = r.pick(['DQ', 'FU', 'QV', 'GB']);
  return `${prefix}${digits(r, 6)}${'ABCD'[r.int(4)]}`;
}

function email(r: Rng, valid: boolean): string {
  const f = r.pick(FIRST_NAMES).toLowerCase();
  const l = r.pick(LAST_NAMES).toLowerCase();
  const d = r.pick(['example.com', 'mail.example.org', 'customer.example.net']);
  return valid ? `${f}.${l}@${d}` : r.pick([`${f}.${l} at ${d}`, `@${f}${l}`, `${f}.${l}@`]);
}

type Kind = 'card' | 'iban' | 'ssn' | 'nino' | 'email';
const MAKERS: Record<Kind, (r: Rng, valid: boolean) => string> = { card, iban, ssn, nino, email };
const LABELS: Record<Kind, string> = {
  card: 'Card number',
  iban: 'IBAN',
  ssn: 'SSN',
  nino: 'NI number',
  email: 'Contact',
};

export function emptyTruth(): SensitiveTruth {
  return { card: 0, iban: 0, ssn: 0, nino: 0, email: 0, lookalike: 0 };
}

/**
 * The one seeded stream of detail values every format draws from: a labelled sensitive value
 * (counted in `truth`), a look-alike (counted as such) or harmless filler. Text files and
 * documents share it, so their counts mean the same thing.
 */
export function valueSource(r: Rng, sensitive: boolean, truth: SensitiveTruth): () => string {
  return () => {
    if (!sensitive || !r.chance(0.3)) return lookalikeOrFiller(r, truth);
    const kind = r.pick(['card', 'iban', 'ssn', 'nino', 'email'] as const);
    truth[kind]++;
    return `${LABELS[kind]}: ${MAKERS[kind](r, true)}`;
  };
}

export interface GeneratedText {
  text: string;
  truth: SensitiveTruth;
}

export function generateText(seed: number, k: number, ext: string, version: number, owner: string): GeneratedText {
  const r = new Rng(hash(seed, S.content, k));
  const truth = emptyTruth();
  const sensitive = r.chance(0.35);
  const lines: string[] = [];
  const topic = r.pick(TOPICS);
  const rows = 8 + r.int(60);
  const value = valueSource(r, sensitive, truth);
  if (ext === 'csv') lines.push('id,name,detail,amount');
  if (ext === 'eml') lines.push(`From: ${owner}`, `Subject: ${topic}`, 'Content-Type: text/plain; charset=utf-8', '');
  if (ext === 'md') lines.push(`# ${topic}`, '');
  for (let i = 0; i < rows; i++) {
    const who = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
    const amount = (r.int(1_000_000) / 100).toFixed(2);
    const v = value();
    if (ext === 'csv') lines.push(`${i + 1},${who},"${v}",${amount}`);
    else if (ext === 'json')
      lines.push(`${i === 0 ? '[' : ','}{"id":${i + 1},"name":"${who}","detail":"${v}","amount":${amount}}`);
    else if (ext === 'log')
      lines.push(`2025-0${1 + r.int(9)}-1${r.int(10)}T0${r.int(10)}:1${r.int(10)}:00Z INFO request user="${who}" ${v}`);
    else lines.push(`${who} - ${topic.toLowerCase()} item ${i + 1}: ${v}; amount ${amount}.`);
  }
  if (ext === 'json') lines.push(']');
  // Each saved version adds a line, so an edit changes size and SHA-1 like a real save does.
  for (let v = 1; v <= version; v++) lines.push(ext === 'json' ? '' : `Revision ${v}: updated.`);
  return { text: lines.join('\n') + '\n', truth };
}

function lookalikeOrFiller(r: Rng, truth: SensitiveTruth): string {
  if (r.chance(0.12)) {
    truth.lookalike++;
    const kind = r.pick(['card', 'iban', 'ssn', 'nino', 'email'] as const);
    return `Ref ${MAKERS[kind](r, false)}`;
  }
  return r.pick([
    'Order ' + digits(r, 8),
    'Phone +1 555 ' + digits(r, 7),
    'Version 4.' + r.int(20) + '.' + r.int(99),
    'Status ok',
    'Pending review',
  ]);
}
