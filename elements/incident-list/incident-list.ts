import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { PAGE_SIZE } from '../../core/vocabulary/limits.ts';
import type { IncidentListResponse, IncidentResponse } from '../../core/vocabulary/incident-wire.ts';
import type { IncidentKind } from '../../core/vocabulary/incident-kinds.ts';
import { actionDialogFor, dialogLoadError, openActionDialog } from '../actions/dialog-template.ts';
import { CursorPager } from '../controllers/cursor-pager.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes, type Route } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { shortId } from '../shared/format.ts';
import { checkCircleIcon } from '../shared/icons.ts';
import { loadMoreAnnounced, pagerFooter } from '../shared/pager-footer.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { incidentListStyles } from './incident-list.styles.ts';
import { msg, plural } from '../shared/locale.ts';

/** What an open stuck job offers, in this order. */
const REPAIRS = [
  { action: 'job.fail', label: () => msg('Fail job…') },
  { action: 'job.cancel', label: () => msg('Cancel job…') },
] as const;

function kindLabel(kind: IncidentKind): string {
  return {
    'stuck-job': msg('Stuck job'),
    overdue: msg('Overdue jobs'),
    'stuck-flows': msg('Stuck flows'),
    'no-workers': msg('No workers'),
  }[kind];
}

function sentence(incident: IncidentResponse): string {
  switch (incident.kind) {
    case 'stuck-job':
      return msg('Running past its expiry, heartbeat or lock: its worker may be gone.');
    case 'overdue':
      return plural(incident.count, '{count} running job is past its expiry, heartbeat or lock: the worker may be gone.', '{count} running jobs are past their expiry, heartbeat or lock: the worker may be gone.');
    case 'stuck-flows':
      return plural(incident.count, '{count} job waits on a step of its flow that failed: retry that step, or remove it.', '{count} jobs wait on a step of their flow that failed: retry that step, or remove them.');
    case 'no-workers':
      return plural(incident.count, '{count} job is ready and no running worker takes jobs from this queue.', '{count} jobs are ready and no running worker takes jobs from this queue.');
  }
}

