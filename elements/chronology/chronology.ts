import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ChronologyAuditEntry, ChronologyEntry, ChronologyJobEntry, ChronologyResponse, ChronologyScheduleEntry, ChronologySubject } from '../../core/vocabulary/chronology.ts';
import type { AuditQuery } from '../api/audit-query.ts';
import type { AuditRecordResponse } from '../../core/vocabulary/wire.ts';
import { shortId } from '../shared/format.ts';
import { actionDone, principalText, selectionText, touchedJobs } from '../audit-log/audit-text.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { ensureDefined } from '../lazy-elements.ts';
import { LiveSync } from '../live/live-sync.ts';
import { ApiError } from '../api/api-error.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { arrowRightIcon } from '../shared/icons.ts';
import { msg } from '../shared/locale.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { gapText, jobPointLabel, schedulePointLabel, stepNote } from './chronology-text.ts';
import { chronologyStyles } from './chronology.styles.ts';

/** The audit log's filter for every record of the subject (a schedule without a key: its queue's). */
function allRecords(subject: ChronologySubject): AuditQuery {
  if (subject.kind === 'job') return { job: subject.id };
  if (subject.kind === 'schedule' && subject.key !== '') return { queue: subject.queue, schedule: subject.key };
  return { queue: subject.queue };
}

function allRecordsLabel(subject: ChronologySubject): string {
  if (subject.kind === 'job') return msg('All records for this job');
  if (subject.kind === 'schedule' && subject.key !== '') return msg('All records for this schedule');
  return msg('All records for this queue');
}

/**
 * The story of one job, one queue or one recurring schedule in one list, oldest first: the points
 * of the job's life the engine keeps (created, started, its error, how it ended), or of the
 * schedule's (written, its last job, a run it missed, its next run), and the operator actions
 * from the audit log that touched it, each with its exact time; then, plainly, what is not known
 * (a job or schedule the engine no longer has, earlier attempts' or runs' times, an outcome never
 * recorded, records hidden from the operator). With `job-id` it tells a job's story, with
 * `schedule` a schedule's, without either a queue's; with `page` it is a page of its own, with a
 * heading and breadcrumbs. Inside `<ops-jobs-console>` an action on the subject arriving over the
 * live stream reloads it in place.
 *
 * @attr queue - the queue.
 * @attr job-id - the job's id; absent for a queue's or a schedule's chronology.
 * @attr schedule - the schedule's key (empty for pg-boss's schedule without one); absent for a job's or a queue's chronology.
 * @attr page - shown as a page of its own rather than a card's content.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 *
 * @csspart list - the list of entries.
 * @csspart gaps - the list of what is not known.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-state-<state> - the solid colour of a job state (bars, dots), such as `--ops-jobs-state-failed`.
 */
export class OpsJobsChronology extends ViewElement {
  static override styles = [tokens, controls, stateColors, viewStyles, chronologyStyles];

  @property() queue = '';
  @property({ attribute: 'job-id' }) jobId = '';
  /** The schedule's key; null (the attribute absent) unless this is a schedule's chronology. */
  @property() schedule: string | null = null;
  @property({ type: Boolean }) page = false;

