/**
 * The support code's check character: Damm's algorithm over the 32 symbols, with the quasigroup
 * x∘y = 2·x + y in the field GF(32). Because 2 ≠ 0 and 2 ≠ 1 in that field, the quasigroup is
 * totally anti-symmetric, so ONE check character catches every single-character error and every
 * swap of two adjacent different characters (a plain weighted sum mod 32 misses some swaps).
 * Runs everywhere.
 */

/** x^5 + x^2 + 1, irreducible over GF(2): GF(32)'s modulus. */
const MODULUS = 0b100101;

/** Multiplies by 2 (the polynomial x) in GF(32). */
function double(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ MODULUS : shifted;
}

/** Addition in GF(32) is XOR; Damm's interim digit after the whole sequence. */
function interim(values: readonly number[]): number {
  let state = 0;
  for (const value of values) state = double(state) ^ value;
  return state;
}

/** The symbol value that, appended, makes the sequence check out (its interim becomes 0). */
export function checkValue(values: readonly number[]): number {
  return double(interim(values));
}

/** True when the sequence (check value included, last) checks out. */
export function checksOut(values: readonly number[]): boolean {
  return interim(values) === 0;
}
