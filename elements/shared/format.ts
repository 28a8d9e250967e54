// Number, time and size formatting in the browser's locale. Formatters are built once: creating
// Intl objects per table cell is measurably slow on long pages.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'narrow' });
// The one way the console writes a point in time: date, time to the second, and the time zone, so
// that two operators in different zones comparing notes (or an audit export) cannot misread it.
const exact = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** A count with grouping: 12,345. */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A point in time in full, in the operator's time zone, naming the zone: "Dec 4, 2026, 11:35:12 PM UTC". */
export function formatExact(date: Date): string {
  return exact.format(date);
}

/** A relative time with the exact one it stands for: "5m ago (Dec 4, 2026, 11:35:12 PM UTC)". */
export function formatRelativeExact(date: Date, now: number = Date.now()): string {
  return `${formatRelative(date, now)} (${exact.format(date)})`;
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
 * An id short enough for a table column. A UUID keeps its first 8 characters, which tell it apart;
 * an engine's own ids (BullMQ's counters and `repeat:…` ids) are shown whole up to 24 characters.
 */
export function shortId(id: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(id)) return id.slice(0, 8);
  return id.length > 24 ? `${id.slice(0, 23)}…` : id;
}

/** Parses an ISO timestamp from the API; null for null or an unreadable value. */
export function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
