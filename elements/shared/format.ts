// Number, time and size formatting in the browser's locale. Formatters are built once: creating
// Intl objects per table cell is measurably slow on long pages.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'narrow' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const shortClock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A count with grouping: 12,345. */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A date and time in full, in the operator's time zone. */
export function formatExact(date: Date): string {
  return exact.format(date);
}

/** The time of day only, for timelines where the date is known. */
export function formatClock(date: Date): string {
  return clock.format(date);
}

/** Hours and minutes only, where space is short. */
export function formatShortClock(date: Date): string {
  return shortClock.format(date);
}

/** The exact time plus its ISO form, for `title` attributes. */
export function formatTitle(date: Date): string {
  return `${exact.format(date)} (${date.toISOString()})`;
}

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** How long ago or ahead `date` is from `now`: "5m ago", "in 2h", "now". */
export function formatRelative(date: Date, now: number = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 5) return relative.format(0, 'second');
  for (const [unit, length] of UNITS) {
    if (size >= length) return relative.format(Math.round(seconds / length), unit);
  }
  return relative.format(Math.round(seconds), 'second');
}

/** A duration for people: 740 ms, 6.2 s, 3 min 4 s, 2 h 5 min, 3 d 4 h. */
export function formatDuration(ms: number): string {
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms < 1000) return `${integer.format(ms)} ms`;
  if (ms < 60_000) return `${decimal.format(ms / 1000)} s`;
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string): string =>
    small > 0 ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return pair(Math.floor(s / 60), 'min', s % 60, 's');
  if (s < 86_400) return pair(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
  return pair(Math.floor(s / 86_400), 'd', Math.floor((s % 86_400) / 3600), 'h');
}

/** A byte size: 812 B, 14.2 KB, 3.1 MB (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${integer.format(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal.format(value)} ${units[unit]}`;
}

/**
 * An id short enough for a table column. UUIDs and other long ids keep their first 8 characters;
 * short ids (BullMQ's counters) are shown whole.
 */
export function shortId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/** Parses an ISO timestamp from the API; null for null or an unreadable value. */
export function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