/**
 * The incidents the console's background diagnosis kept: jobs stuck running past their expiry or
 * heartbeat, flows stuck behind a failed step, queues with work and no worker. Open ones first,
 * with when each was first and last seen, then those resolved lately and how. An open stuck job
 * can be cancelled from here, through the action dialog (previewed, reasoned, audited), which
 * resolves its incident with the action.
 *
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart table - the incidents' card.
 * @csspart load-more - the "Load more" button.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsIncidentList extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, incidentListStyles];

  @state() private announcement = '';
  @state() private dialogFailed = false;
  @state() private kept = true;

  protected override needsSession = true;

  readonly #pages = new CursorPager(this, {
    args: () => [this.api] as const,
    page: async ([api], cursor, signal) => {
      // Read here rather than through a method of the client, which is part of the first load.
      const params = new URLSearchParams({ limit: String(PAGE_SIZE.default) });
      if (cursor) params.set('cursor', cursor);
      const page = await api.get<IncidentListResponse>(`api/incidents?${params}`, signal);
      this.kept = page.kept;
      return { items: page.incidents, nextCursor: page.nextCursor };
    },
  });

  constructor() {
    super();
    this.addEventListener('ops-jobs-action-done', () => void this.refresh());
  }

  override refresh(): Promise<void> {
    return this.#pages.reload();
  }

  override render() {
    const busy = this.#pages.status === LOAD_STATUS.pending;
    const open = this.#pages.items.filter((incident) => incident.resolvedAt === null).length;
    return html`
      <header class="head">
        <div>
          <h1 tabindex="-1">${msg('Incidents')}</h1>
          <p class="sub">${this.#pages.status === LOAD_STATUS.complete || this.#pages.items.length > 0
            ? plural(open, '{count} open; resolved ones stay listed for a day.', '{count} open; resolved ones stay listed for a day.')
            : msg('Loading…')}</p>
        </div>
        <div class="tools">${refreshButton(busy, msg('Refresh the incidents'), () => void this.refresh())}</div>
      </header>
      ${this.#pages.status === LOAD_STATUS.error
        ? html`<ops-jobs-problem .error=${this.#pages.error} subject="incidents"></ops-jobs-problem>`
        : html`${dialogLoadError(this.dialogFailed)}${this.#table()}${this.#footer()}`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.api ? actionDialogFor(this.operator, this.api, (route) => this.href(route)) : ''}
    `;
  }

  #table(): TemplateResult {
    const pages = this.#pages;
    if (pages.status !== LOAD_STATUS.complete && pages.items.length === 0) {
      return html`<div class="card table-card" aria-busy="true" aria-label=${msg('Loading the incidents')}>
        ${[0, 1, 2].map(() => html`<span class="skeleton row-s"></span>`)}
      </div>`;
    }
    if (pages.items.length === 0) {
      return html`<div class="card empty">
        ${checkCircleIcon}<strong>${this.kept ? msg('No incidents') : msg('This console keeps no incidents')}</strong>
        <span>${this.kept
          ? msg('The console looks for stuck jobs, stuck flows and queues nobody works while it is open; what it finds is listed here.')
          : msg('The console\'s store does not keep incidents.')}</span>
      </div>`;
    }
    return html`<div part="table" class="card table-card">
      <table class="stack lines" role="table" aria-label=${msg('Incidents')}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${msg('Incident')}</th>
            <th role="columnheader" scope="col">${msg('Queue')}</th>
            <th role="columnheader" scope="col">${msg('Seen')}</th>
            <th role="columnheader" scope="col">${msg('State')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">${pages.items.map((incident) => this.#row(incident))}</tbody>
      </table>
    </div>`;
  }

  #row(incident: IncidentResponse): TemplateResult {
    const open = incident.resolvedAt === null;
    return html`<tr role="row" class=${open ? 'open' : 'resolved'}>
      <td role="cell" class="what">
        <strong class="kind">${kindLabel(incident.kind)}</strong>
        ${incident.jobId !== null
          ? html` <a class="mono" href=${this.href(routes.job(incident.queue, incident.jobId))} title=${incident.jobId}>${msg('job {id}', { id: shortId(incident.jobId) })}</a>`
          : ''}
        <span class="sentence">${sentence(incident)}</span>
      </td>
      <td role="cell" class="queue" data-label=${msg('Queue')}><a href=${this.href(this.#queueRoute(incident))}>${incident.queue}</a></td>
      <td role="cell" class="seen" data-label=${msg('Seen')}>
        <span>${msg('first seen')} <ops-jobs-relative-time datetime=${incident.firstSeenAt}></ops-jobs-relative-time></span>
        <span class="muted">${msg('last seen')} <ops-jobs-relative-time datetime=${incident.lastSeenAt}></ops-jobs-relative-time></span>
      </td>
      <td role="cell" class="state" data-label=${msg('State')}>
        ${open
          ? html`<span class="status open">${msg('Open')}</span>${this.#repair(incident)}`
          : html`<span class="status resolved">${incident.resolution === 'repaired' ? msg('Repaired') : msg('Cleared')}</span>
              <span class="muted"><ops-jobs-relative-time datetime=${incident.resolvedAt!}></ops-jobs-relative-time></span>`}
      </td>
    </tr>`;
  }

  #queueRoute(incident: IncidentResponse): Route {
    if (incident.kind === 'stuck-flows') return routes.queue(incident.queue, 'blocked');
    if (incident.kind === 'no-workers') return routes.queue(incident.queue, 'queued');
    return routes.queue(incident.queue, 'active');
  }

  /**
   * The repairs of an open stuck job the operator may run and the engine can run on a running job:
   * fail it (its retry policy applies) or cancel it, each through the action dialog.
   */
  #repair(incident: IncidentResponse): TemplateResult | string {
    const session = this.operator;
    const jobId = incident.jobId;
    if (incident.kind !== 'stuck-job' || jobId === null || !session) return '';
    const offered = REPAIRS.filter(({ action }) => session.permissions[action] && session.engine.actions[action]?.includes('active'));
    if (offered.length === 0) return '';
    const open = async (action: (typeof REPAIRS)[number]['action']) => {
      const request = { action, target: { queue: incident.queue, ids: [jobId] }, subject: msg('job {id}', { id: shortId(jobId) }) };
      this.dialogFailed = !(await openActionDialog(this.renderRoot, request));
    };
    return html`<span class="repairs">${offered.map(({ action, label }) => html`<button type="button" class="repair" @click=${() => void open(action)}>${label()}</button>`)}</span>`;
  }

  #footer(): TemplateResult | string {
    const count = this.#pages.items.length;
    return pagerFooter(this.#pages, PAGE_SIZE.default, plural(count, 'Showing {count} incident', 'Showing {count} incidents'), msg('Could not load more incidents.'), this.#more);
  }

  readonly #more = async (): Promise<void> => {
    const said = await loadMoreAnnounced(this.#pages, (added, shown) => plural(added, 'Loaded {count} more incident, {shown} shown.', 'Loaded {count} more incidents, {shown} shown.', { shown }));
    if (said) this.announcement = said;
  };
}
