import { html, type TemplateResult } from 'lit';
import type { PreviewSummary } from './action-flow.ts';
import { scheduleName } from '../actions/schedule-actions.ts';
import { formatExact, toDate } from '../shared/format.ts';
import { infoIcon, warningIcon } from '../shared/icons.ts';
import { msg } from '../shared/locale.ts';

type SchedulePreview = NonNullable<PreviewSummary['schedule']>;

/** A translated sentence with the queue's name set in bold where its `{queue}` placeholder stands. */
function withQueue(text: string, queue: string): Array<string | TemplateResult> {
  const at = text.indexOf('{queue}');
  return at < 0 ? [text] : [text.slice(0, at), html`<strong>${queue}</strong>`, text.slice(at + '{queue}'.length)];
}

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
  return html`<p class="box calm">${infoIcon}<span><strong>${msg('Nothing has changed yet.')}</strong> ${msg('This preview shows what would change; you confirm with a reason next.')}</span></p>
    <h3 tabindex="-1" class="count queue-count"><span>${preview.action === 'schedule.run'
      ? withQueue(msg('One job would be made in {queue}'), preview.queue)
      : msg('One schedule would be removed')}</span></h3>
    <p class="schedule-line">${msg('Schedule')} <strong>${schedule.key || preview.queue}</strong>: <code>${schedule.expression}</code> · ${schedule.timeZone}</p>
    <ul class="effects">${effects.map((effect) => html`<li>${effect}</li>`)}</ul>
    ${preview.warnings.length > 0
      ? html`<section class="box warnings" aria-labelledby="warnings-h">
          <h3 id="warnings-h">${warningIcon} ${msg('Read before you continue')}</h3>
          <ul>${preview.warnings.map((warning) => html`<li>${warning}</li>`)}</ul>
        </section>`
      : ''}`;
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
