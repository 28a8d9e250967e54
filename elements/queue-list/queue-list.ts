import { property } from 'lit/decorators.js';
import { html, type TemplateResult } from 'lit';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { LiveQueuesEvent, QueueListResponse, QueueResponse } from '../../core/vocabulary/wire.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { LiveSync } from '../live/live-sync.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { cssProps } from '../shared/css-props.ts';
import { countText, freshnessNote } from '../shared/count-freshness.ts';
import { formatCount, formatRelativeExact } from '../shared/format.ts';
import { deadLetterIcon, inboxIcon } from '../shared/icons.ts';
import { pausedTag } from '../actions/queue-action.ts';
import { stateLabel, stateWord } from '../shared/state-copy.ts';
import { msg, plural } from '../shared/locale.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { ViewElement } from '../shared/view-element.ts';
import { ensureDefined } from '../lazy-elements.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { jobIdForm, jobIdFormStyles } from '../shared/job-id-form.ts';
import { countedStates, queueTotals } from './queue-totals.ts';
import { queueListStyles } from './queue-list.styles.ts';
import { filterQueues, queueFilter, queueFilterStyles } from './queue-filter.ts';

/** Totals shown as tiles above the table, when the engine counts them. */
const TILE_STATES: readonly JobState[] = ['failed', 'retrying', 'active', 'queued'];

/**
 * The overview: every queue with its job counts by state, failed counts first and loud, totals
 * across queues, and each queue's dead letter queue. Inside `<ops-jobs-console>` the counts follow
 * the live stream in place; a queue it does not know yet reloads the list. A text field narrows the
 * table to the queues whose name holds what is typed (the list already loaded; the page address
 * keeps it as `?q=`, so the narrowed list can be shared).
 *
 * @attr filter - show only the queues whose name holds this text (ignoring case).
 *
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart tiles - the totals above the table.
 * @csspart table - the queue table's card.
 * @csspart stale-note - the note under the table when some counts are the engine's estimates.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-state-<state> - the solid colour of a job state (bars, dots), such as `--ops-jobs-state-failed`.
 */
