import cronstrue from 'cronstrue';
// Registers German with cronstrue: the console's one language besides English.
import 'cronstrue/locales/de.js';
import { textLanguage } from '../shared/locale.ts';
import type { ScheduleResponse } from '../../core/vocabulary/wire.ts';

/**
 * A schedule's expression in words ("At 02:00, only on Monday"), or null when there are none to
 * give: a recurrence rule, or an expression the describer cannot read (the expression itself is
 * always shown beside it).
 */
export function scheduleInWords(schedule: Pick<ScheduleResponse, 'kind' | 'expression'>): string | null {
  if (schedule.kind !== 'cron') return null;
  try {
    return cronstrue.toString(schedule.expression, { locale: textLanguage(), use24HourTimeFormat: true, verbose: false, throwExceptionOnParseError: true });
  } catch {
    return null;
  }
}
