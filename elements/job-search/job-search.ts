import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { JobSearchResponse, JobSummaryResponse } from '../../core/vocabulary/wire.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { formatCount, shortId } from '../shared/format.ts';
import { jobIdForm, jobIdFormStyles } from '../shared/job-id-form.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { msg } from '../shared/locale.ts';
import { jobCount } from '../actions/action-copy.ts';

/**
 * Finds a job by its id, whole or (where the engine can) its first characters, in every queue the operator may see: for
 * the id in a log line or an alert, whose queue nobody wrote down. One match opens that job; several
 * are listed to choose from.
 *
 * @attr query - what to look for: a job id, or its first 4 or more characters where the session's
 *   engine finds prefixes (`jobLookupByPrefix`); BullMQ finds whole ids only.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart table - the matching jobs' card.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsJobSearch extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, viewStyles, jobIdFormStyles];

  @property() query = '';

  readonly #search = new LoadController(this, {
    args: () => (this.query ? ([this.api, this.query] as const) : null),
    task: ([api, query], signal) => api.findJobs(query, signal),
  });

  /** Whether the engine finds jobs by the first characters of their id; unknown (alone in a page) counts as yes. */
  get #byPrefix(): boolean {
    return this.session?.engine.jobLookupByPrefix ?? this.session === undefined;
  }

  override refresh(): Promise<void> {
    return this.#search.rerun();
  }

  protected override updated(): void {
    const found = this.#search.value;
    // One job and no more: the operator wanted that job, so open it in place of this page.
    if (this.#search.status === LOAD_STATUS.complete && found?.jobs.length === 1 && !found.more && this.router) {
      const [job] = found.jobs;
      this.router.navigate(routes.job(job!.queue, job!.id), { replace: true });
    }
  }

  #find(id: string): void {
    if (this.router) this.router.navigate(routes.findJob(id), { replace: id === this.query });
    else this.query = id;
    if (id === this.query) void this.refresh();
  }

  override render() {
    return html`
      <header class="head">
        <div>
          <h1 tabindex="-1">${msg('Find a job')}</h1>
          <p class="sub">${this.#byPrefix
            ? msg('By its id, or the first characters of it, in every queue you may see.')
            : msg('By its whole id, in every queue you may see.')}</p>
        </div>
        <div class="tools">${jobIdForm(this.query, (id) => this.#find(id), 'job-search-id', this.#byPrefix)}</div>
      </header>
      ${this.query
        ? this.#search.render({
            pending: () => html`<div class="card table-card" aria-busy="true" aria-label=${msg('Looking for the job')}><span class="skeleton row-s"></span></div>`,
            complete: (found) => this.#results(found),
            error: (error) => html`<ops-jobs-problem .error=${error} subject="job search"></ops-jobs-problem>`,
          })
        : ''}
    `;
  }

  #results(found: JobSearchResponse): TemplateResult {
    if (found.jobs.length === 0) {
      return html`<div class="card empty" role="status">
        <strong>${this.#byPrefix ? msg('No job\'s id starts with') : msg('No job has the id')} <span class="mono">${this.query}</span></strong>
        <span>${msg('Check the id, or look in its queue: a job removed by its queue\'s retention is gone for good.')}</span>
      </div>`;
    }
    return html`<div part="table" class="card table-card">
      <table class="stack" role="table" aria-label=${this.#byPrefix ? msg('Jobs whose id starts with {query}', { query: this.query }) : msg('Jobs with the id {query}', { query: this.query })}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${msg('Job')}</th>
            <th role="columnheader" scope="col">${msg('Queue')}</th>
            <th role="columnheader" scope="col">${msg('State')}</th>
            <th role="columnheader" scope="col">${msg('Created')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">${found.jobs.map((job) => this.#row(job))}</tbody>
      </table>
    </div>
    <p class="footer muted" role="status">${found.more && this.#byPrefix ? msg('Showing the first {count}: type more of the id to narrow it down.', { count: formatCount(found.jobs.length) })
      : found.more ? msg('Showing the first {count}.', { count: formatCount(found.jobs.length) }) : jobCount(found.jobs.length)}</p>`;
  }

  #row(job: JobSummaryResponse): TemplateResult {
    return html`<tr role="row">
      <td role="cell"><a class="mono" href=${this.href(routes.job(job.queue, job.id))} title=${job.id} aria-label=${msg('Job {id} in {queue}', { id: job.id, queue: job.queue })}>${shortId(job.id)}</a></td>
      <td role="cell" data-label=${msg('in')}><a href=${this.href(routes.queue(job.queue))}>${job.queue}</a></td>
      <td role="cell"><ops-jobs-state-badge state=${job.state}></ops-jobs-state-badge></td>
      <td role="cell"><ops-jobs-relative-time datetime=${job.createdAt}></ops-jobs-relative-time></td>
    </tr>`;
  }
}