export class OpsJobsQueueList extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, stateColors, viewStyles, queueListStyles, jobIdFormStyles, queueFilterStyles];

  /** Show only the queues whose name holds this text (ignoring case). */
  @property() filter = '';

  readonly #load = new LoadController(this, {
    args: () => [this.api] as const,
    task: ([api], signal) => api.queues(signal),
  });

  readonly #sync = new LiveSync(this, {
    live: () => this.live,
    reload: () => this.#load.revalidate(),
    applyQueues: (event) => this.#apply(event),
    queuesConcern: (event) => event.queues.some((queue) => !this.#load.value?.queues.some((known) => known.name === queue.name)),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The findings come from a read of their own, after the queues: their code loads meanwhile.
    ensureDefined('ops-jobs-attention').catch(() => {});
  }

  /** Loads the queues again. */
  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  #apply(event: LiveQueuesEvent): void {
    const current = this.#load.value;
    if (!current) return;
    const changed = new Map(event.queues.map((queue) => [queue.name, queue]));
    this.#load.assign({ ...current, queues: current.queues.map((queue) => changed.get(queue.name) ?? queue) });
  }

  readonly #reload = (): void => void this.refresh();

  /** Whether the operator can look a job up by id here: the engine can, and they may see jobs. */
  get #canFind(): boolean {
    return this.session?.engine.jobLookup === true && this.session.permissions['jobs.view'];
  }

  #find(id: string): void {
    if (this.router) this.router.navigate(routes.findJob(id));
    else window.location.assign(this.href(routes.findJob(id)));
  }

  override render() {
    const loading = this.#load.status === LOAD_STATUS.pending;
    const data = this.#load.value;
    return html`
      <header class="head">
        <div>
          <h1 tabindex="-1">${msg('Queues')}</h1>
          <p class="sub">${data ? this.#summary(data) : html`<span>${msg('Loading…')}</span>`}</p>
        </div>
        <div class="tools">
          ${this.#canFind ? jobIdForm('', (id) => this.#find(id), 'find-job-id', this.session?.engine.jobLookupByPrefix === true) : ''}
          ${refreshButton(loading, msg('Refresh queues'), this.#reload)}
        </div>
      </header>
      ${this.#load.render({
        pending: (previous) => (previous ? this.#content(previous) : this.#skeleton()),
        complete: (value) => this.#content(value),
        error: (error) => html`<ops-jobs-problem .error=${error} subject="queue list"></ops-jobs-problem>`,
      })}
    `;
  }

  #summary(data: QueueListResponse): TemplateResult {
    const engine = this.session?.engine.name;
    const n = data.queues.length;
    return html`<span>${plural(n, '{count} queue', '{count} queues')}</span>${engine
        ? html`<span class="sep" aria-hidden="true">·</span><span>${engine}</span>`
        : ''}${this.#mayViewJobs ? '' : html`<span class="sep" aria-hidden="true">·</span><span>${msg('You may see counts, not jobs')}</span>`}`;
  }

  /** Narrows the table as the operator types, and keeps the text in the page address without a navigation. */
  readonly #setFilter = (text: string): void => {
    this.filter = text;
    if (this.router) history.replaceState(history.state, '', this.href(routes.overview(text.trim())));
  };

  #content(data: QueueListResponse): TemplateResult {
    const senders = deadLetterSenders(data.queues);
    if (data.queues.length === 0) {
      return html`<div class="card empty">
        ${inboxIcon}<strong>${msg('No queues yet')}</strong><span>${msg('Queues appear here once the application creates them.')}</span>
      </div>`;
    }
    const states = countedStates(data.queues, this.states, this.session !== undefined);
    const columns: JobState[] = states.includes('failed') ? ['failed', ...states.filter((s) => s !== 'failed')] : states;
    const shown = filterQueues(data.queues, this.filter);
    return html`<ops-jobs-attention class="attention" root=${this.root}></ops-jobs-attention>${this.#tiles(data.queues, states)}
      ${queueFilter(this.filter, shown.length, data.queues.length, this.#setFilter)}
      <div part="table" class="card table-card">
        <table role="table">
          <caption class="visually-hidden">${msg('Jobs in each queue by state')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">${msg('Queue')}</th>
              ${columns.map((state) => html`<th role="columnheader" scope="col" class="n ${state === 'failed' ? 'failed-col' : ''}">${stateLabel(state)}</th>`)}
              <th role="columnheader" scope="col" class="n">${msg('Total')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${shown.map((queue) => this.#row(queue, columns, states, senders.get(queue.name) ?? []))}
          </tbody>
        </table>
        ${shown.length === 0
          ? html`<div class="empty filter-empty"><strong>${msg('No queue\'s name holds “{text}”', { text: this.filter.trim() })}</strong>
              <button type="button" @click=${() => this.#setFilter('')}>${msg('Show all queues')}</button></div>`
          : ''}
      </div>${this.#staleNote(data.queues)}`;
  }

  /** A visible key to the ≈ marks: how old the oldest such figure is. */
  #staleNote(queues: readonly QueueResponse[]): TemplateResult | string {
    const times = queues.flatMap((queue) => Object.values(queue.stale).map((freshness) => Date.parse(freshness!.asOf)));
    if (times.length === 0) return '';
    return html`<p part="stale-note" class="stale-note">
      ≈ ${msg('About: the engine\'s own count from {time}, for figures too large to count on every request.', { time: formatRelativeExact(new Date(Math.min(...times))) })}
    </p>`;
  }

  #tiles(queues: readonly QueueResponse[], states: readonly JobState[]): TemplateResult {
    const totals = queueTotals(queues);
    const shown = TILE_STATES.filter((state) => states.includes(state));
    const failed = totals.byState.failed ?? 0;
    return html`<dl part="tiles" class="tiles">
      ${shown.map((state) => {
        const count = totals.byState[state] ?? 0;
        const alarm = state === 'failed' && count > 0;
        return html`<div class="card tile state-${state} ${alarm ? 'alarm' : ''}">
          <dt><span class="dot" aria-hidden="true"></span>${stateLabel(state)}</dt>
          <dd>${totals.staleStates.has(state) ? '≈' : ''}${formatCount(count)}${state === 'failed'
              ? html`<span class="note">${failed > 0 ? plural(queues.length, 'in {failing} of {count} queue', 'in {failing} of {count} queues', { failing: formatCount(totals.queuesWithFailures) }) : msg('none anywhere')}</span>`
              : ''}</dd>
        </div>`;
      })}
      <div class="card tile"><dt>${msg('All jobs')}</dt><dd>${totals.staleStates.size > 0 ? '≈' : ''}${formatCount(totals.total)}<span class="note">${plural(queues.length, 'across {count} queue', 'across {count} queues')}</span></dd></div>
    </dl>`;
  }

  /** Whether the operator may open a queue's jobs; unknown (no session) counts as yes. */
  get #mayViewJobs(): boolean {
    return this.session?.permissions['jobs.view'] !== false;
  }

  #row(queue: QueueResponse, columns: readonly JobState[], barStates: readonly JobState[], senders: readonly string[]): TemplateResult {
    return html`<tr role="row">
      <td role="cell" class="name">
        ${this.#mayViewJobs
          ? html`<a class="queue-name" href=${this.href(routes.queue(queue.name))}>${queue.name}</a>`
          : html`<span class="queue-name">${queue.name}</span>`}
        ${pausedTag(queue.paused)}
        ${this.#bar(queue, barStates)}
        ${queue.deadLetterQueue
          ? html`<div class="dlq">${deadLetterIcon}<span>${msg('Dead letters to')}</span>
              ${this.#mayViewJobs
                ? html`<a href=${this.href(routes.queue(queue.deadLetterQueue))} aria-label=${msg('Dead letter queue {queue}', { queue: queue.deadLetterQueue })}>${queue.deadLetterQueue}</a>`
                : html`<span>${queue.deadLetterQueue}</span>`}</div>`
          : ''}
        ${senders.length > 0 ? html`<div class="dlq">${deadLetterIcon}<span>${msg('Dead letters from {queues}', { queues: senders.join(', ') })}</span></div>` : ''}
      </td>
      ${columns.map((state) => this.#count(queue, state, senders.length > 0))}
      <td role="cell" class="n total" data-label=${msg('Total')}>${Object.keys(queue.stale).length > 0 ? `≈${formatCount(queue.total)}` : formatCount(queue.total)}</td>
    </tr>`;
  }

  /** `deadLetters`: the queue is another's dead letter queue, so its waiting jobs are dead letters to look at. */
  #count(queue: QueueResponse, state: JobState, deadLetters: boolean): TemplateResult {
    const count = queue.counts[state];
    const label = stateLabel(state);
    if (count === undefined) {
      const within = Object.entries(queue.stale).find(([, freshness]) => freshness?.includes?.includes(state))?.[0] as JobState | undefined;
      const why = within ? msg('Counted with {state}', { state: stateWord(within) }) : msg('Not counted by this engine');
      return html`<td role="cell" class="n" data-label=${label}><span class="count zero" title=${why}>—</span><span class="visually-hidden">${why}</span></td>`;
    }
    const freshness = queue.stale[state];
    const note = freshnessNote(freshness);
    const text = countText(count, freshness);
    if (count === 0 && !freshness) return html`<td role="cell" class="n" data-label=${label}><span class="count zero">0</span></td>`;
    const waitingDeadLetters = deadLetters && state === 'queued';
    const kind = `${state === 'failed' ? 'failed-count' : waitingDeadLetters ? 'dead-count' : 'count'}${freshness ? ' about' : ''}`;
    if (!this.#mayViewJobs) {
      return html`<td role="cell" class="n state-${state}" data-label=${label}>
        <span class=${kind} title=${note}>${text}</span>${note ? html`<span class="visually-hidden">(${note})</span>` : ''}
      </td>`;
    }
    const href = this.href(routes.queue(queue.name, state));
    const what = waitingDeadLetters
      ? plural(count, '{count} dead letter waiting in {queue}', '{count} dead letters waiting in {queue}', { queue: queue.name })
      : msg('{count} {state} in {queue}', { count: formatCount(count), state: stateWord(state), queue: queue.name });
    const name = `${what}${note ? ` (${note})` : ''}`;
    return html`<td role="cell" class="n state-${state}" data-label=${label}>
      <a class=${kind} href=${href} aria-label=${name} title=${note}>${text}</a>
    </td>`;
  }

  #bar(queue: QueueResponse, states: readonly JobState[]): TemplateResult | string {
    const total = states.reduce((sum, state) => sum + (queue.counts[state] ?? 0), 0);
    if (total === 0) return '';
    return html`<div class="bar" aria-hidden="true">
      ${states.map((state) => {
        const count = queue.counts[state] ?? 0;
        return count > 0 ? html`<span class="state-${state}" ${cssProps({ 'flex-grow': String(count) })} title="${stateLabel(state)}: ${formatCount(count)}"></span>` : '';
      })}
    </div>`;
  }

  #skeleton(): TemplateResult {
    return html`<div class="tiles" aria-hidden="true">
        ${[0, 1, 2, 3].map(() => html`<span class="skeleton tile-s"></span>`)}
      </div>
      <div class="card table-card" role="status" aria-busy="true" aria-label=${msg('Loading queues')}>
        ${[0, 1, 2, 3, 4].map(() => html`<span class="skeleton row-s"></span>`)}
      </div>`;
  }
}

/** For each queue that is another's dead letter queue, the queues that send their dead letters to it. */
function deadLetterSenders(queues: readonly QueueResponse[]): Map<string, string[]> {
  const senders = new Map<string, string[]>();
  for (const queue of queues) {
    if (queue.deadLetterQueue === null || queue.deadLetterQueue === queue.name) continue;
    senders.set(queue.deadLetterQueue, [...(senders.get(queue.deadLetterQueue) ?? []), queue.name]);
  }
  return senders;
}
