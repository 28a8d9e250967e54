import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AuditRecordResponse } from '../../core/vocabulary/wire.ts';
import { actionDone, principalText } from '../audit-log/audit-text.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LiveSync } from '../live/live-sync.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { arrowRightIcon } from '../shared/icons.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { jobHistoryStyles } from './job-history.styles.ts';
import { msg } from '../shared/locale.ts';
import { ensureDefined } from '../lazy-elements.ts';

/** Records shown before "All records". */
const SHOWN = 5;

/**
 * The audit records that touched one job, newest first: what was done, by whom, when and how it
 * ended, each linking to its record, and a link to all of them in the audit log. For operators
 * allowed to read the audit log; the job detail shows it only to them. Inside `<ops-jobs-console>`
 * an action on the job that arrives over the live stream reloads it in place.
 *
 * @attr queue - the job's queue.
 * @attr job-id - the job's id.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 *
 * @csspart list - the list of records.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsJobHistory extends ViewElement {
  static override styles = [tokens, controls, jobHistoryStyles];

  @property() queue = '';
  @property({ attribute: 'job-id' }) jobId = '';

  readonly #load = new LoadController(this, {
    args: () => (this.jobId ? ([this.api, this.jobId] as const) : null),
    task: ([api, job], signal) => api.audit({ filter: { job }, limit: SHOWN + 1 }, signal),
  });

  readonly #sync = new LiveSync(this, {
    live: () => this.live,
    reload: () => this.#load.revalidate(),
    actionConcerns: (event) => event.jobIds.includes(this.jobId),
  });

  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The outcome badges come in a chunk of their own.
    ensureDefined('ops-jobs-outcome-badge').catch(() => {});
  }

  override render() {
    return html`<h2 id="history-h">${msg('History')}</h2>
      ${this.#load.render({
        pending: (previous) => (previous ? this.#list(previous.records) : ''),
        complete: (page) => this.#list(page.records),
        error: () => html`<p class="muted">${msg('Could not load the history.')}
          <button type="button" class="quiet" @click=${() => void this.refresh()}>${msg('Try again')}</button></p>`,
      })}`;
  }

  #list(records: readonly AuditRecordResponse[]): TemplateResult {
    if (records.length === 0) return html`<p class="muted none">${msg('No operator has acted on this job.')}</p>`;
    return html`<ol part="list" class="history" aria-labelledby="history-h">
        ${records.slice(0, SHOWN).map(
          (record) => html`<li>
            <a href=${this.href(routes.auditRecord(record.id))}
              ><strong>${actionDone(record.action)}</strong> ${msg('by {who}', { who: principalText(record) })}</a>
            <span class="meta"><ops-jobs-outcome-badge outcome=${record.outcome}></ops-jobs-outcome-badge>
              <ops-jobs-relative-time datetime=${record.occurredAt}></ops-jobs-relative-time></span>
          </li>`,
        )}
      </ol>
      <a class="all" href=${this.href(routes.audit({ job: this.jobId }))}>${msg('All records for this job')} ${arrowRightIcon}</a>`;
  }
}
