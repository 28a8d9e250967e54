// Times of a schedule read on its own clock: "At 02:00" in Amsterdam runs at 02:00 Amsterdam
// time, whatever zone the operator's browser is in.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
    try {
      formatter = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      // A zone this browser does not know: UTC, which the zone name beside it then says.
      formatter = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `iso` on the wall clock of `timeZone`, with the zone's short name: "Sat, 5 Dec, 02:00 CET". */
export function formatInZone(iso: string, timeZone: string): string {
  return formatterFor(timeZone).format(new Date(iso));
}
