import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PAGE_SIZE } from '../../core/vocabulary/limits.ts';
import type { AuditRecordResponse } from '../../core/vocabulary/wire.ts';
import { auditFilterCount, auditQueryFrom, auditQueryString, type AuditQuery } from '../api/audit-query.ts';
import { CursorPager } from '../controllers/cursor-pager.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { formatCount, formatExact, shortId, toDate } from '../shared/format.ts';
import { auditIcon, downloadIcon, warningIcon } from '../shared/icons.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { loadMoreAnnounced, pagerFooter } from '../shared/pager-footer.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { auditFilters } from './audit-filters.ts';
import { AuditSuggestions } from './audit-suggestions.ts';
import { auditLogStyles } from './audit-log.styles.ts';
import { actionVerb, changedText, onWholeQueue, principalText, selectionShort, touchedJobs, type JobsRecord } from './audit-text.ts';
import { msg, plural } from '../shared/locale.ts';
import { ensureDefined } from '../lazy-elements.ts';

/** Records per page. */

/**
 * The audit log: every operator action, newest first, with who did it, what it touched, how it
 * ended (a pending record is an open intent) and why. Filters by operator, action, queue, job,
 * outcome and time go into the page URL; pages load through cursors ("Load more"); CSV and JSON
 * Lines exports carry the same filters, for operators allowed to export.
 *
 * @attr query - the filters as a query string (`queue=email-send&outcome=failed`), the names the
 *   API uses: `actor`, `action`, `queue`, `job`, `outcome`, `from`, `to`.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart filters - the filter form.
 * @csspart table - the records' card.
 * @csspart load-more - the "Load more" button.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsAuditLog extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, auditLogStyles];

  @property() query = '';
  @state() private announcement = '';
  /** Whether the filters are shown: at first on wide screens, or when some are set. */
  @state() private filtersOpen = matchMedia('(min-width: 40rem)').matches;
  protected override needsSession = true;
  /** Set while applying filters, so the form keeps focus instead of the heading taking it. */
  #keepFocus = false;
  /** Operators and queues suggested as the filters are typed. */
  readonly #suggestions = new AuditSuggestions(this, () => this.api);

  readonly #pages = new CursorPager(this, {
    args: () => [this.api, auditQueryString(this.#filter)] as const,
    page: async ([api, query], cursor, signal) => {
      const page = await api.audit({ filter: auditQueryFrom(new URLSearchParams(query)), limit: PAGE_SIZE.default, cursor }, signal);
      return { items: page.records, nextCursor: page.nextCursor };
    },
  });

  get #filter(): AuditQuery {
    return auditQueryFrom(new URLSearchParams(this.query));
  }

  override refresh(): Promise<void> {
    return this.#pages.reload();
  }

  override async focusHeading(): Promise<void> {
    if (this.#keepFocus) {
      this.#keepFocus = false;
      return;
    }
    return super.focusHeading();
  }

  #apply(filter: AuditQuery): void {
    const query = auditQueryString(filter);
    this.announcement = '';
    if (this.router) {
      this.#keepFocus = true;
      this.router.navigate(routes.audit(filter));
    } else {
      this.query = query;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The outcome badges come in a chunk of their own.
    ensureDefined('ops-jobs-outcome-badge').catch(() => {});
  }

  override render() {
    const filter = this.#filter;
    const busy = this.#pages.status === LOAD_STATUS.pending;
    const session = this.operator;
    return html`
      <header class="head">
        <div>
          <h1 tabindex="-1">${msg('Audit log')}</h1>
          <p class="sub">${msg('Every operator action, newest first: who, what, how it ended, and why.')}</p>
        </div>
        <div class="tools">
          ${session?.permissions['audit.export']
            ? html`<a class="button-link" href=${this.api.auditExportUrl(filter, 'csv')} download>${downloadIcon}<span><span class="label">${msg('Export')} </span>CSV</span></a>
                <a class="button-link" href=${this.api.auditExportUrl(filter, 'jsonl')} download>${downloadIcon}<span><span class="label">${msg('Export')} </span>JSON Lines</span></a>`
            : ''}
          ${refreshButton(busy, msg('Refresh the audit log'), () => void this.refresh())}
        </div>
      </header>
      ${auditFilters(filter, (next) => this.#apply(next), this.filtersOpen || auditFilterCount(filter) > 0, (open) => (this.filtersOpen = open), this.#suggestions)}
      ${this.#pages.status === LOAD_STATUS.error
        ? html`<ops-jobs-problem .error=${this.#pages.error} subject="audit log"></ops-jobs-problem>`
        : html`${this.#table(filter)}${this.#footer()}`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  #table(filter: AuditQuery): TemplateResult {
    const pages = this.#pages;
    if (pages.status !== LOAD_STATUS.complete && pages.items.length === 0) {
      return html`<div class="card table-card" role="status" aria-busy="true" aria-label=${msg('Loading the audit log')}>
        ${[0, 1, 2, 3, 4].map(() => html`<span class="skeleton row-s"></span>`)}
      </div>`;
    }
    if (pages.items.length === 0) {
      const filtered = auditFilterCount(filter) > 0;
      return html`<div class="card empty">
        ${auditIcon}<strong>${filtered ? msg('No records match these filters') : msg('No operator actions yet')}</strong>
        <span>${filtered ? msg('Try fewer filters or a wider time range.') : msg('Retries, cancellations and other actions appear here once an operator takes one.')}</span>
      </div>`;
    }
    return html`<div part="table" class="card table-card">
      <table class="stack" role="table" aria-label=${msg('Audit records')}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${msg('When')}</th>
            <th role="columnheader" scope="col">${msg('Operator')}</th>
            <th role="columnheader" scope="col">${msg('Action')}</th>
            <th role="columnheader" scope="col">${msg('Queue')}</th>
            <th role="columnheader" scope="col">${msg('Jobs')}</th>
            <th role="columnheader" scope="col">${msg('Outcome')}</th>
            <th role="columnheader" scope="col">${msg('Reason')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${pages.items.map((record) => this.#row(record))}
        </tbody>
      </table>
    </div>`;
  }

  #row(record: AuditRecordResponse): TemplateResult {
    const verb = actionVerb(record.action);
    const when = toDate(record.occurredAt);
    const resource = record.resource;
    const who = principalText(record);
    return html`<tr role="row" class=${record.outcome === 'pending' ? 'open' : ''}>
      <td role="cell" class="time"><ops-jobs-relative-time datetime=${record.occurredAt} format="both" stacked></ops-jobs-relative-time></td>
      <td role="cell" class="who" data-label=${msg('By')}>
        <a href=${this.href(routes.audit({ actor: record.principal.id }))} title="${record.principal.id} (${record.principal.type})"
          aria-label=${msg('Records by {who}', { who })}>${who}</a>
      </td>
      <td role="cell" class="what">
        <a class="record" href=${this.href(routes.auditRecord(record.id))} aria-label=${msg('{action}: record details', { action: `${resource ? msg('{verb} in {queue}', { verb, queue: resource.queue }) : verb}${when ? `, ${formatExact(when)}` : ''}` })}
          >${verb}</a>
      </td>
      ${touchedJobs(record) ? this.#jobCells(record) : html`<td role="cell" class="queue"></td><td role="cell" class="jobs"><span class="muted">${msg('No jobs')}</span></td>`}
      <td role="cell" class="outcome"><ops-jobs-outcome-badge outcome=${record.outcome}></ops-jobs-outcome-badge></td>
      <td role="cell" class="reason">${record.reason === null
          ? html`<span class="muted hidden-note">${msg('Hidden by display policy')}</span>`
          : html`<span class="excerpt" dir="auto" title=${record.reason.slice(0, 1000)}>${record.reason}</span>`}</td>
    </tr>${record.outcomeNote ? this.#noteRow(record.outcomeNote) : ''}`;
  }

  /** Under a pending record, in full: that its outcome is unknown, and what to check. */
  #noteRow(note: string): TemplateResult {
    return html`<tr role="row" class="open note-row">
      <td role="cell" colspan="7" class="outcome-note">${warningIcon}<span>${note}</span></td>
    </tr>`;
  }

  #jobCells(record: JobsRecord): TemplateResult {
    const { queue, ids } = record.resource;
    const one = ids.length === 1 ? ids[0] : undefined;
    return html`<td role="cell" class="queue" data-label=${msg('in')}><a href=${this.href(routes.queue(queue))}>${queue}</a></td>
      <td role="cell" class="jobs">
        ${onWholeQueue(record)
          ? html`<span>${changedText(record)}</span>`
          : one !== undefined
          ? html`<a class="mono" href=${this.href(routes.job(queue, one))} title=${one} aria-label=${msg('Job {id}', { id: one })}>${msg('Job {id}', { id: shortId(one) })}</a>`
          : html`<a href=${this.href(routes.auditRecord(record.id))} aria-label=${msg('{jobs}: list of jobs', { jobs: changedText(record) })}>${changedText(record)}</a>`}
        <span class="sel muted">${selectionShort(record)}</span>
      </td>`;
  }

  #footer(): TemplateResult | string {
    const count = this.#pages.items.length;
    return pagerFooter(this.#pages, PAGE_SIZE.default, plural(count, 'Showing {count} record', 'Showing {count} records'), msg('Could not load more records.'), this.#more);
  }

  readonly #more = async (): Promise<void> => {
    const said = await loadMoreAnnounced(this.#pages, (added, shown) => plural(added, 'Loaded {count} more record, {shown} shown.', 'Loaded {count} more records, {shown} shown.', { shown }));
    if (said) this.announcement = said;
  };
}
