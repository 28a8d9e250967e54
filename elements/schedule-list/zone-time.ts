// Times of a schedule read on its own clock: "At 02:00" in Amsterdam runs at 02:00 Amsterdam
// time, whatever zone the operator's browser is in. Written in the chosen locale.
import { intlLocale } from '../shared/locale.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const locale = intlLocale();
  const key = `${locale ?? ''} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
    try {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // A zone this browser does not know: UTC, which the zone name beside it then says.
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `iso` on the wall clock of `timeZone`, with the zone's short name: "Sat, 5 Dec, 02:00 CET". */
export function formatInZone(iso: string, timeZone: string): string {
  return formatterFor(timeZone).format(new Date(iso));
}
