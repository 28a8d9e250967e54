// `<input type="datetime-local">` speaks local wall-clock time without a zone ("2026-11-27T09:00");
// the API and URLs speak ISO 8601 instants. These convert between the two in the browser's zone.

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO instant as the value of a datetime-local input; empty for an unreadable value. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; undefined when empty or unreadable. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
