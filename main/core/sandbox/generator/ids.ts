/**
 * A sandbox ID is a base plus an index (users, folders and files each have their own base), so
 * an ID is read back without a lookup table, even at a million files.
 */

/** The index an ID stands for, or -1 for anything but the digits of an ID in [base, base + count). */
export function indexOfId(id: string, base: number, count: number): number {
  if (!/^\d+$/.test(id)) return -1;
  const index = Number(id) - base;
  return index >= 0 && index < count ? index : -1;
}
