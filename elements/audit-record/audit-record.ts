import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AuditRecordResponse } from '../../core/vocabulary/wire.ts';
import { jobCount } from '../actions/action-copy.ts';
import { msg } from '../shared/locale.ts';
import { actionVerb, onWholeQueue, outcomeHint, principalText, changedText, selectionText, touchedJobs, type JobsRecord } from '../audit-log/audit-text.ts';
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
import { ensureDefined } from '../lazy-elements.ts';

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

  override connectedCallback(): void {
    super.connectedCallback();
    // The outcome badges and the copy buttons come in chunks of their own.
    ensureDefined('ops-jobs-outcome-badge').catch(() => {});
    ensureDefined('ops-jobs-copy-button').catch(() => {});
  }

  override render() {
    const current = this.#load.value?.id === this.recordId ? this.#load.value : undefined;
    const busy = this.#load.status === LOAD_STATUS.pending;
    const verb = current ? actionVerb(current.action) : '';
    return html`
      <header class="head">
        <div>
          <nav class="crumbs" aria-label=${msg('Breadcrumbs')}><a href=${this.href(routes.audit())}>${msg('Audit log')}</a></nav>
          <div class="title">
            <h1 tabindex="-1">${current ? (touchedJobs(current) ? `${verb} · ${onWholeQueue(current) ? current.resource.queue : jobCount(current.requested)}` : verb) : html`${msg('Record')} <span class="mono">${shortId(this.recordId)}</span>`}</h1>
            ${current ? html`<ops-jobs-outcome-badge outcome=${current.outcome}></ops-jobs-outcome-badge>` : ''}
          </div>
          ${current
            ? html`<p class="sub">
                <span>${msg('by {who}', { who: principalText(current) })}</span><span class="sep" aria-hidden="true">·</span>
                ${current.resource
                  ? html`<span>${msg('in')} <a href=${this.href(routes.queue(current.resource.queue))}>${current.resource.queue}</a></span><span class="sep" aria-hidden="true">·</span>`
                  : ''}
                <ops-jobs-relative-time datetime=${current.occurredAt} format="both"></ops-jobs-relative-time>
              </p>`
            : ''}
        </div>
        <div class="tools">
          ${refreshButton(busy, msg('Refresh record'), () => void this.refresh())}
        </div>
      </header>
      ${this.#load.render({
        pending: () => (current ? this.#content(current) : html`<div role="status" aria-busy="true" aria-label=${msg('Loading the record')}><span class="skeleton block"></span></div>`),
        complete: (record) => this.#content(record),
        error: (error) => html`<ops-jobs-problem .error=${error} subject="audit record">
          <a slot="actions" href=${this.href(routes.audit())}>${msg('Audit log')}</a>
        </ops-jobs-problem>`,
      })}
    `;
  }

  #content(record: AuditRecordResponse): TemplateResult {
    return html`${record.outcome === 'pending'
        ? html`<p class="open-intent" role="note">${warningIcon}<span><strong>${msg('Open intent.')}</strong> ${record.outcomeNote ?? outcomeHint('pending')}</span></p>`
        : ''}
      <section part="reason" class="card reason" aria-labelledby="reason-h">
        <h2 id="reason-h">${msg('Reason')}</h2>
        ${record.reason === null ? html`<p class="muted"><em>${msg('Hidden by display policy')}</em></p>` : html`<blockquote>${record.reason}</blockquote>`}
      </section>
      ${this.#facts(record)} ${touchedJobs(record) && !onWholeQueue(record) ? this.#jobs(record) : ''}`;
  }

  #facts(record: AuditRecordResponse): TemplateResult {
    const copy = (value: string, label: string) => html`<span class="mono value">${value}</span><ops-jobs-copy-button value=${value} label=${label}></ops-jobs-copy-button>`;
    const fact = (term: string, value: unknown, wide = false) => html`<div class=${wide ? 'wide' : ''}><dt>${term}</dt><dd>${value}</dd></div>`;
    return html`<section class="card" aria-labelledby="facts-h">
      <h2 id="facts-h">${msg('Details')}</h2>
      <dl part="facts" class="facts">
        ${fact(msg('Operator'), html`${record.principal.label ?? html`<em class="muted">${msg('label hidden')}</em>`} <span class="muted">(${record.principal.type})</span>`)}
        ${fact(msg('Operator ID'), copy(record.principal.id, msg('Copy operator ID')))}
        ${fact(msg('Action'), html`${actionVerb(record.action)} <span class="muted mono">${record.action}</span>`)}
        ${touchedJobs(record)
          ? html`${fact(msg('Queue'), html`<a href=${this.href(routes.queue(record.resource.queue))}>${record.resource.queue}</a>`)}
              ${fact(msg('Selection'), selectionText(record))}
              ${onWholeQueue(record)
                ? fact(msg('Changed'), record.affected === null ? html`<span class="muted">${msg('not yet known')}</span>` : changedText(record))
                : html`${fact(msg('Requested'), jobCount(record.requested))}
                    ${fact(msg('Affected'), record.affected === null ? html`<span class="muted">${msg('not yet known')}</span>` : jobCount(record.affected))}`}`
          : ''}
        ${fact(msg('Outcome'), html`<ops-jobs-outcome-badge outcome=${record.outcome}></ops-jobs-outcome-badge>`)}
        ${fact(msg('Occurred'), html`<ops-jobs-relative-time datetime=${record.occurredAt} format="exact"></ops-jobs-relative-time>`, true)}
        ${fact(msg('Completed'), html`<ops-jobs-relative-time .datetime=${record.completedAt} format="exact" placeholder=${msg('not yet')}></ops-jobs-relative-time>`, true)}
      </dl>
      <dl class="facts ids">
        ${fact(msg('Record ID'), copy(record.id, msg('Copy record ID')))}
        ${fact(msg('Plan hash'), copy(record.planHash, msg('Copy plan hash')))}
        ${fact(msg('Correlation ID'), copy(record.correlationId, msg('Copy correlation ID')))}
      </dl>
    </section>`;
  }

  #jobs(record: JobsRecord): TemplateResult {
    const ids = record.resource.ids;
    return html`<section part="jobs" class="card" aria-labelledby="jobs-h">
      <h2 id="jobs-h">${msg('Jobs')} <span class="muted">${formatCount(ids.length)}</span></h2>
      ${ids.length === 0
        ? html`<p class="muted">${msg('No job ids recorded.')}</p>`
        : html`<ul class="ids">
            ${ids.map((id) => html`<li><a class="mono" href=${this.href(routes.job(record.resource.queue, id))} title=${id} aria-label=${msg('Job {id}', { id })}>${shortId(id)}</a></li>`)}
          </ul>`}
    </section>`;
  }
}
