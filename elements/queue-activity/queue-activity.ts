import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ActivityPoint, ActivityWindow, QueueActivityResponse, QueueResponse } from '../../core/vocabulary/wire.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatDuration } from '../shared/format.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { activityChart } from './activity-chart.ts';
import { queueActivityStyles } from './queue-activity.styles.ts';
import { intlLocale, msg, plural } from '../shared/locale.ts';
import { configureOption } from '../actions/action-availability.ts';
import { actionCopy } from '../actions/action-copy.ts';
import { actionDialogFor, dialogLoadError, openActionDialog } from '../actions/dialog-template.ts';
import { slidersIcon } from '../shared/icons.ts';
import { settingName } from '../shared/queue-setting-words.ts';
import type { QueueSettingValue } from '../../core/vocabulary/queue-settings.ts';
import { settingsForm, settingsFormStyles } from './settings-form.ts';

const windows = (): readonly { readonly window: ActivityWindow; readonly label: string }[] => [
  { window: '1h', label: msg('Last hour') },
  { window: '24h', label: msg('Last day') },
];

// Built per render, in the chosen locale: a view shows a few dozen figures at most.
const clock = (): Intl.DateTimeFormat => new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit' });
const dayAndClock = (): Intl.DateTimeFormat => new Intl.DateTimeFormat(intlLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const perMinute = (value: number) => msg('{rate}/min', { rate: new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(value) });
const seconds = (value: number) => formatDuration(value * 1000);

/**
 * A queue's settings and its activity over the last hour or day, from the engine's own statistics:
 * jobs made, completed and failed per minute, how long jobs waited and ran (median and 95th
 * percentile), and how long the oldest ready job had waited, each as a small chart with the same
 * figures as a table. Where the engine can change some settings and the operator may, "Edit
 * settings" opens a form whose changes go through the action dialog (preview, reason, audit).
 *
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 * @attr queue - the queue's name.
 *
 * @csspart settings - the queue's settings.
 * @csspart charts - the charts' card.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsQueueActivity extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, queueActivityStyles, settingsFormStyles];

  @property() queue = '';

  @state() private window: ActivityWindow = '24h';
  /** Whether the settings show as a form to change them. */
  @state() private editing = false;
  @state() private formNote = '';
  @state() private dialogFailed = false;

  protected override needsSession = true;

  constructor() {
    super();
    // A change of settings went through: read them again and leave the form.
    this.addEventListener('ops-jobs-action-done', (event) => {
      if (event.action !== 'queue.configure') return;
      this.editing = false;
      void this.#queue.rerun();
    });
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('queue')) this.editing = false;
  }

  readonly #queue = new LoadController(this, {
    args: () => (this.queue ? ([this.api, this.queue] as const) : null),
    task: ([api, queue], signal) => api.queue(queue, signal),
  });

  readonly #activity = new LoadController(this, {
    args: () => (this.queue ? ([this.api, this.queue, this.window] as const) : null),
    task: ([api, queue, window], signal) => api.queueActivity(queue, window, signal),
  });

  override async refresh(): Promise<void> {
    await Promise.all([this.#queue.rerun(), this.#activity.rerun()]);
  }

  override render() {
    const busy = this.#activity.status === LOAD_STATUS.pending;
    return html`
      <header class="head">
        <div>
          <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href=${this.href(routes.overview())}>${msg('Queues')}</a><span aria-hidden="true">/</span><a
            href=${this.href(routes.queue(this.queue))}>${this.queue}</a></nav>
          <h1 tabindex="-1">${msg('Activity and settings')}</h1>
          <p class="sub">${this.queue}</p>
        </div>
        <div class="tools">
          <div class="windows" role="group" aria-label=${msg('Time window')}>
            ${windows().map(({ window, label }) => html`<button type="button" aria-pressed=${this.window === window ? 'true' : 'false'}
              @click=${() => { this.window = window; }}>${label}</button>`)}
          </div>
          ${refreshButton(busy, msg('Refresh the activity'), () => void this.refresh())}
        </div>
      </header>
      ${this.#activity.render({
        pending: (previous) => (previous ? this.#charts(previous) : html`<div class="card charts" aria-busy="true" aria-label=${msg('Loading the activity')}><span class="skeleton block"></span></div>`),
        complete: (value) => this.#charts(value),
        error: (error) => html`<ops-jobs-problem .error=${error} subject="queue">
          <a slot="actions" href=${this.href(routes.overview())}>${msg('All queues')}</a>
        </ops-jobs-problem>`,
      })}
      ${this.#queue.value ? this.#settings(this.#queue.value) : ''}
      ${dialogLoadError(this.dialogFailed)}
      ${actionDialogFor(this.operator, this.api, (route) => this.href(route))}
    `;
  }

  #charts(activity: QueueActivityResponse): TemplateResult {
    if (!activity.recorded) {
      return html`<div part="charts" class="card empty">
        <strong>${msg('No history of this queue')}</strong>
        <span>${this.session?.engine.name.startsWith('pg-boss')
          ? html`${msg('pg-boss records a queue\'s activity when a process runs its supervision with')} <code>persistQueueStats: true</code>.`
          : msg('This engine keeps no statistics the console can read.')}</span>
      </div>`;
    }
    if (activity.points.length === 0) {
      return html`<div part="charts" class="card empty"><strong>${msg('Nothing recorded in this window')}</strong><span>${msg('Try the last 24 hours.')}</span></div>`;
    }
    const times = activity.points.map((point) => point.at);
    const pick = (key: keyof Omit<ActivityPoint, 'at'>) => activity.points.map((point) => point[key]);
    // A day's axis names the day too: both of its ends read the same time of day.
    const time = activity.window === '1h' ? clock() : dayAndClock();
    const base = { times, from: activity.from, to: activity.to, bucketSeconds: activity.bucketSeconds, formatTime: (iso: string) => time.format(new Date(iso)) };
    const failed = activity.points.reduce((sum, point) => sum + point.failedPerMinute, 0);
    return html`<div part="charts" class="card charts">
      <p class="note">${failed > 0
        ? plural(activity.points.length, 'Per {bucket}, from {count} stretch the engine recorded.', 'Per {bucket}, from {count} stretches the engine recorded.', { bucket: formatDuration(activity.bucketSeconds * 1000) })
        : plural(activity.points.length, 'Per {bucket}, from {count} stretch the engine recorded; no job failed for good.', 'Per {bucket}, from {count} stretches the engine recorded; no job failed for good.', { bucket: formatDuration(activity.bucketSeconds * 1000) })}</p>
      ${activityChart({
        ...base, id: 'throughput', title: msg('Jobs per minute'), format: perMinute,
        series: [
          { name: msg('Made'), className: 'made', values: pick('createdPerMinute') },
          { name: msg('Completed'), className: 'completed', values: pick('completedPerMinute') },
          { name: msg('Failed'), className: 'failed', values: pick('failedPerMinute') },
        ],
      })}
      ${activityChart({
        ...base, id: 'wait', title: msg('Waited before running'), format: seconds,
        series: [{ name: msg('Median'), className: 'p50', values: pick('waitP50') }, { name: msg('95th percentile'), className: 'p95', values: pick('waitP95') }],
      })}
      ${activityChart({
        ...base, id: 'run', title: msg('Ran for'), format: seconds,
        series: [{ name: msg('Median'), className: 'p50', values: pick('runP50') }, { name: msg('95th percentile'), className: 'p95', values: pick('runP95') }],
      })}
      ${activityChart({
        ...base, id: 'backlog', title: msg('Oldest ready job had waited'), format: seconds,
        series: [{ name: msg('Oldest ready job'), className: 'backlog', values: pick('readyOldestSeconds') }],
      })}
    </div>`;
  }

  #settings(queue: QueueResponse): TemplateResult {
    const entries = Object.entries(queue.settings);
    const option = configureOption(this.operator);
    const editable = this.operator?.engine.queueSettings ?? [];
    const editing = this.editing && option?.allowed === true;
    return html`<section part="settings" class="card settings" aria-labelledby="settings-title">
      <div class="title-row">
        <h2 id="settings-title">${editing ? msg('Edit settings') : msg('Settings')}</h2>
        ${option?.allowed && !editing
          ? html`<button type="button" class="edit-settings" title=${actionCopy('queue.configure').hint}
              @click=${() => { this.formNote = ''; this.editing = true; }}>${slidersIcon}<span>${msg('Edit settings')}</span></button>`
          : ''}
      </div>
      ${editing
        ? settingsForm(queue, editable, this.formNote, (values) => void this.#preview(queue, values), () => { this.editing = false; })
        : this.#settingsList(queue, entries)}
    </section>`;
  }

  /** Opens the action dialog on the changed values, or says there are none. */
  async #preview(queue: QueueResponse, values: Record<string, QueueSettingValue>): Promise<void> {
    if (Object.keys(values).length === 0) {
      this.formNote = msg('Change a value first: these are the queue\'s settings now.');
      return;
    }
    this.formNote = '';
    const request = { action: 'queue.configure' as const, target: { queue: queue.name }, settings: values, subject: msg('for queue {queue}', { queue: queue.name }) };
    this.dialogFailed = !(await openActionDialog(this.renderRoot, request));
  }

  #settingsList(queue: QueueResponse, entries: [string, string | number | boolean | null][]): TemplateResult {
    return html`<dl>
        <div><dt>${msg('Dead letters to')}</dt><dd>${queue.deadLetterQueue
          ? html`<a href=${this.href(routes.queue(queue.deadLetterQueue))}>${queue.deadLetterQueue}</a>`
          : html`<span class="muted">${msg('None')}</span>`}</dd></div>
        ${entries.map(([key, value]) => html`<div><dt>${settingName(key)}</dt><dd class="mono">${value === null ? '—' : String(value)}</dd></div>`)}
      </dl>`;
  }
}
