// ISO 8601 date-times with seconds and an explicit zone: what toISOString() prints, and what
// PostgreSQL reads as the same instant whatever the session's TimeZone.
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;

/**
 * True for an ISO 8601 timestamp with a zone, such as `2026-03-07T12:00:00.000Z`, that names a
 * real date and time. Date.parse would roll 2026-02-30 over into March where PostgreSQL refuses
 * it, so the fields are checked against the calendar.
 */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}
