/** Small formatters shared by the dashboard, findings and activity screens (cached Intl formatters). */
import { n, shortDateTime, time } from '../../strings/format';

export const formatNumber = n;

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return time(new Date(iso));
}

/** Today's times as a time only; other days with a short date, so table cells stay narrow. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const now = new Date();
  const today =
    date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  return today ? time(date) : shortDateTime(date);
}

/** 3725 → "1 h 2 min"; 42 → "42 s". */
export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export const formatRate = (value: number): string => (value >= 10 ? n(Math.round(value)) : value.toFixed(1));
