/**
 * Crockford's base32 alphabet: digits and letters without I, L, O and U, so a code read out on
 * the phone cannot be misheard as 1/0 or spell words. Typed input is forgiving the way Crockford
 * specifies: lower case is accepted, I and L read as 1, O as 0, and spaces and dashes are
 * ignored. Runs everywhere.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const ALIASES: Record<string, string> = { I: '1', L: '1', O: '0' };

/** Upper case, aliases resolved, separators dropped. */
export function normaliseCrockford(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[ILO]/g, (char) => ALIASES[char] ?? char);
}

/** The symbol's value (0–31), or -1 for a character that is not in the alphabet. */
export function symbolValue(char: string): number {
  return CROCKFORD_ALPHABET.indexOf(char);
}

export function symbolFor(value: number): string {
  const char = CROCKFORD_ALPHABET[value];
  if (char === undefined) throw new RangeError(`No base32 symbol has the value ${value}.`);
  return char;
}
