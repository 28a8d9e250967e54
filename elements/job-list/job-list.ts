import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state as internal } from 'lit/decorators.js';
import type { CountFreshness } from '../../core/vocabulary/count-freshness.ts';
import { isJobState, type JobState } from '../../core/vocabulary/job-states.ts';
import { PAGE_SIZE, SELECTION_CAP } from '../../core/vocabulary/limits.ts';
import type { JobSummaryResponse, QueueResponse } from '../../core/vocabulary/wire.ts';
import { mayActOnAny, type ActionScope } from '../actions/action-availability.ts';
import type { ActionRequest } from '../actions/action-request.ts';
import { actionStyles } from '../actions/actions.styles.ts';
import { CursorPager } from '../controllers/cursor-pager.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { LiveSync } from '../live/live-sync.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { countText, freshnessNote } from '../shared/count-freshness.ts';
import { formatCount, shortId } from '../shared/format.ts';
import { arrowUpIcon, deadLetterIcon, inboxIcon } from '../shared/icons.ts';
import { stateLabel, stateWord } from '../shared/state-copy.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { loadMoreAnnounced, pagerFooter } from '../shared/pager-footer.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { actionDialogFor, dialogLoadError, openActionDialog } from '../actions/dialog-template.ts';
import { pausedTag, queueActionButton } from '../actions/queue-action.ts';
import { bulkBar } from './bulk-bar.ts';
import { jobListStyles } from './job-list.styles.ts';
import { selectionStyles } from './selection.styles.ts';
import { JobSelection } from './job-selection.ts';
import { ensureDefined } from '../lazy-elements.ts';
import { msg, plural } from '../shared/locale.ts';
import { jobDataKey, type JobDataFilter } from '../api/job-data-filter.ts';
import type { OpsJobsDataFilterChangeEvent } from '../data-filter/data-filter.ts';
import { payloadCell, payloadCellStyles, payloadHeader } from './payload-cell.ts';
import { jobCount } from '../actions/action-copy.ts';

/** How many requests one page may take when the server stops early, before "Load more" takes over. */
const KEEP_LOOKING_ROUNDS = 4;

/** How fresh a queue's total is: as old as its oldest figure that is not live, if any. */
function totalFreshness(info: QueueResponse | undefined): CountFreshness | undefined {
  const times = Object.values(info?.stale ?? {}).map((freshness) => freshness!.asOf).sort();
  return times[0] === undefined ? undefined : { asOf: times[0] };
}

/**
 * One queue's jobs, newest first, filtered by state through tabs that show each state's count.
 * Where the display policy lists searchable payload fields (the session's `dataFields`), a filter
 * "field = value" narrows the jobs to a payload value, and a column shows each job's values of the
 * first few of those fields, as the policy shows them.
 * Pages load through the API's cursors; "Load more" appends the next page below the ones shown.
 * Operators who may act get checkboxes, bulk actions on the selection, and actions on every job in
 * the current state ("Retry all 127 failed jobs"); each goes through `<ops-jobs-action-dialog>`,
 * after which the list refreshes in place. Inside `<ops-jobs-console>` it also reloads in place
 * when the live stream says its queue changed, keeping the rows shown, the scroll position, the
 * selection (of jobs still listed) and an open dialog. Jobs new at the head of the list come in
 * straight away only while the operator is at the top of the first page; once they have scrolled
 * down or loaded more, new jobs are held back above the rows shown, so nothing moves under what
 * they read, and a "12 new jobs" button (announced politely) brings them in.
 *
 * Keyboard: each job row is one Tab stop, its link to the job. On it, Enter opens the job, Space
 * selects or unselects it (Shift+Space the range from the job last picked), and the up and down
 * arrows move to the job above or below. The row's checkbox stays for pointers, touch and the
 * reading cursor of a screen reader, out of the Tab order; the link says when its job is selected.
 *
 * @attr queue - the queue's name.
 * @attr state - the state to list (`failed`, ...); absent lists every state.
 * @prop data - payload conditions, `{ "customer.id": "cus_42" }`, on fields the session's
 *   `dataFields` lists; in the console they come from the page address (`?data.customer.id=cus_42`).
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart states - the state filter.
 * @csspart data-filter - the payload filter ("customer.id = cus_42"), when the display policy lists searchable fields.
 * @csspart table - the job table's card.
 * @csspart load-more - the "Load more" button.
 * @csspart bulk - the bar of bulk actions.
 * @csspart new-jobs - the button that brings in the jobs held back while the operator reads.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-state-<state> - the solid colour of a job state (bars, dots), such as `--ops-jobs-state-failed`.
 */