  readonly #load = new LoadController(this, {
    args: () => (this.queue ? ([this.api, this.queue, this.jobId, this.schedule] as const) : null),
    task: ([api, queue, id, schedule], signal) => (id ? api.jobChronology(queue, id, signal)
      : schedule !== null ? api.scheduleChronology(queue, schedule, signal)
      : api.queueChronology(queue, signal)),
  });

  readonly #sync = new LiveSync(this, {
    live: () => this.live,
    reload: () => this.#load.revalidate(),
    actionConcerns: (event) => event.queue === this.queue && (this.jobId ? event.jobIds.includes(this.jobId) : this.schedule === null || event.action.startsWith('schedule.')),
  });

  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The outcome badges come in a chunk of their own.
    ensureDefined('ops-jobs-outcome-badge').catch(() => {});
  }

  override render() {
    const body = this.#load.render({
      pending: (previous) => (previous ? this.#content(previous) : html`<p class="muted" aria-busy="true">${msg('Loading…')}</p>`),
      complete: (answer) => this.#content(answer),
      error: (error) => (error instanceof ApiError && error.status === 404 && !this.page
        ? html`<p class="muted">${this.jobId ? msg('The audit log has no record of this job either.')
            : this.schedule !== null ? msg('The audit log has no record of this schedule either.')
            : msg('The audit log has no record of this queue either.')}</p>`
        : this.page
        ? this.schedule !== null
          ? html`<ops-jobs-problem .error=${error} subject="schedule"><a slot="actions" href=${this.href(routes.schedules(this.queue))}>${msg('Schedules of {queue}', { queue: this.queue })}</a></ops-jobs-problem>`
          : html`<ops-jobs-problem .error=${error} subject="queue"><a slot="actions" href=${this.href(routes.overview())}>${msg('All queues')}</a></ops-jobs-problem>`
        : html`<p class="muted">${msg('Could not load the chronology.')}
            <button type="button" class="quiet" @click=${() => void this.refresh()}>${msg('Try again')}</button></p>`),
    });
    if (!this.page) return html`<h2 id="chronology-h">${msg('Chronology')}</h2>${body}`;
    return html`<header class="head">
        <div>
          ${this.schedule !== null
            ? html`<nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href=${this.href(routes.schedules())}>${msg('Schedules')}</a><span aria-hidden="true">/</span><a
                href=${this.href(routes.schedules(this.queue))}>${this.queue}</a></nav>`
            : html`<nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href=${this.href(routes.overview())}>${msg('Queues')}</a><span aria-hidden="true">/</span><a
                href=${this.href(routes.queue(this.queue))}>${this.queue}</a></nav>`}
          <h1 tabindex="-1" id="chronology-h">${msg('Chronology')}</h1>
          <p class="sub">${this.schedule === null ? this.queue
            : this.schedule ? msg('Schedule {key}', { key: this.schedule })
            : msg('The queue’s schedule without a key')}</p>
        </div>
        <div class="tools">${refreshButton(this.#load.status === LOAD_STATUS.pending, msg('Refresh the chronology'), () => void this.refresh())}</div>
      </header>
      <section class="card page">${body}</section>`;
  }

  #content(answer: ChronologyResponse): TemplateResult {
    const audited = answer.entries.some((entry) => entry.source === 'audit');
    // What is missing comes first: it says how far the list below can be trusted.
    return html`${answer.gaps.length > 0
        ? html`<section class="unknown" aria-labelledby="gaps-h"><h3 id="gaps-h">${msg('What is not known')}</h3>
            <ul part="gaps" class="gaps">${answer.gaps.map((gap) => html`<li data-gap=${gap.code}>${gapText(gap, answer)}</li>`)}</ul></section>`
        : ''}
      ${answer.entries.length > 0
        ? html`<ol part="list" class="entries" aria-labelledby="chronology-h">${answer.entries.map((entry) => this.#entry(entry, answer))}</ol>`
        : ''}
      ${answer.audit === 'shown' && !audited
        ? html`<p class="muted none">${answer.subject.kind === 'job' ? msg('No operator has acted on this job.')
            : answer.subject.kind === 'schedule' ? msg('No operator has acted on this schedule.')
            : msg('No operator has acted on this queue.')}</p>`
        : ''}
      ${audited
        ? html`<a class="all" href=${this.href(routes.audit(allRecords(answer.subject)))}>${allRecordsLabel(answer.subject)} ${arrowRightIcon}</a>`
        : ''}`;
  }

  #entry(entry: ChronologyEntry, answer: ChronologyResponse): TemplateResult {
    if (entry.source === 'job') return this.#jobEntry(entry, answer);
    if (entry.source === 'schedule') return this.#scheduleEntry(entry, answer.subject.queue);
    return this.#auditEntry(entry, answer.subject.kind);
  }

  #scheduleEntry(entry: ChronologyScheduleEntry, queue: string): TemplateResult {
    const missed = entry.point === 'missed_run';
    const job = entry.job;
    return html`<li class="schedule ${missed ? 'failed state-failed' : ''} ${entry.future ? 'future' : ''}" data-point=${entry.point}>
      <span class="marker" aria-hidden="true"></span>
      <span class="label">${schedulePointLabel(entry)}</span>
      ${this.#when(entry.at)}
      ${job
        ? html`<span class="sub">${job.state === null
            ? html`<span title=${job.id}>${msg('Job {id} is gone (removed after it finished)', { id: shortId(job.id) })}</span>`
            : html`<a href=${this.href(routes.job(queue, job.id))} title=${job.id}><ops-jobs-state-badge state=${job.state}></ops-jobs-state-badge>
                <span class="mono">${msg('job {id}', { id: shortId(job.id) })}</span></a>`}</span>`
        : nothing}
    </li>`;
  }

  #jobEntry(entry: ChronologyJobEntry, answer: ChronologyResponse): TemplateResult {
    const failed = entry.point === 'failed' || entry.point === 'retry_at';
    return html`<li class="job ${failed ? 'failed state-failed' : ''} ${entry.future ? 'future' : ''}" data-point=${entry.point}>
      <span class="marker" aria-hidden="true"></span>
      <span class="label">${jobPointLabel(entry)}</span>
      ${this.#when(entry.at, stepNote(entry, answer.entries))}
      ${entry.errorMessage ? html`<span class="message">${entry.errorMessage}</span>` : nothing}
    </li>`;
  }

  #auditEntry(entry: ChronologyAuditEntry, subject: ChronologyResponse['subject']['kind']): TemplateResult {
    const { record } = entry;
    return html`<li class="audit" data-record=${record.id}>
      <span class="marker" aria-hidden="true"></span>
      <span class="label"><a href=${this.href(routes.auditRecord(record.id))}>${actionDone(record.action)}</a> ${msg('by {who}', { who: principalText(record) })}</span>
      ${this.#when(entry.at)}
      <span class="sub"><ops-jobs-outcome-badge outcome=${record.outcome}></ops-jobs-outcome-badge>${subject === 'queue' ? this.#touched(record) : nothing}${subject === 'job' ? nothing : this.#made(record)}</span>
      ${record.reason ? html`<span class="reason">${record.reason}</span>` : nothing}
    </li>`;
  }

  /** On a queue's chronology, which jobs an action touched: the one job, linked, or how they were chosen. */
  #touched(record: AuditRecordResponse): TemplateResult | typeof nothing {
    if (!touchedJobs(record)) return nothing;
    const { selection, queue } = record.resource;
    const only = 'ids' in selection && selection.ids.length === 1 ? selection.ids[0] : undefined;
    return only === undefined
      ? html`<span>${selectionText(record)}</span>`
      : html`<a href=${this.href(routes.job(queue, only))}>${msg('job {id}', { id: shortId(only) })}</a>`;
  }

  /** On a schedule's or a queue's chronology, the job a schedule's run now made, linked, where its record names it. */
  #made(record: AuditRecordResponse): TemplateResult | typeof nothing {
    const made = record.action === 'schedule.run' && record.resource?.ids.length === 1 ? record.resource.ids[0] : undefined;
    if (made === undefined) return nothing;
    return html`<a class="made" href=${this.href(routes.job(record.resource!.queue, made))} title=${made}><span class="mono">${msg('made job {id}', { id: shortId(made) })}</span></a>`;
  }

  #when(at: string, note: string | null = null): TemplateResult {
    return html`<span class="when"><ops-jobs-relative-time datetime=${at} format="exact"></ops-jobs-relative-time></span>
      <span class="sub"><ops-jobs-relative-time datetime=${at}></ops-jobs-relative-time>${note ? html`<span>· ${note}</span>` : nothing}</span>`;
  }
}
