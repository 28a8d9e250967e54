import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state as internal } from 'lit/decorators.js';
import type { JobState } from '../../core/contracts/jobs.ts';
import type { JobSummaryResponse, QueueResponse } from '../../core/http/wire.ts';
import { CursorPager } from '../controllers/cursor-pager.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatCount, shortId } from '../shared/format.ts';
import { deadLetterIcon, inboxIcon, refreshIcon } from '../shared/icons.ts';
import { isJobState, STATE_LABELS } from '../shared/job-states.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { jobListStyles } from './job-list.styles.ts';

/** Jobs per page. */
const PAGE_SIZE = 50;

/**
 * One queue's jobs, newest first, filtered by state through tabs that show each state's count.
 * Pages load through the API's cursors; "Load more" appends the next page below the ones shown.
 *
 * @attr queue - the queue's name.
 * @attr state - the state to list (`failed`, ...); absent lists every state.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart states - the state filter.
 * @csspart table - the job table's card.
 * @csspart load-more - the "Load more" button.
 */
export class OpsJobsJobList extends ViewElement {
  static override styles = [tokens, themeScheme, controls, stateColors, viewStyles, jobListStyles];

  @property() queue = '';
  @property({ converter: (value) => (isJobState(value) ? value : null) }) state: JobState | null = null;
  @internal() private announcement = '';

