import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ActivityPoint, ActivityWindow, QueueActivityResponse, QueueResponse } from '../../core/vocabulary/wire.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatCount, formatDuration } from '../shared/format.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { activityChart } from './activity-chart.ts';
import { queueActivityStyles } from './queue-activity.styles.ts';

const WINDOWS: readonly { readonly window: ActivityWindow; readonly label: string }[] = [
  { window: '1h', label: 'Last hour' },
  { window: '24h', label: 'Last day' },
];

const rate = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndClock = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const perMinute = (value: number) => `${rate.format(value)}/min`;
const seconds = (value: number) => formatDuration(value * 1000);

/**
 * A queue's settings and its activity over the last hour or day, from the engine's own statistics:
 * jobs made, completed and failed per minute, how long jobs waited and ran (median and 95th
 * percentile), and how long the oldest ready job had waited, each as a small chart with the same
 * figures as a table.
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
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, queueActivityStyles];

  @property() queue = '';

  @state() private window: ActivityWindow = '24h';

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
          <nav class="crumbs" aria-label="Breadcrumbs"><a href=${this.href(routes.overview())}>Queues</a><span aria-hidden="true">/</span><a
            href=${this.href(routes.queue(this.queue))}>${this.queue}</a></nav>
          <h1 tabindex="-1">Activity and settings</h1>
          <p class="sub">${this.queue}</p>
        </div>
        <div class="tools">
          <div class="windows" role="group" aria-label="Time window">
            ${WINDOWS.map(({ window, label }) => html`<button type="button" aria-pressed=${this.window === window ? 'true' : 'false'}
              @click=${() => { this.window = window; }}>${label}</button>`)}
          </div>
          ${refreshButton(busy, 'Refresh the activity', () => void this.refresh())}
        </div>
      </header>
      ${this.#activity.render({
        pending: (previous) => (previous ? this.#charts(previous) : html`<div class="card charts" aria-busy="true" aria-label="Loading the activity"><span class="skeleton block"></span></div>`),
        complete: (value) => this.#charts(value),
        error: (error) => html`<ops-jobs-problem .error=${error} subject="queue">
          <a slot="actions" href=${this.href(routes.overview())}>All queues</a>
        </ops-jobs-problem>`,
      })}
      ${this.#queue.value ? this.#settings(this.#queue.value) : ''}
    `;
  }

  #charts(activity: QueueActivityResponse): TemplateResult {
    if (!activity.recorded) {
      return html`<div part="charts" class="card empty">
        <strong>No history of this queue</strong>
        <span>${this.session?.engine.name.startsWith('pg-boss')
          ? html`pg-boss records a queue's activity when a process runs its supervision with <code>persistQueueStats: true</code>.`
          : 'This engine keeps no statistics the console can read.'}</span>
      </div>`;
    }
    if (activity.points.length === 0) {
      return html`<div part="charts" class="card empty"><strong>Nothing recorded in this window</strong><span>Try the last 24 hours.</span></div>`;
    }
    const times = activity.points.map((point) => point.at);
    const pick = (key: keyof Omit<ActivityPoint, 'at'>) => activity.points.map((point) => point[key]);
    // A day's axis names the day too: both of its ends read the same time of day.
    const time = activity.window === '1h' ? clock : dayAndClock;
    const base = { times, from: activity.from, to: activity.to, bucketSeconds: activity.bucketSeconds, formatTime: (iso: string) => time.format(new Date(iso)) };
    const failed = activity.points.reduce((sum, point) => sum + point.failedPerMinute, 0);
    return html`<div part="charts" class="card charts">
      <p class="note">Per ${formatDuration(activity.bucketSeconds * 1000)}, from ${formatCount(activity.points.length)} ${activity.points.length === 1 ? 'stretch' : 'stretches'} the engine recorded${failed > 0 ? '' : '; no job failed for good'}.</p>
      ${activityChart({
        ...base, id: 'throughput', title: 'Jobs per minute', format: perMinute,
        series: [
          { name: 'Made', className: 'made', values: pick('createdPerMinute') },
          { name: 'Completed', className: 'completed', values: pick('completedPerMinute') },
          { name: 'Failed', className: 'failed', values: pick('failedPerMinute') },
        ],
      })}
      ${activityChart({
        ...base, id: 'wait', title: 'Waited before running', format: seconds,
        series: [{ name: 'Median', className: 'p50', values: pick('waitP50') }, { name: '95th percentile', className: 'p95', values: pick('waitP95') }],
      })}
      ${activityChart({
        ...base, id: 'run', title: 'Ran for', format: seconds,
        series: [{ name: 'Median', className: 'p50', values: pick('runP50') }, { name: '95th percentile', className: 'p95', values: pick('runP95') }],
      })}
      ${activityChart({
        ...base, id: 'backlog', title: 'Oldest ready job had waited', format: seconds,
        series: [{ name: 'Oldest ready job', className: 'backlog', values: pick('readyOldestSeconds') }],
      })}
    </div>`;
  }

  #settings(queue: QueueResponse): TemplateResult {
    const entries = Object.entries(queue.settings);
    return html`<section part="settings" class="card settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <dl>
        <div><dt>Dead letters to</dt><dd>${queue.deadLetterQueue
          ? html`<a href=${this.href(routes.queue(queue.deadLetterQueue))}>${queue.deadLetterQueue}</a>`
          : html`<span class="muted">None</span>`}</dd></div>
        ${entries.map(([key, value]) => html`<div><dt>${settingName(key)}</dt><dd class="mono">${value === null ? '—' : String(value)}</dd></div>`)}
      </dl>
    </section>`;
  }
}

/** `retryLimit` as "Retry limit": the engine's setting names, read as words. */
function settingName(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
