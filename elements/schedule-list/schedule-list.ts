import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PAGE_SIZE } from '../../core/vocabulary/limits.ts';
import type { ScheduleResponse } from '../../core/vocabulary/wire.ts';
import { CursorPager } from '../controllers/cursor-pager.ts';
import { ensureDefined } from '../lazy-elements.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { formatCount, formatExact, shortId, toDate } from '../shared/format.ts';
import { clockIcon, warningIcon } from '../shared/icons.ts';
import { loadMoreAnnounced, pagerFooter } from '../shared/pager-footer.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { scheduleListStyles } from './schedule-list.styles.ts';
import { scheduleInWords } from './schedule-words.ts';
import { formatInZone } from './zone-time.ts';
import { msg, plural } from '../shared/locale.ts';
import { actionDialogFor, dialogLoadError, openActionDialog } from '../actions/dialog-template.ts';
import type { ActionRequest } from '../actions/action-request.ts';
import { scheduleActionOptions } from '../actions/schedule-copy.ts';
import { scheduleActionButtons } from '../actions/schedule-actions.ts';
import { actionStyles } from '../actions/actions.styles.ts';

/**
 * The recurring schedules: for each, the queue it sends to, its expression in words and as
 * written with its time zone, its next runs, and the last job it made with that job's state (or
 * that the job is gone). The data each run sends is shown as the display policy allows, folded.
 * Where the engine can and the operator may, each schedule offers Run now and Remove schedule,
 * through the action dialog (preview, reason, audit); the list loads again once one is done.
 *
 * @attr queue - only this queue's schedules; every queue's when empty.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart table - the schedules' card.
 * @csspart load-more - the "Load more" button.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsScheduleList extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, actionStyles, scheduleListStyles];

  protected override needsSession = true;

  @property() queue = '';
  @state() private announcement = '';
  /** Whether the action dialog's code could not be loaded when asked for. */
  @state() private dialogFailed = false;

  constructor() {
    super();
    this.addEventListener('ops-jobs-action-done', () => void this.refresh());
    // A schedule that changed or went away under the dialog: the list shows it as it is now.
    this.addEventListener('ops-jobs-action-close', (event) => {
      if (event.stale) void this.refresh();
    });
  }

  async #act(request: ActionRequest): Promise<void> {
    this.dialogFailed = !(await openActionDialog(this.renderRoot, request));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The JSON viewer shows each schedule's data; it comes in the chunk of a job's value views.
    ensureDefined('ops-jobs-json-viewer').catch(() => {});
  }

  readonly #pages = new CursorPager(this, {
    args: () => [this.api, this.queue] as const,
    page: async ([api, queue], cursor, signal) => {
      const page = await api.schedules({ ...(queue ? { queue } : {}), limit: PAGE_SIZE.default, cursor }, signal);
      return { items: page.schedules, nextCursor: page.nextCursor };
    },
  });

  override refresh(): Promise<void> {
    return this.#pages.reload();
  }

  override render() {
    const busy = this.#pages.status === LOAD_STATUS.pending;
    return html`
      <header class="head">
        <div>
          <h1 tabindex="-1">${msg('Schedules')}${this.queue ? html` <span class="muted">${msg('in {queue}', { queue: this.queue })}</span>` : ''}</h1>
          <p class="sub">${msg('Jobs sent on a timetable: when each runs next, and how its last job went.')}</p>
        </div>
        <div class="tools">${refreshButton(busy, msg('Refresh the schedules'), () => void this.refresh())}</div>
      </header>
      ${this.#pages.status === LOAD_STATUS.error
        ? html`<ops-jobs-problem .error=${this.#pages.error} subject="schedules"></ops-jobs-problem>`
        : html`${dialogLoadError(this.dialogFailed)}${this.#table()}${this.#footer()}`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${actionDialogFor(this.operator, this.api, (route) => this.href(route))}
    `;
  }

  #table(): TemplateResult {
    const pages = this.#pages;
    if (pages.status !== LOAD_STATUS.complete && pages.items.length === 0) {
      return html`<div class="card table-card" aria-busy="true" aria-label=${msg('Loading the schedules')}>
        ${[0, 1, 2].map(() => html`<span class="skeleton row-s"></span>`)}
      </div>`;
    }
    if (pages.items.length === 0) {
      return html`<div class="card empty">
        ${clockIcon}<strong>${this.queue ? msg('No schedules send to {queue}', { queue: this.queue }) : msg('No schedules yet')}</strong>
        <span>${msg('A schedule sends a job to its queue on a timetable; your application creates them (in pg-boss, with schedule()).')}</span>
      </div>`;
    }
    return html`<div part="table" class="card table-card">
      <table class="stack lines" role="table" aria-label=${msg('Schedules')}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${msg('Schedule')}</th>
            <th role="columnheader" scope="col">${msg('Runs')}</th>
            <th role="columnheader" scope="col">${msg('Next run')}</th>
            <th role="columnheader" scope="col">${msg('Last job')}</th>
            <th role="columnheader" scope="col">${msg('Data')}</th>
            ${this.#acts ? html`<th role="columnheader" scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>` : ''}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${pages.items.map((schedule) => this.#row(schedule))}
        </tbody>
      </table>
    </div>`;
  }

  #row(schedule: ScheduleResponse): TemplateResult {
    const words = scheduleInWords(schedule);
    const next = schedule.nextRuns[0];
    return html`<tr role="row">
      <td role="cell" class="schedule">
        <a href=${this.href(routes.queue(schedule.queue))}>${schedule.queue}</a>
        ${schedule.key ? html`<span class="key muted">${schedule.key}</span>` : ''}
        <a class="chronology" href=${this.href(routes.scheduleChronology(schedule.queue, schedule.key))}
          aria-label=${msg('Chronology of {schedule}', { schedule: schedule.key ? `${schedule.queue} (${schedule.key})` : schedule.queue })}>${msg('Chronology')}</a>
      </td>
      <td role="cell" class="when" data-label=${msg('Runs')}>
        ${words ? html`<span class="words">${words}</span>` : ''}
        <code class="expression" title=${schedule.kind === 'rrule' ? msg('Recurrence rule (RFC 5545)') : schedule.kind === 'interval' ? msg('Fixed interval (ISO 8601 duration)') : msg('Cron expression')}>${schedule.expression}</code>
        <span class="zone">· ${schedule.timeZone}</span>
      </td>
      <td role="cell" class="next" data-label=${msg('Next run')}>
        ${next
          ? html`<ops-jobs-relative-time datetime=${next}></ops-jobs-relative-time>
              <ol aria-label=${msg('Next runs, {zone} time', { zone: schedule.timeZone })}>${schedule.nextRuns.map((run) => html`<li>
                <time datetime=${run} title=${msg('Your time: {time}', { time: formatExact(toDate(run) ?? new Date(0)) })}>${formatInZone(run, schedule.timeZone)}</time>
              </li>`)}</ol>`
          : html`<span class="muted">${msg('Not again')}</span>`}
      </td>
      <td role="cell" class="last" data-label=${msg('Last job')}>${this.#lastJob(schedule)}${schedule.missedRunAt
          ? html`<span class="missed">${warningIcon}${msg('Missed the run due')} <ops-jobs-relative-time datetime=${schedule.missedRunAt}></ops-jobs-relative-time></span>`
          : ''}</td>
      <td role="cell" class="data">${this.#data(schedule)}</td>
      ${this.#acts ? html`<td role="cell" class="acts">${scheduleActionButtons(this.operator, schedule, (request) => void this.#act(request))}</td>` : ''}
    </tr>`;
  }

  /** Whether rows offer actions: the engine has some the operator may take. */
  get #acts(): boolean {
    return scheduleActionOptions(this.operator).length > 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Rows that offer actions load the dialog's code ahead, so the first click does not wait for it.
    if (this.#acts) void ensureDefined('ops-jobs-action-dialog').catch(() => {});
  }

  #lastJob(schedule: ScheduleResponse): TemplateResult {
    const last = schedule.lastJob;
    if (!last) return html`<span class="muted">${msg('None yet')}</span>`;
    if (last.state === null) {
      return html`<span class="gone" title=${last.id}>${msg('Job {id} is gone (removed after it finished)', { id: shortId(last.id) })}</span>`;
    }
    // Named by what it shows (WCAG 2.5.3), the full id in its tooltip.
    return html`<a href=${this.href(routes.job(schedule.queue, last.id))} title=${last.id}>
      <span class="visually-hidden">${msg('Last job')} </span><ops-jobs-state-badge state=${last.state}></ops-jobs-state-badge><span class="mono">${shortId(last.id)}</span>
    </a>${last.createdAt ? html`<span class="made">${msg('made')} <ops-jobs-relative-time datetime=${last.createdAt}></ops-jobs-relative-time></span>` : ''}`;
  }

  #data(schedule: ScheduleResponse): TemplateResult {
    const shown = schedule.data;
    if ('value' in shown && shown.value === null) return html`<span class="muted">${msg('None')}</span>`;
    // Opening tries the viewer's chunk again, should it have failed to load before.
    return html`<details @toggle=${() => void ensureDefined('ops-jobs-json-viewer').catch(() => {})}>
      <summary>${msg('Show data')}</summary>
      <ops-jobs-json-viewer label=${msg('Data of {queue}', { queue: `${schedule.queue}${schedule.key ? ` (${schedule.key})` : ''}` })} .shown=${shown}></ops-jobs-json-viewer>
    </details>`;
  }

  #footer(): TemplateResult | string {
    const count = this.#pages.items.length;
    return pagerFooter(this.#pages, PAGE_SIZE.default, plural(count, 'Showing {count} schedule', 'Showing {count} schedules'), msg('Could not load more schedules.'), this.#more);
  }

  readonly #more = async (): Promise<void> => {
    const said = await loadMoreAnnounced(this.#pages, (added, shown) => plural(added, 'Loaded {count} more schedule, {shown} shown.', 'Loaded {count} more schedules, {shown} shown.', { shown }));
    if (said) this.announcement = said;
  };
}