export class OpsJobsJobList extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, stateColors, viewStyles, actionStyles, jobListStyles, selectionStyles, payloadCellStyles];

  @property() queue = '';
  @property({ converter: (value) => (isJobState(value) ? value : null) }) state: JobState | null = null;
  /** Payload conditions (dotted field path to text value), on fields the display policy marks searchable. */
  @property({ attribute: false }) data: JobDataFilter | undefined = undefined;
  @internal() private announcement = '';
  @internal() private dialogFailed = false;

  protected override needsSession = true;
  readonly #selection = new JobSelection(SELECTION_CAP.default);
  /** The row last ticked, where a shift-click range starts. */
  #anchor: string | null = null;
  /** Whether the job page's code has been asked for, ahead of the first job opened. */
  #jobPageAsked = false;
  /** How many of the first items are new jobs held back from the rows shown. */
  #held = 0;
  /** The ids of the rows shown, against which the next reload tells new jobs apart. */
  #known = new Set<string>();
  /** The items the held-back count was worked out for. */
  #settled: readonly JobSummaryResponse[] = [];

  readonly #info = new LoadController(this, {
    args: () => (this.queue ? ([this.api, this.queue] as const) : null),
    task: ([api, queue], signal) => api.queue(queue, signal),
  });

  readonly #pages = new CursorPager(this, {
    args: () => (this.queue ? ([this.api, this.queue, this.state, jobDataKey(this.data ?? {})] as const) : null),
    page: async ([api, queue, state], cursor, signal, size) => {
      const data = this.data ?? {};
      // A background reload asks for exactly the rows it lacks: more would add rows under the reader.
      const limit = size ? Math.min(PAGE_SIZE.max, Math.max(PAGE_SIZE.min, size)) : PAGE_SIZE.default;
      // A server that stopped early (to keep each request's reads bounded) is asked to go on, a
      // few times, so the page fills when matches lie a little further down the queue.
      const jobs: JobSummaryResponse[] = [];
      let next = cursor;
      for (let round = 0; round < KEEP_LOOKING_ROUNDS; round++) {
        const page = await api.jobs(queue, { state, limit: limit - jobs.length, cursor: next, ...(Object.keys(data).length > 0 ? { data } : {}) }, signal);
        jobs.push(...page.jobs);
        next = page.nextCursor;
        if (!page.stoppedEarly || next === null || jobs.length >= limit) break;
      }
      return { items: jobs, nextCursor: next };
    },
  });

  readonly #sync = new LiveSync(this, {
    live: () => this.live,
    reload: async () => {
      // While new jobs are held back, as many more are read as arrived, so the rows shown stay whole
      // (the jobs already held back are among the items read).
      const extra = (read: readonly JobSummaryResponse[]) => (this.#reading() ? Math.max(0, Math.min(this.#newAtHead(read), PAGE_SIZE.max) - this.#held) : 0);
      await Promise.all([this.#info.revalidate(), this.#pages.revalidate(extra)]);
    },
    queuesConcern: (event) => event.queues.some((queue) => queue.name === this.queue),
    actionConcerns: (event) => event.queue === this.queue,
  });

  /** Whether the current state's tab still has to be scrolled into sight. */
  #centerTab = true;

  constructor() {
    super();
    this.addEventListener('ops-jobs-action-done', () => {
      this.#selection.clear();
      void this.refresh();
    });
    // After a drifted or pointless action the list is stale; loading it again also drops jobs
    // that left this state from the selection.
    this.addEventListener('ops-jobs-action-close', (event) => {
      if (event.stale) void this.refresh();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const dataChanged = changed.has('data') && jobDataKey(changed.get('data') ?? {}) !== jobDataKey(this.data ?? {});
    if (changed.has('queue') || changed.has('state') || dataChanged) {
      this.announcement = '';
      this.#centerTab = true;
      this.#selection.clear();
    }
    this.#settle();
    this.#selection.cap = this.operator?.limits.cap ?? SELECTION_CAP.default;
    if (this.#pages.status === LOAD_STATUS.complete) this.#selection.retain(this.#rows);
  }

  /** The jobs shown: every job read, but those held back. */
  get #rows(): readonly JobSummaryResponse[] {
    return this.#held > 0 ? this.#pages.items.slice(this.#held) : this.#pages.items;
  }

  /** How many of `items`, from the first, are not among the rows shown. */
  #newAtHead(items: readonly JobSummaryResponse[]): number {
    let count = 0;
    while (count < items.length && !this.#known.has(items[count]!.id)) count++;
    return count;
  }

  /**
   * Whether new rows at the head would move what the operator reads: they hold some back already,
   * have loaded more than the first page, or have scrolled the page or the table's top away.
   */
  #reading(): boolean {
    if (this.#held > 0 || this.#known.size > PAGE_SIZE.default || window.scrollY > 0) return true;
    const table = this.renderRoot.querySelector('table');
    return table !== null && table.getBoundingClientRect().top < 0;
  }

  /** Works out, once per change of the items read, which of them are held back. */
  #settle(): void {
    const items = this.#pages.items;
    if (items === this.#settled) return;
    this.#settled = items;
    const before = this.#held;
    if (this.#pages.itemsFrom === 'revalidate' && this.#known.size > 0 && this.#reading()) {
      const fresh = this.#newAtHead(items);
      // Nothing left of what they read (more arrived than one reload reads): show what there is.
      this.#held = fresh < items.length ? fresh : 0;
    } else if (this.#pages.itemsFrom !== 'more') {
      this.#held = 0;
    }
    this.#known = new Set(this.#rows.map((job) => job.id));
    if (this.#held > 0 && this.#held !== before) this.announcement = newJobsText(this.#held);
  }

  /** Shows the jobs held back and takes focus to the first of them. */
  readonly #bringIn = async (): Promise<void> => {
    this.#held = 0;
    this.#known = new Set(this.#pages.items.map((job) => job.id));
    this.announcement = '';
    this.requestUpdate();
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('tbody td.id a');
    first?.scrollIntoView({ block: 'start' });
    first?.focus({ preventScroll: true });
  };

  get #scope(): ActionScope {
    return { deadLetter: (this.#info.value?.deadLetterFor?.length ?? 0) > 0 };
  }

  /** Whether the operator may take some action here, so rows get checkboxes. */
  get #selectable(): boolean {
    return mayActOnAny(this.operator, this.#scope);
  }

  async #act(request: ActionRequest): Promise<void> {
    this.dialogFailed = !(await openActionDialog(this.renderRoot, request));
  }

  protected override updated(): void {
    // A job's page is the next step from the list: its code loads once rows show, so opening one does not wait for it.
    if (!this.#jobPageAsked && this.#pages.items.length > 0) {
      this.#jobPageAsked = true;
      ensureDefined('ops-jobs-job-detail').catch(() => {});
    }
    // On narrow screens the state filter scrolls sideways: keep the current state in sight.
    if (this.#centerTab) {
      if (this.#info.status === LOAD_STATUS.complete || this.#info.status === LOAD_STATUS.error) this.#centerTab = false;
      const nav = this.renderRoot.querySelector<HTMLElement>('.states');
      const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
      if (nav && current && nav.scrollWidth > nav.clientWidth) {
        const box = nav.getBoundingClientRect();
        const tab = current.getBoundingClientRect();
        nav.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
      }
    }
  }

  /** Loads the counts and the first page again. */
  override async refresh(): Promise<void> {
    await Promise.all([this.#info.rerun(), this.#pages.reload()]);
  }

  readonly #reload = (): void => void this.refresh();

  override render() {
    const info = this.#info.value?.name === this.queue ? this.#info.value : undefined;
    const busy = this.#pages.status === LOAD_STATUS.pending;
    return html`
      <header class="head">
        <div>
          <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href=${this.href(routes.overview())}>${msg('Queues')}</a></nav>
          <h1 tabindex="-1">${this.queue}</h1>
          <p class="sub">${info ? this.#summary(info) : html`&nbsp;`}</p>
        </div>
        <div class="tools">
          ${queueActionButton(this.operator, info, (request) => void this.#act(request))}
          ${refreshButton(busy, msg('Refresh jobs'), this.#reload)}
        </div>
      </header>
      ${this.#pages.status === LOAD_STATUS.error || this.#bulkShown ? '' : dialogLoadError(this.dialogFailed)}
      ${this.#pages.status === LOAD_STATUS.error
        ? html`<ops-jobs-problem .error=${this.#pages.error} subject="queue">
            <a slot="actions" href=${this.href(routes.overview())}>${msg('All queues')}</a>
          </ops-jobs-problem>`
        : html`${this.#stateFilter(info)}${this.#dataFilter()}${this.#bulk(info)}${this.#newJobs()}${this.#table()}${this.#footer(info)}`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${actionDialogFor(this.operator, this.api, (route) => this.href(route))}
    `;
  }

  #summary(info: QueueResponse): TemplateResult {
    const about = Object.keys(info.stale).length > 0;
    return html`${info.paused ? html`${pausedTag(true)}<span class="sep" aria-hidden="true">·</span>` : ''}<span>${about ? plural(info.total, 'about {count} job', 'about {count} jobs') : jobCount(info.total)}</span>
      <span class="sep" aria-hidden="true">·</span><a href=${this.href(routes.queueActivity(info.name))}>${msg('Activity and settings')}</a>
      <span class="sep" aria-hidden="true">·</span><a href=${this.href(routes.queueChronology(info.name))}>${msg('Chronology')}</a>
      ${info.deadLetterQueue
        ? html`<span class="sep" aria-hidden="true">·</span><span
              >${deadLetterIcon} ${msg('Dead letters to')} <a href=${this.href(routes.queue(info.deadLetterQueue))}>${info.deadLetterQueue}</a></span
            >`
        : ''}${info.deadLetterFor?.length
        ? html`<span class="sep" aria-hidden="true">·</span><span
              >${deadLetterIcon} ${msg('Dead letters from')} ${info.deadLetterFor.map((queue, index) => html`${index > 0 ? ', ' : ''}<a href=${this.href(routes.queue(queue, 'failed'))}>${queue}</a>`)}</span
            >`
        : ''}`;
  }

  #stateFilter(info: QueueResponse | undefined): TemplateResult {
    const states = this.session || !info ? this.states : this.states.filter((state) => info.counts[state] !== undefined);
    const tab = (state: JobState | null, label: string, count: number | undefined, freshness?: CountFreshness) => html`<a
      class=${state ? `state-${state}` : ''}
      href=${this.href(routes.queue(this.queue, state, this.data ?? {}))}
      aria-current=${this.state === state ? 'page' : 'false'}
      >${state ? html`<span class="dot" aria-hidden="true"></span>` : ''}${label}${count !== undefined
        ? html`<span class="n ${count > 0 ? 'some' : ''}" aria-label="(${formatCount(count)}${freshness ? `, ${freshnessNote(freshness)}` : ''})" title=${freshnessNote(freshness)}>${countText(count, freshness)}</span>`
        : ''}</a
    >`;
    return html`<nav part="states" class="states" aria-label=${msg('Job states')}>
      ${tab(null, msg('All'), info?.total, totalFreshness(info))} ${states.map((state) => tab(state, stateLabel(state), info?.counts[state], info?.stale[state]))}
    </nav>`;
  }

  /** The payload fields the operator may filter on, as the session lists them. */
  get #dataFields(): readonly string[] {
    return this.operator?.dataFields ?? [];
  }

  get #filtered(): boolean {
    return Object.keys(this.data ?? {}).length > 0;
  }

  readonly #setData = (data: JobDataFilter): void => {
    if (this.router) this.router.navigate(routes.queue(this.queue, this.state, data));
    else this.data = data;
  };

  /** The payload filter, whose code loads only where the policy lists fields or a filter is in force. */
  #dataFilter(): TemplateResult | string {
    if (this.#dataFields.length === 0 && !this.#filtered) return '';
    ensureDefined('ops-jobs-data-filter').catch(() => {});
    return html`<ops-jobs-data-filter part="data-filter" .fields=${this.#dataFields} .data=${this.data ?? {}}
      @ops-jobs-data-filter-change=${(event: OpsJobsDataFilterChangeEvent) => this.#setData(event.data)}></ops-jobs-data-filter>`;
  }

  /** Whether the bulk bar shows, with its own place for the dialog's load error. */
  get #bulkShown(): boolean {
    return this.operator !== undefined && this.#pages.items.length > 0;
  }

  #bulk(info: QueueResponse | undefined): TemplateResult | string {
    const session = this.operator;
    if (!session || !this.#bulkShown) return '';
    return html`<div part="bulk" class="bulk-wrap">${bulkBar({
      session,
      queue: this.queue,
      state: this.state,
      stateCount: this.state ? info?.counts[this.state] : undefined,
      data: this.data ?? {},
      scope: this.#scope,
      selection: this.#selection,
      shown: this.#rows,
      selectable: this.#selectable,
      onAction: (request) => void this.#act(request),
      onClear: () => this.#setAll(false),
      onSelectAll: (selected) => this.#setAll(selected),
    })}${dialogLoadError(this.dialogFailed)}</div>`;
  }

  #newJobs(): TemplateResult | string {
    if (this.#held === 0) return '';
    return html`<div class="new-jobs-wrap"><button part="new-jobs" type="button" class="primary new-jobs" @click=${this.#bringIn}>
      ${arrowUpIcon}${newJobsText(this.#held)}
    </button></div>`;
  }

  #setAll(selected: boolean): void {
    if (selected) this.#selection.setAll(this.#rows, true);
    else this.#selection.clear();
    this.#anchor = null;
    this.announcement = selected ? plural(this.#selection.size, '{count} job selected.', '{count} jobs selected.') : msg('Selection cleared.');
    this.requestUpdate();
  }

  #pick(job: JobSummaryResponse, event: MouseEvent): void {
    const selected = (event.target as HTMLInputElement).checked;
    const items = this.#rows;
    const from = event.shiftKey && this.#anchor !== null ? items.findIndex((item) => item.id === this.#anchor) : -1;
    const to = items.indexOf(job);
    if (from >= 0 && to >= 0) this.#selection.setAll(items.slice(Math.min(from, to), Math.max(from, to) + 1), selected);
    else if (!this.#selection.set(job, selected)) (event.target as HTMLInputElement).checked = false;
    this.#anchor = job.id;
    this.requestUpdate();
  }

  /** The keyboard model of a row's link: Space selects, the arrows move between rows. */
  #onRowKey(job: JobSummaryResponse, event: KeyboardEvent): void {
    const link = event.currentTarget as HTMLElement;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const row = link.closest('tr');
      const next = event.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
      const target = next?.querySelector<HTMLElement>('td.id a');
      if (target) {
        event.preventDefault();
        target.focus();
      }
      return;
    }
    if (event.key !== ' ' || !this.#selectable || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const box = link.closest('tr')?.querySelector<HTMLInputElement>('td.select input');
    // The same path as a click on the checkbox, Shift included; a full selection leaves it disabled.
    box?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: event.shiftKey }));
    this.announcement = box?.checked
      ? msg('Job {id} selected; {count} selected.', { id: shortId(job.id), count: formatCount(this.#selection.size) })
      : msg('Job {id} not selected; {count} selected.', { id: shortId(job.id), count: formatCount(this.#selection.size) });
  }

  #table(): TemplateResult {
    const pages = this.#pages;
    if (pages.status !== LOAD_STATUS.complete && pages.items.length === 0) {
      return html`<div class="card table-card" role="status" aria-busy="true" aria-label=${msg('Loading jobs')}>
        ${[0, 1, 2, 3, 4, 5].map(() => html`<span class="skeleton row-s"></span>`)}
      </div>`;
    }
    if (pages.items.length === 0) return this.#empty();
    const label = this.state ? msg('{state} jobs in {queue}', { state: stateLabel(this.state), queue: this.queue }) : msg('Jobs in {queue}', { queue: this.queue });
    const selectable = this.#selectable;
    return html`<div part="table" class="card table-card ${selectable ? 'selectable' : ''}">
      <table class="stack" role="table" aria-label=${label} aria-describedby="rows-hint">
        <thead role="rowgroup">
          <tr role="row">
            ${selectable ? html`<th role="columnheader" scope="col" class="select"><span class="visually-hidden">${msg('Selected')}</span></th>` : ''}
            <th role="columnheader" scope="col">${msg('Job')}</th>
            <th role="columnheader" scope="col">${msg('State')}</th>
            <th role="columnheader" scope="col" class="n">${msg('Attempts')}</th>
            <th role="columnheader" scope="col">${msg('Created')}</th>
            <th role="columnheader" scope="col">${msg('Started')}</th>
            <th role="columnheader" scope="col">${msg('Finished')}</th>
            ${this.#dataFields.length > 0 ? payloadHeader() : ''}
            <th role="columnheader" scope="col">${msg('Error')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${this.#rows.map((job) => this.#row(job, selectable))}
        </tbody>
      </table>
      <p id="rows-hint" class="keys-hint">${selectable ? msg('One Tab stop per job: Space selects, Shift+Space a range, Enter opens, ↑ ↓ move.') : msg('One Tab stop per job: Enter opens, ↑ ↓ move.')}</p>
    </div>`;
  }

  #row(job: JobSummaryResponse, selectable: boolean): TemplateResult {
    const spent = job.attempts.max > 0 && job.attempts.made >= job.attempts.max;
    const picked = selectable && this.#selection.has(job.id);
    return html`<tr role="row" class=${picked ? 'picked' : ''}>
      ${selectable
        ? html`<td role="cell" class="select"><label class="pick">
            <input type="checkbox" tabindex="-1" aria-label=${msg('Select job {id}', { id: job.id })} .checked=${picked} ?disabled=${!picked && this.#selection.full}
              @click=${(event: MouseEvent) => this.#pick(job, event)} />
          </label></td>`
        : ''}
      <td role="cell" class="id">
        <a href=${this.href(routes.job(job.queue, job.id))} title=${job.id} aria-label=${picked ? msg('Job {id}, selected', { id: job.id }) : msg('Job {id}', { id: job.id })}
          @keydown=${(event: KeyboardEvent) => this.#onRowKey(job, event)}>${shortId(job.id)}</a>
      </td>
      <td role="cell" class="state"><ops-jobs-state-badge state=${job.state}></ops-jobs-state-badge>${job.deadLetteredFrom
          ? html`<span class="origin">${msg('from {queue}', { queue: job.deadLetteredFrom.queue })}</span>`
          : ''}</td>
      <td role="cell" class="n attempts-cell" data-label=${msg('Attempts')}>
        <span class="attempts ${spent && job.state === 'failed' ? 'spent' : ''}">${formatCount(job.attempts.made)} / ${formatCount(job.attempts.max)}</span>
      </td>
      <td role="cell" class="time" data-label=${msg('Created')}><ops-jobs-relative-time datetime=${job.createdAt}></ops-jobs-relative-time></td>
      <td role="cell" class="time started" data-label=${msg('Started')}><ops-jobs-relative-time .datetime=${job.startedAt}></ops-jobs-relative-time></td>
      <td role="cell" class="time" data-label=${msg('Finished')}><ops-jobs-relative-time .datetime=${job.finishedAt}></ops-jobs-relative-time></td>
      ${this.#dataFields.length > 0 ? payloadCell(job, this.#dataFields) : ''}
      <td role="cell" class="error">${job.errorMessage
          ? html`<span class="excerpt" dir="auto" title=${job.errorMessage.slice(0, 1000)}>${job.errorMessage.slice(0, 300)}</span>`
          : ''}</td>
    </tr>`;
  }

  #empty(): TemplateResult {
    if (this.#filtered && this.#pages.nextCursor === null) {
      return html`<div class="card empty">
        ${inboxIcon}<strong>${msg('No jobs match the payload filter')}</strong>
        <span>${msg('Check the value: it is compared as text, whole.')}</span>
        <button type="button" @click=${() => this.#setData({})}>${msg('Show jobs without the payload filter')}</button>
      </div>`;
    }
    if (this.#pages.nextCursor !== null) {
      return html`<div class="card empty">
        ${inboxIcon}<strong>${this.state ? msg('No {state} jobs among the newest jobs yet', { state: stateWord(this.state) }) : msg('No jobs among the newest jobs yet')}</strong>
        <span>${msg('The search stopped early to keep the database light; older jobs may still match.')}</span>
        <button type="button" @click=${this.#more} ?disabled=${this.#pages.moreStatus === LOAD_STATUS.pending}>${msg('Keep looking')}</button>
      </div>`;
    }
    return html`<div class="card empty">
      ${inboxIcon}<strong>${this.state ? msg('No {state} jobs', { state: stateWord(this.state) }) : msg('No jobs')}</strong>
      <span>${this.state ? msg('Nothing in {queue} is {state} right now.', { queue: this.queue, state: stateWord(this.state) }) : msg('{queue} holds no jobs.', { queue: this.queue })}</span>
      ${this.state ? html`<a href=${this.href(routes.queue(this.queue))}>${msg('Show jobs in every state')}</a>` : ''}
    </div>`;
  }

  #footer(info: QueueResponse | undefined): TemplateResult | string {
    const count = this.#rows.length;
    const of = info && !this.#filtered ? (this.state ? info.counts[this.state] : info.total) : undefined;
    const shown = of !== undefined && of >= count
      ? plural(of, 'Showing {shown} of {count} job', 'Showing {shown} of {count} jobs', { shown: formatCount(count) })
      : plural(count, 'Showing {count} job', 'Showing {count} jobs');
    return pagerFooter(this.#pages, PAGE_SIZE.default, shown, msg('Could not load more jobs.'), this.#more);
  }

  readonly #more = async (): Promise<void> => {
    const said = await loadMoreAnnounced(this.#pages, (added, shown) => plural(added, 'Loaded {count} more job, {shown} shown.', 'Loaded {count} more jobs, {shown} shown.', { shown }));
    if (said) this.announcement = said;
  };
}

/** "1 new job", "12 new jobs". */
function newJobsText(count: number): string {
  return plural(count, '{count} new job', '{count} new jobs');
}
