import { html, type TemplateResult } from 'lit';
import type { WorkerInstanceResponse, WorkerListResponse, WorkerStatus } from '../../core/vocabulary/wire.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { formatCount, formatDuration } from '../shared/format.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { workerListStyles } from './worker-list.styles.ts';
import { msg, plural } from '../shared/locale.ts';

const statusLabel = (status: WorkerStatus): string =>
  status === 'healthy' ? msg('Healthy') : status === 'late' ? msg('Late') : status === 'missing' ? msg('Missing') : msg('Stopped');
const statusCount = (status: WorkerStatus, count: string): string =>
  status === 'healthy' ? msg('{count} healthy', { count }) : status === 'late' ? msg('{count} late', { count }) : status === 'missing' ? msg('{count} missing', { count }) : msg('{count} stopped', { count });

/**
 * The processes running the engine, trouble first: each one's state by the heartbeats it missed
 * (healthy, late, missing, or stopped cleanly), when it was last heard from, the queues it works
 * with the jobs it had in hand, and restarts after a crash.
 *
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart table - the processes' card.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsWorkerList extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, workerListStyles];

  readonly #load = new LoadController(this, {
    args: () => [this.api] as const,
    task: ([api], signal) => api.workers(signal),
  });

  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  override render() {
    const list = this.#load.value;
    return html`
      <header class="head">
        <div>
          <h1 tabindex="-1">${msg('Workers')}</h1>
          <p class="sub">${list ? this.#summary(list) : html`<span>${msg('Loading…')}</span>`}</p>
        </div>
        <div class="tools">${refreshButton(this.#load.status === LOAD_STATUS.pending, msg('Refresh the workers'), () => void this.refresh())}</div>
      </header>
      ${this.#load.render({
        pending: (previous) => (previous ? this.#table(previous) : this.#skeleton()),
        complete: (value) => this.#table(value),
        error: (error) => html`<ops-jobs-problem .error=${error} subject="workers"></ops-jobs-problem>`,
      })}
    `;
  }

  #summary(list: WorkerListResponse): TemplateResult {
    const counts = new Map<WorkerStatus, number>();
    for (const instance of list.instances) counts.set(instance.status, (counts.get(instance.status) ?? 0) + 1);
    const parts = (['missing', 'late', 'healthy', 'stopped'] as const).filter((status) => counts.has(status))
      .map((status) => statusCount(status, formatCount(counts.get(status)!)));
    const { lateAfterHeartbeats: late, missingAfterHeartbeats: missing } = list.thresholds;
    return html`<span>${parts.join(' · ') || msg('No processes')}</span><span class="sep" aria-hidden="true">·</span
      ><span>${msg('late after {late} missed heartbeats, missing after {missing}', { late: formatCount(late), missing: formatCount(missing) })}</span>`;
  }

  #skeleton(): TemplateResult {
    return html`<div class="card table-card" aria-busy="true" aria-label=${msg('Loading the workers')}>
      ${[0, 1, 2].map(() => html`<span class="skeleton row-s"></span>`)}
    </div>`;
  }

  #table(list: WorkerListResponse): TemplateResult {
    if (list.instances.length === 0) {
      return html`<div class="card empty">
        <strong>${msg('No process has registered')}</strong>
        <span>${msg('Each process running the engine appears here with its heartbeats once it starts (pg-boss records them unless registerInstance is false).')}</span>
      </div>`;
    }
    return html`<div part="table" class="card table-card">
      <table class="stack lines" role="table" aria-label=${msg('Worker processes')}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${msg('Process')}</th>
            <th role="columnheader" scope="col">${msg('State')}</th>
            <th role="columnheader" scope="col">${msg('Queues worked')}</th>
            <th role="columnheader" scope="col">${msg('Started')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">${list.instances.map((instance) => this.#row(instance))}</tbody>
      </table>
    </div>
    ${list.more ? html`<p class="footer muted">${plural(list.instances.length, 'Showing the one most recently started.', 'Showing the {count} most recently started.')}</p>` : ''}`;
  }

  #row(instance: WorkerInstanceResponse): TemplateResult {
    const title = instance.name ?? (instance.pid === null ? instance.host : `${instance.host}:${instance.pid}`);
    return html`<tr role="row" class=${instance.status}>
      <td role="cell" class="process">
        <strong>${title}</strong>
        <span class="where">${instance.host}${instance.pid === null ? '' : ` · pid ${instance.pid}`}${instance.version ? ` · v${instance.version}` : ''}${instance.runtime ? ` · Node ${instance.runtime}` : ''}</span>
        ${instance.crashRestarts > 0 ? html`<span class="restarts">${plural(instance.crashRestarts, '{count} restart after a crash', '{count} restarts after a crash')}</span>` : ''}
      </td>
      <td role="cell" class="seen">
        <span class="status ${instance.status}">${statusLabel(instance.status)}</span>
        <span class="when">${instance.stoppedAt
          ? html`${msg('stopped')} <ops-jobs-relative-time datetime=${instance.stoppedAt}></ops-jobs-relative-time>`
          : html`${msg('heard from')} <ops-jobs-relative-time datetime=${instance.lastSeenAt}></ops-jobs-relative-time>${instance.heartbeatSeconds ? `, ${msg('every {duration}', { duration: formatDuration(instance.heartbeatSeconds * 1000) })}` : ''}`}</span>
      </td>
      <td role="cell" class="works" data-label=${msg('Queues worked')}>
        ${instance.workers.length > 0
          ? html`<ul class="queues">${instance.workers.map((worker) => html`<li>
              <a href=${this.href(routes.queue(worker.queue))}>${worker.queue}</a>
              ${worker.concurrency === null || worker.active === null
                ? ''
                : html`<span class="muted" title=${msg('jobs in hand of at most {count}', { count: formatCount(worker.concurrency) })}>${formatCount(worker.active)}/${formatCount(worker.concurrency)}</span>`}
            </li>`)}</ul>`
          : ''}
        ${instance.otherQueues > 0
          ? html`<span class="muted">${instance.workers.length > 0 ? plural(instance.otherQueues, 'and {count} queue you may not see', 'and {count} queues you may not see') : plural(instance.otherQueues, '{count} queue you may not see', '{count} queues you may not see')}</span>`
          : instance.workers.length === 0 ? html`<span class="muted">${msg('No queues')}</span>` : ''}
      </td>
      <td role="cell" class="started" data-label=${msg('Started')}><ops-jobs-relative-time datetime=${instance.startedAt}></ops-jobs-relative-time></td>
    </tr>`;
  }
}
