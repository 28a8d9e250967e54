import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AuditRecordResponse } from '../../core/vocabulary/wire.ts';
import { jobCount } from '../actions/action-copy.ts';
import { actionVerb, onWholeQueue, OUTCOME_HINTS, principalText, queueChangedText, selectionText, touchedJobs, type JobsRecord } from '../audit-log/audit-text.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { facts } from '../shared/facts.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { formatCount, shortId } from '../shared/format.ts';
import { warningIcon } from '../shared/icons.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { auditRecordStyles } from './audit-record.styles.ts';

/**
 * One audit record in full: the operator (id, type and label), the action and how it chose its
 * jobs, every job id it planned (as links), how many were planned and changed, the outcome (a
 * pending record is explained as an open intent, in the words the API sends with it), the reason, the plan hash, the correlation id
 * and its times.
 *
 * @attr record-id - the audit record's id.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart facts - the record's fields.
 * @csspart reason - the reason.
 * @csspart jobs - the list of job links.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsAuditRecord extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, facts, auditRecordStyles];

  @property({ attribute: 'record-id' }) recordId = '';

  readonly #load = new LoadController(this, {
    args: () => (this.recordId ? ([this.api, this.recordId] as const) : null),
    task: ([api, id], signal) => api.auditRecord(id, signal),
  });

  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  override render() {
    const current = this.#load.value?.id === this.recordId ? this.#load.value : undefined;
    const busy = this.#load.status === LOAD_STATUS.pending;
    const verb = current ? actionVerb(current.action) : '';
    return html`
      <header class="head">
        <div>
          <nav class="crumbs" aria-label="Breadcrumbs"><a href=${this.href(routes.audit())}>Audit log</a></nav>
          <div class="title">
            <h1 tabindex="-1">${current ? (touchedJobs(current) ? `${verb} · ${onWholeQueue(current) ? current.resource.queue : jobCount(current.requested, formatCount)}` : verb) : html`Record <span class="mono">${shortId(this.recordId)}</span>`}</h1>
            ${current ? html`<ops-jobs-outcome-badge outcome=${current.outcome}></ops-jobs-outcome-badge>` : ''}
          </div>
          ${current
            ? html`<p class="sub">
                <span>by ${principalText(current)}</span><span class="sep" aria-hidden="true">·</span>
                ${current.resource
                  ? html`<span>in <a href=${this.href(routes.queue(current.resource.queue))}>${current.resource.queue}</a></span><span class="sep" aria-hidden="true">·</span>`
                  : ''}
                <ops-jobs-relative-time datetime=${current.occurredAt} format="both"></ops-jobs-relative-time>
              </p>`
            : ''}
        </div>
        <div class="tools">
          ${refreshButton(busy, 'Refresh record', () => void this.refresh())}
        </div>
      </header>
      ${this.#load.render({
        pending: () => (current ? this.#content(current) : html`<div role="status" aria-busy="true" aria-label="Loading the record"><span class="skeleton block"></span></div>`),
        complete: (record) => this.#content(record),
        error: (error) => html`<ops-jobs-problem .error=${error} subject="audit record">
          <a slot="actions" href=${this.href(routes.audit())}>Audit log</a>
        </ops-jobs-problem>`,
      })}
    `;
  }

  #content(record: AuditRecordResponse): TemplateResult {
    return html`${record.outcome === 'pending'
        ? html`<p class="open-intent" role="note">${warningIcon}<span><strong>Open intent.</strong> ${record.outcomeNote ?? OUTCOME_HINTS.pending}</span></p>`
        : ''}
      <section part="reason" class="card reason" aria-labelledby="reason-h">
        <h2 id="reason-h">Reason</h2>
        ${record.reason === null ? html`<p class="muted"><em>Hidden by display policy</em></p>` : html`<blockquote>${record.reason}</blockquote>`}
      </section>
      ${this.#facts(record)} ${touchedJobs(record) && !onWholeQueue(record) ? this.#jobs(record) : ''}`;
  }

  #facts(record: AuditRecordResponse): TemplateResult {
    const copy = (value: string, label: string) => html`<span class="mono value">${value}</span><ops-jobs-copy-button value=${value} label=${label}></ops-jobs-copy-button>`;
    const fact = (term: string, value: unknown, wide = false) => html`<div class=${wide ? 'wide' : ''}><dt>${term}</dt><dd>${value}</dd></div>`;
    return html`<section class="card" aria-labelledby="facts-h">
      <h2 id="facts-h">Details</h2>
      <dl part="facts" class="facts">
        ${fact('Operator', html`${record.principal.label ?? html`<em class="muted">label hidden</em>`} <span class="muted">(${record.principal.type})</span>`)}
        ${fact('Operator ID', copy(record.principal.id, 'Copy operator ID'))}
        ${fact('Action', html`${actionVerb(record.action)} <span class="muted mono">${record.action}</span>`)}
        ${touchedJobs(record)
          ? html`${fact('Queue', html`<a href=${this.href(routes.queue(record.resource.queue))}>${record.resource.queue}</a>`)}
              ${fact('Selection', selectionText(record))}
              ${onWholeQueue(record)
                ? fact('Changed', record.affected === null ? html`<span class="muted">not yet known</span>` : queueChangedText(record.affected))
                : html`${fact('Requested', jobCount(record.requested, formatCount))}
                    ${fact('Affected', record.affected === null ? html`<span class="muted">not yet known</span>` : jobCount(record.affected, formatCount))}`}`
          : ''}
        ${fact('Outcome', html`<ops-jobs-outcome-badge outcome=${record.outcome}></ops-jobs-outcome-badge>`)}
        ${fact('Occurred', html`<ops-jobs-relative-time datetime=${record.occurredAt} format="exact"></ops-jobs-relative-time>`, true)}
        ${fact('Completed', html`<ops-jobs-relative-time .datetime=${record.completedAt} format="exact" placeholder="not yet"></ops-jobs-relative-time>`, true)}
      </dl>
      <dl class="facts ids">
        ${fact('Record ID', copy(record.id, 'Copy record ID'))}
        ${fact('Plan hash', copy(record.planHash, 'Copy plan hash'))}
        ${fact('Correlation ID', copy(record.correlationId, 'Copy correlation ID'))}
      </dl>
    </section>`;
  }

  #jobs(record: JobsRecord): TemplateResult {
    const ids = record.resource.ids;
    return html`<section part="jobs" class="card" aria-labelledby="jobs-h">
      <h2 id="jobs-h">Jobs <span class="muted">${formatCount(ids.length)}</span></h2>
      ${ids.length === 0
        ? html`<p class="muted">No job ids recorded.</p>`
        : html`<ul class="ids">
            ${ids.map((id) => html`<li><a class="mono" href=${this.href(routes.job(record.resource.queue, id))} title=${id} aria-label="Job ${id}">${shortId(id)}</a></li>`)}
          </ul>`}
    </section>`;
  }
}