  readonly #info = new LoadController(this, {
    args: () => (this.queue ? ([this.api, this.queue] as const) : null),
    task: ([api, queue], signal) => api.queue(queue, signal),
  });

  readonly #pages = new CursorPager(this, {
    args: () => (this.queue ? ([this.api, this.queue, this.state] as const) : null),
    page: async ([api, queue, state], cursor, signal) => {
      const page = await api.jobs(queue, { state, limit: PAGE_SIZE, cursor }, signal);
      return { items: page.jobs, nextCursor: page.nextCursor };
    },
  });

  /** Whether the current state's tab still has to be scrolled into sight. */
  #centerTab = true;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('queue') || changed.has('state')) {
      this.announcement = '';
      this.#centerTab = true;
    }
  }

  protected override updated(): void {
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
          <nav class="crumbs" aria-label="Breadcrumbs"><a href=${this.href(routes.overview())}>Queues</a></nav>
          <h1 tabindex="-1">${this.queue}</h1>
          <p class="sub">${info ? this.#summary(info) : html`&nbsp;`}</p>
        </div>
        <div class="tools">
          <button type="button" @click=${this.#reload} aria-label="Refresh jobs">
            <span class=${busy ? 'spin' : ''}>${refreshIcon}</span><span class="label">Refresh</span>
          </button>
        </div>
      </header>
      ${this.#pages.status === LOAD_STATUS.error
        ? html`<ops-jobs-problem .error=${this.#pages.error} subject="queue">
            <a slot="actions" href=${this.href(routes.overview())}>All queues</a>
          </ops-jobs-problem>`
        : html`${this.#stateFilter(info)}${this.#table()}${this.#footer(info)}`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  #summary(info: QueueResponse): TemplateResult {
    return html`<span>${formatCount(info.total)} ${info.total === 1 ? 'job' : 'jobs'}</span>
      ${info.deadLetterQueue
        ? html`<span class="sep" aria-hidden="true">·</span><span
              >${deadLetterIcon} Dead letters to <a href=${this.href(routes.queue(info.deadLetterQueue, 'failed'))}>${info.deadLetterQueue}</a></span
            >`
        : ''}`;
  }

  #stateFilter(info: QueueResponse | undefined): TemplateResult {
    const states = this.session || !info ? this.states : this.states.filter((state) => info.counts[state] !== undefined);
    const tab = (state: JobState | null, label: string, count: number | undefined) => html`<a
      class=${state ? `state-${state}` : ''}
      href=${this.href(routes.queue(this.queue, state))}
      aria-current=${this.state === state ? 'page' : 'false'}
      >${state ? html`<span class="dot" aria-hidden="true"></span>` : ''}${label}${count !== undefined
        ? html`<span class="n ${count > 0 ? 'some' : ''}" aria-label="(${formatCount(count)})">${formatCount(count)}</span>`
        : ''}</a
    >`;
    return html`<nav part="states" class="states" aria-label="Job states">
      ${tab(null, 'All', info?.total)} ${states.map((state) => tab(state, STATE_LABELS[state], info?.counts[state]))}
    </nav>`;
  }

  #table(): TemplateResult {
    const pages = this.#pages;
    if (pages.status !== LOAD_STATUS.complete && pages.items.length === 0) {
      return html`<div class="card table-card" aria-busy="true" aria-label="Loading jobs">
        ${[0, 1, 2, 3, 4, 5].map(() => html`<span class="skeleton row-s"></span>`)}
      </div>`;
    }
    if (pages.items.length === 0) return this.#empty();
    const label = this.state ? `${STATE_LABELS[this.state]} jobs in ${this.queue}` : `Jobs in ${this.queue}`;
    return html`<div part="table" class="card table-card">
      <table role="table" aria-label=${label}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">Job</th>
            <th role="columnheader" scope="col">State</th>
            <th role="columnheader" scope="col" class="n">Attempts</th>
            <th role="columnheader" scope="col">Created</th>
            <th role="columnheader" scope="col">Started</th>
            <th role="columnheader" scope="col">Finished</th>
            <th role="columnheader" scope="col">Error</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${pages.items.map((job) => this.#row(job))}
        </tbody>
      </table>
    </div>`;
  }

  #row(job: JobSummaryResponse): TemplateResult {
    const spent = job.attempts.max > 0 && job.attempts.made >= job.attempts.max;
    return html`<tr role="row">
      <td role="cell" class="id">
        <a href=${this.href(routes.job(job.queue, job.id))} title=${job.id} aria-label="Job ${job.id}">${shortId(job.id)}</a>
      </td>
      <td role="cell" class="state"><ops-jobs-state-badge state=${job.state}></ops-jobs-state-badge></td>
      <td role="cell" class="n attempts-cell" data-label="Attempts">
        <span class="attempts ${spent && job.state === 'failed' ? 'spent' : ''}">${job.attempts.made} / ${job.attempts.max}</span>
      </td>
      <td role="cell" class="time" data-label="Created"><ops-jobs-relative-time datetime=${job.createdAt}></ops-jobs-relative-time></td>
      <td role="cell" class="time started" data-label="Started"><ops-jobs-relative-time .datetime=${job.startedAt}></ops-jobs-relative-time></td>
      <td role="cell" class="time" data-label="Finished"><ops-jobs-relative-time .datetime=${job.finishedAt}></ops-jobs-relative-time></td>
      <td role="cell" class="error">${job.errorMessage
          ? html`<span class="excerpt" title=${job.errorMessage.slice(0, 1000)}>${job.errorMessage.slice(0, 300)}</span>`
          : ''}</td>
    </tr>`;
  }

  #empty(): TemplateResult {
    const what = this.state ? `${STATE_LABELS[this.state].toLowerCase()} jobs` : 'jobs';
    return html`<div class="card empty">
      ${inboxIcon}<strong>No ${what}</strong>
      <span>${this.state ? `Nothing in ${this.queue} is ${STATE_LABELS[this.state].toLowerCase()} right now.` : `${this.queue} holds no jobs.`}</span>
      ${this.state ? html`<a href=${this.href(routes.queue(this.queue))}>Show jobs in every state</a>` : ''}
    </div>`;
  }

  #footer(info: QueueResponse | undefined): TemplateResult | string {
    const pages = this.#pages;
    if (pages.items.length === 0) return '';
    const of = info ? (this.state ? info.counts[this.state] : info.total) : undefined;
    const shown = `Showing ${formatCount(pages.items.length)}${of !== undefined && of >= pages.items.length ? ` of ${formatCount(of)}` : ''} jobs`;
    const loading = pages.moreStatus === LOAD_STATUS.pending;
    return html`<div class="footer">
      <span id="shown">${shown}</span>
      ${pages.moreStatus === LOAD_STATUS.error
        ? html`<span class="more-error" role="alert">Could not load more jobs.</span>`
        : ''}
      ${pages.nextCursor !== null
        ? html`<button part="load-more" type="button" @click=${this.#more} ?disabled=${loading} aria-describedby="shown">
            ${loading ? html`<span class="spin">${refreshIcon}</span> Loading…` : pages.moreStatus === LOAD_STATUS.error ? 'Try again' : `Load ${PAGE_SIZE} more`}
          </button>`
        : pages.items.length > PAGE_SIZE
          ? html`<span>End of list</span>`
          : ''}
    </div>`;
  }

  async #more(): Promise<void> {
    const before = this.#pages.items.length;
    await this.#pages.loadMore();
    const added = this.#pages.items.length - before;
    if (added > 0) this.announcement = `Loaded ${formatCount(added)} more jobs, ${formatCount(this.#pages.items.length)} shown.`;
  }
}
