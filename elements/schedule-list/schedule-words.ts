import cronstrue from 'cronstrue';
// Registers German with cronstrue: the console's one language besides English.
import 'cronstrue/locales/de.js';
import { intlLocale, msg, textLanguage } from '../shared/locale.ts';
import type { ScheduleResponse } from '../../core/vocabulary/wire.ts';

/**
 * A schedule's expression in words ("At 02:00, only on Monday"), or null when there are none to
 * give: a recurrence rule, or an expression the describer cannot read (the expression itself is
 * always shown beside it). A fixed interval (`PT1.5S`) reads "Every 1.5 seconds".
 */
export function scheduleInWords(schedule: Pick<ScheduleResponse, 'kind' | 'expression'>): string | null {
  if (schedule.kind === 'interval') return intervalInWords(schedule.expression);
  if (schedule.kind !== 'cron') return null;
  try {
    return cronstrue.toString(schedule.expression, { locale: textLanguage(), use24HourTimeFormat: true, verbose: false, throwExceptionOnParseError: true });
  } catch {
    return null;
  }
}

/** An ISO 8601 duration in seconds (`PT1.5S`) in words, or null for any other duration. */
function intervalInWords(duration: string): string | null {
  const seconds = /^PT(\d+(?:\.\d+)?)S$/.exec(duration)?.[1];
  if (seconds === undefined) return null;
  return msg('Every {seconds} seconds', { seconds: new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 3 }).format(Number(seconds)) });
}
