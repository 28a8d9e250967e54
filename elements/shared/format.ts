// Number, time, duration and size formatting through Intl, in the chosen locale (the browser's
// while none is chosen). Formatters are built once per locale: creating Intl objects per table cell
// is measurably slow on long pages.
import { intlLocale } from './locale.ts';

interface Formatters {
  readonly locale: string | undefined;
  readonly integer: Intl.NumberFormat;
  readonly relative: Intl.RelativeTimeFormat;
  readonly exact: Intl.DateTimeFormat;
  readonly units: Map<string, Intl.NumberFormat>;
  readonly duration: { format(parts: Readonly<Record<string, number>>): string } | undefined;
}

let current: Formatters | undefined;

function formatters(): Formatters {
  const locale = intlLocale();
  if (!current || current.locale !== locale) {
    const DurationFormat = (Intl as { DurationFormat?: new (locale: string | undefined, options: object) => Formatters['duration'] }).DurationFormat;
    current = {
      locale,
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'narrow' }),
      // The one way the console writes a point in time: date, time to the second, and the time
      // zone, so that two operators in different zones comparing notes cannot misread it.
      exact: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }),
      units: new Map(),
      duration: DurationFormat ? new DurationFormat(locale, { style: 'short' }) : undefined,
    };
  }
  return current;
}

/** A number with a unit Intl knows (`second`, `megabyte`), short: "6.2 sec", "3.3 MB". */
function unit(value: number, name: string): string {
  const all = formatters();
  let format = all.units.get(name);
  if (!format) {
    format = new Intl.NumberFormat(all.locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 });
    all.units.set(name, format);
  }
  return format.format(value);
}

/** A count with grouping: 12,345. */
export function formatCount(value: number): string {
  return formatters().integer.format(value);
}

/** A point in time in full, in the operator's time zone, naming the zone: "Dec 4, 2026, 11:35:12 PM UTC". */
export function formatExact(date: Date): string {
  return formatters().exact.format(date);
}

/** A relative time with the exact one it stands for: "5m ago (Dec 4, 2026, 11:35:12 PM UTC)". */
export function formatRelativeExact(date: Date, now: number = Date.now()): string {
  return `${formatRelative(date, now)} (${formatExact(date)})`;
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
  const relative = formatters().relative;
  const seconds = (date.getTime() - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 5) return relative.format(0, 'second');
  for (const [unit, length] of UNITS) {
    if (size >= length) return relative.format(Math.round(seconds / length), unit);
  }
  return relative.format(Math.round(seconds), 'second');
}

/** A duration for people: 740 ms, 6.2 sec, 3 min, 4 sec, 2 hr, 5 min, 3 days, 4 hr. */
export function formatDuration(ms: number): string {
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms < 1000) return unit(Math.round(ms), 'millisecond');
  if (ms < 60_000) return unit(ms / 1000, 'second');
  const s = Math.floor(ms / 1000);
  const [big, bigUnit, small, smallUnit] = s < 3600 ? [Math.floor(s / 60), 'minute', s % 60, 'second']
    : s < 86_400 ? [Math.floor(s / 3600), 'hour', Math.floor((s % 3600) / 60), 'minute']
    : [Math.floor(s / 86_400), 'day', Math.floor((s % 86_400) / 3600), 'hour'];
  const duration = formatters().duration;
  if (duration) return duration.format(small > 0 ? { [`${bigUnit}s`]: big, [`${smallUnit}s`]: small } : { [`${bigUnit}s`]: big });
  return small > 0 ? `${unit(big, bigUnit)} ${unit(small, smallUnit)}` : unit(big, bigUnit);
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

/** A byte size in the units Intl names: 812 byte, 14.2 kB, 3.5 MB (powers of 1000, as kB and MB are). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return unit(bytes, 'byte');
  let value = bytes / 1000;
  let index = 0;
  while (value >= 1000 && index < BYTE_UNITS.length - 1) {
    value /= 1000;
    index++;
  }
  return unit(value, BYTE_UNITS[index] ?? 'terabyte');
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
