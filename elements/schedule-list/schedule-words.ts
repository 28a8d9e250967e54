import cronstrue from 'cronstrue';
import type { ScheduleResponse } from '../../core/vocabulary/wire.ts';

/**
 * A schedule's expression in words ("At 02:00, only on Monday"), or null when there are none to
 * give: a recurrence rule, or an expression the describer cannot read (the expression itself is
 * always shown beside it).
 */
export function scheduleInWords(schedule: Pick<ScheduleResponse, 'kind' | 'expression'>): string | null {
  if (schedule.kind !== 'cron') return null;
  try {
    return cronstrue.toString(schedule.expression, { use24HourTimeFormat: true, verbose: false, throwExceptionOnParseError: true });
  } catch {
    return null;
  }
}
