/**
 * Number and time formatting for the UI language, with one Intl formatter each, built once.
 * Why: `Number.prototype.toLocaleString()` and `Date.prototype.toLocale*String()` build a new
 * ICU formatter on every call; at ten dashboard updates a second that alone made tasks of
 * 60–100 ms. Reusing the formatters makes each call a few microseconds.
 */
const numbers = new Intl.NumberFormat();
const times = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const shortDateTimes = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

export const n = (value: number): string => numbers.format(value);
export const time = (date: Date | number): string => times.format(date);
export const shortDateTime = (date: Date | number): string => shortDateTimes.format(date);

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB": binary multiples, one decimal at most. */
export function bytes(value: number): string {
  let unit = 0;
  let scaled = Math.max(0, value);
  while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return `${oneDecimal.format(scaled)} ${BYTE_UNITS[unit]}`;
}
