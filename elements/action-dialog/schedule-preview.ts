import { html, type TemplateResult } from 'lit';
import type { PreviewSummary } from './action-flow.ts';
import { nothingChangedYet, previewWarnings, withPart } from './preview-parts.ts';
import { scheduleName } from '../actions/schedule-actions.ts';
import { formatExact, toDate } from '../shared/format.ts';
import { msg } from '../shared/locale.ts';

type SchedulePreview = NonNullable<PreviewSummary['schedule']>;


function nameOf(preview: PreviewSummary, schedule: SchedulePreview): string {
  return scheduleName({ queue: preview.queue, key: schedule.key });
}

/**
 * What a schedule action would do, in words: the schedule (its expression, zone and next run), and
 * for Run now that its queue gets one job now and the schedule stays as it is; for Remove that its
 * future runs stop and the jobs it made stay.
 */
export function schedulePreviewBody(preview: PreviewSummary, schedule: SchedulePreview): TemplateResult {
  const next = schedule.nextRun ? toDate(schedule.nextRun) : null;
  const when = next ? formatExact(next) : null;
  const effects = preview.action === 'schedule.run'
    ? [
        msg('Queue {queue} gets one job now, with the data and options of the schedule’s runs.', { queue: preview.queue }),
        when ? msg('The schedule stays as it is: its next run is still due {time}.', { time: when }) : msg('The schedule stays as it is; it has no run due.'),
      ]
    : [
        when ? msg('Its future runs stop: no job is made at {time} or after.', { time: when }) : msg('Its future runs stop; it has no run due anyway.'),
        msg('The jobs it already made stay where they are.'),
      ];
  return html`${nothingChangedYet()}
    <h3 tabindex="-1" class="count queue-count"><span>${preview.action === 'schedule.run'
      ? withPart(msg('One job would be made in {queue}'), 'queue', html`<strong>${preview.queue}</strong>`)
      : msg('One schedule would be removed')}</span></h3>
    <p class="schedule-line">${msg('Schedule')} <strong>${schedule.key || preview.queue}</strong>: <code>${schedule.expression}</code> · ${schedule.timeZone}</p>
    <ul class="effects">${effects.map((effect) => html`<li>${effect}</li>`)}</ul>
    ${previewWarnings(preview.warnings)}`;
}

/** The reason field's question for a schedule action. */
export function scheduleReasonLabel(preview: PreviewSummary, schedule: SchedulePreview): string {
  return preview.action === 'schedule.run'
    ? msg('Why run {schedule} now?', { schedule: nameOf(preview, schedule) })
    : msg('Why remove {schedule}?', { schedule: nameOf(preview, schedule) });
}

/** The heading and sentence once a schedule action ran: `affected` 0 means the schedule was gone by then. */
export function scheduleOutcome(preview: PreviewSummary, schedule: SchedulePreview, affected: number): { heading: string; text: string } {
  const name = nameOf(preview, schedule);
  if (affected === 0) return { heading: msg('Nothing changed'), text: msg('{schedule} was gone by then.', { schedule: name }) };
  return preview.action === 'schedule.run'
    ? { heading: msg('Job made'), text: msg('One job was made in {queue}; the schedule keeps its timetable.', { queue: preview.queue }) }
    : { heading: msg('Schedule removed'), text: msg('{schedule} was removed; the jobs it made stay.', { schedule: name }) };
}
