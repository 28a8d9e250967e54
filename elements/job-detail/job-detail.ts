import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { OperatorAction } from '../../core/vocabulary/actions.ts';
import type { JobValuePart } from '../../core/vocabulary/job-value-parts.ts';
import type { JobDetailResponse, Shown } from '../../core/vocabulary/wire.ts';
import type { WholeValueLoader } from '../json-viewer/whole-value.ts';
import { ensureDefined } from '../lazy-elements.ts';
import { actionOptions, type ActionOption } from '../actions/action-availability.ts';
import { actionButton, deniedNotes } from '../actions/action-buttons.ts';
import { actionCopy } from '../actions/action-copy.ts';
import { msg } from '../shared/locale.ts';
import { actionDialogFor, dialogLoadError, openActionDialog } from '../actions/dialog-template.ts';
import { actionStyles } from '../actions/actions.styles.ts';
import type { OpsJobsChronology } from '../chronology/chronology.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { LiveSync } from '../live/live-sync.ts';
import { ApiError } from '../api/api-error.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { facts } from '../shared/facts.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { formatCount, shortId } from '../shared/format.ts';
import { chevronIcon, deadLetterIcon } from '../shared/icons.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { refreshButton } from '../shared/refresh-button.ts';
import { ViewElement } from '../shared/view-element.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { jobDetailStyles } from './job-detail.styles.ts';
import { familyCard } from './job-family.ts';
import { logBlock, logLines, logsSummary } from './job-logs.ts';
import { jobPartsStyles } from './job-parts.styles.ts';
import { progressBar, progressPercent } from './job-progress.ts';

/** The sections of a job's page that fold away. */
type FoldingPart = JobValuePart | 'progress' | 'logs';

/**
 * One job: its state, queue, id, attempts, progress and timeline, then its error (name, message
 * and stack), data, output, last log lines and options, and the flow it belongs to (its parent and
 * children, as links) where the engine has flows. Values hidden by the host's display policy or too large to send are
 * marked as such; options load into the page only when opened. The actions that apply to the
 * job's state (retry a failed job, cancel a queued one, redrive a dead letter...) sit beside the
 * heading and go through `<ops-jobs-action-dialog>`; operators who may read the audit log see
 * the job's chronology (its life and the actions on it, in one list) in place of its timeline, and
 * under "No such job" for a job only the audit log still names. Inside `<ops-jobs-console>` it reloads in place when the live
 * stream says its queue changed or an action touched it, keeping open sections and an open dialog.
 *
 * @attr queue - the job's queue.
 * @attr job-id - the job's id.
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @csspart facts - the summary of the job under the heading.
 * @csspart error - the error section.
 * @csspart timeline - the timeline card, for an operator who may not read the audit log (the chronology card holds it otherwise).
 * @csspart actions - the job's action buttons.
 * @csspart chronology - the chronology card: the job's life and the actions on it (also under a missing job the audit log names).
 * @csspart progress - the progress section, when the progress is not a percentage.
 * @csspart logs-card - the logs section.
 * @csspart logs - the block of log lines.
 * @csspart family - the flow card: parent and children.
 *
 * @cssprop --ops-jobs-log-max-height - height before the log lines scroll (20rem).
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-state-<state> - the solid colour of a job state (bars, dots), such as `--ops-jobs-state-failed`.
 */
export class OpsJobsJobDetail extends ViewElement {
  static override styles = [tokens, themeScheme, controls, skeletons, stateColors, viewStyles, facts, actionStyles, jobDetailStyles, jobPartsStyles];

  @property() queue = '';
  @property({ attribute: 'job-id' }) jobId = '';
  @state() private optionsOpen = false;
  /** Sections the operator folded: data, output, error, progress or logs. */
  @state() private folded: ReadonlySet<FoldingPart> = new Set();
  @state() private valuesFailed = false;
  @state() private dialogFailed = false;
  @query('ops-jobs-chronology') private chronology!: OpsJobsChronology | null;

  protected override needsSession = true;

  constructor() {
    super();
    this.addEventListener('ops-jobs-action-done', () => {
      void this.refresh();
      void this.chronology?.refresh?.();
    });
    this.addEventListener('ops-jobs-action-close', (event) => {
      if (event.stale) void this.refresh();
    });
  }

  readonly #load = new LoadController(this, {
    args: () => (this.queue && this.jobId ? ([this.api, this.queue, this.jobId] as const) : null),
    task: ([api, queue, id], signal) => api.job(queue, id, signal),
  });

  readonly #sync = new LiveSync(this, {
    live: () => this.live,
    reload: () => this.#load.revalidate(),
    queuesConcern: (event) => event.queues.some((queue) => queue.name === this.queue),
    actionConcerns: (event) => event.queue === this.queue && event.jobIds.includes(this.jobId),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // The timeline shares this element's chunk: where this is defined on first use, so is it.
    ensureDefined('ops-jobs-job-timeline').catch(() => {});
    this.#loadValueViews();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('queue') || changed.has('jobId')) this.#loaders.clear();
  }

  /** The value views come in their own chunk, fetched while the job loads; a failed fetch can be tried again. */
  #loadValueViews(): void {
    this.valuesFailed = false;
    Promise.all([ensureDefined('ops-jobs-json-viewer'), ensureDefined('ops-jobs-job-error')]).catch(() => (this.valuesFailed = true));
    // The chronology is a side panel: without its chunk the job still shows, and the next visit tries again.
    if (this.operator?.permissions['audit.view'] !== false) ensureDefined('ops-jobs-chronology').catch(() => {});
    // The flow shows nothing until its steps arrive: if its code fails to load, the page does without it.
    ensureDefined('ops-jobs-job-flow').catch(() => {});
    // The job id's copy button: without its code the id still shows.
    ensureDefined('ops-jobs-copy-button').catch(() => {});
  }

  /** Loads the job again. */
  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  readonly #reload = (): void => void this.refresh();

  /** The actions that apply to the job as it is now. */
  #options(job: JobDetailResponse | undefined): ActionOption[] {
    return job ? actionOptions(this.operator, [job.state], { deadLetter: job.deadLetteredFrom !== null }) : [];
  }

  async #act(job: JobDetailResponse, action: OperatorAction): Promise<void> {
    const request = { action, target: { queue: job.queue, ids: [job.id] }, subject: msg('job {id}', { id: shortId(job.id) }) };
    this.dialogFailed = !(await openActionDialog(this.renderRoot, request));
  }

  override render() {
    const current = this.#load.value && this.#load.value.id === this.jobId && this.#load.value.queue === this.queue ? this.#load.value : undefined;
    const busy = this.#load.status === LOAD_STATUS.pending;
    const options = this.#options(current);
    return html`
      <header class="head ${options.length > 0 ? 'has-actions' : ''}">
        <div>
          <nav class="crumbs" aria-label=${msg('Breadcrumbs')}>
            <a href=${this.href(routes.overview())}>${msg('Queues')}</a><span class="crumb-sep" aria-hidden="true">/</span>
            <a href=${this.href(routes.queue(this.queue, current?.state ?? null))}>${this.queue}</a>
          </nav>
          <div class="title">
            <h1 tabindex="-1">${msg('Job')} <span class="mono" title=${this.jobId}>${shortId(this.jobId)}</span></h1>
            ${current ? html`<ops-jobs-state-badge state=${current.state}></ops-jobs-state-badge>` : ''}
          </div>
        </div>
        <div class="tools">
          ${options.length > 0 && current
            ? html`<div part="actions" class="act-group" role="group" aria-label=${msg('Actions on this job')}>
                ${options.map((option) => actionButton(option, actionCopy(option.action).verb, (action) => void this.#act(current, action), 'job'))}
              </div>`
            : ''}
          ${refreshButton(busy, msg('Refresh job'), this.#reload)}
        </div>
      </header>
      ${deniedNotes(options, 'job')}${dialogLoadError(this.dialogFailed)}
      ${this.#load.render({
        pending: () => (current ? this.#content(current) : this.#skeleton()),
        complete: (job) => this.#content(job),
        error: (error) => html`<ops-jobs-problem .error=${error} subject="job">
            <a slot="actions" href=${this.href(routes.queue(this.queue))}>${msg('Jobs in {queue}', { queue: this.queue })}</a>
          </ops-jobs-problem>
          ${this.#prunedChronology(error)}`,
      })}
      ${actionDialogFor(this.operator, this.api, (route) => this.href(route))}
    `;
  }

  #content(job: JobDetailResponse): TemplateResult {
    return html`${this.#facts(job)}${this.#origin(job)}
      <div class="columns">
        <div class="main">
          ${this.valuesFailed
            ? html`<p class="muted" role="alert">${msg('The job\'s values could not be shown: this part of the console did not load.')}
                <button type="button" class="quiet" @click=${() => this.#loadValueViews()}>${msg('Try again')}</button></p>`
            : ''}
          ${this.#error(job)}
          ${this.operator?.engine.flows ? html`<ops-jobs-job-flow root=${this.root} .queue=${job.queue} .jobId=${job.id}></ops-jobs-job-flow>` : ''}
          ${this.#value(job, 'data', msg('Data'), job.data)}
          ${this.#value(job, 'output', msg('Output'), job.output)}
          ${this.#progressValue(job)}${this.#logs(job)}
          <section class="card">
            <details @toggle=${(event: Event) => (this.optionsOpen = (event.target as HTMLDetailsElement).open)} ?open=${this.optionsOpen}>
              <summary>${chevronIcon}<h2>${msg('Options')}</h2></summary>
              ${this.optionsOpen ? html`<ops-jobs-json-viewer .shown=${job.options} .loadWhole=${this.#loader(job, 'options')} label=${msg('Options')}></ops-jobs-json-viewer>` : ''}
            </details>
          </section>
        </div>
        <div class="side">
          ${this.operator?.permissions['audit.view']
            ? // One list of the job's life and the actions on it, in place of the timeline, which would repeat it.
              html`<section part="chronology" class="card history" aria-label=${msg('Chronology')}>
                <ops-jobs-chronology root=${this.root} .queue=${job.queue} .jobId=${job.id}></ops-jobs-chronology>
              </section>`
            : html`<aside part="timeline" class="card" aria-labelledby="timeline-h">
                <h2 id="timeline-h">${msg('Timeline')}</h2>
                <ops-jobs-job-timeline .job=${job}></ops-jobs-job-timeline>
              </aside>`}
          ${job.family ? familyCard(job.family, job.queue, (route) => this.href(route)) : ''}
        </div>
      </div>`;
  }

  /**
   * A job the engine no longer has may still be named by the audit log: its chronology then tells
   * what is known of it, from the records alone (the chronology answers 404 when they name none).
   */
  #prunedChronology(error: unknown): TemplateResult | string {
    if (!(error instanceof ApiError) || error.status !== 404 || !this.operator?.permissions['audit.view']) return '';
    return html`<section part="chronology" class="card history pruned" aria-label=${msg('Chronology')}>
      <ops-jobs-chronology root=${this.root} .queue=${this.queue} .jobId=${this.jobId}></ops-jobs-chronology>
    </section>`;
  }

  #facts(job: JobDetailResponse): TemplateResult {
    const spent = job.attempts.max > 0 && job.attempts.made >= job.attempts.max;
    const percent = progressPercent(job.progress);
    return html`<dl part="facts" class="card facts">
      <div>
        <dt>${msg('Queue')}</dt>
        <dd><a href=${this.href(routes.queue(job.queue))}>${job.queue}</a></dd>
      </div>
      <div class="wide">
        <dt>${msg('Job ID')}</dt>
        <dd><span class="id-value" dir="ltr">${job.id}</span><ops-jobs-copy-button value=${job.id} label=${msg('Copy job ID')}></ops-jobs-copy-button></dd>
      </div>
      <div>
        <dt>${msg('Attempts')}</dt>
        <dd><span class=${spent && job.state === 'failed' ? 'spent' : ''}>${msg('{made} of {max}', { made: formatCount(job.attempts.made), max: formatCount(job.attempts.max) })}</span></dd>
      </div>
      <div>
        <dt>${msg('Priority')}</dt>
        <dd>${formatCount(job.priority)}</dd>
      </div>
      ${percent === null
        ? ''
        : html`<div class="progress-fact">
            <dt>${msg('Progress')}</dt>
            <dd>${progressBar(percent)}</dd>
          </div>`}
      <div>
        <dt>${msg('Created')}</dt>
        <dd><ops-jobs-relative-time datetime=${job.createdAt}></ops-jobs-relative-time></dd>
      </div>
    </dl>`;
  }

  #origin(job: JobDetailResponse): TemplateResult | string {
    const from = job.deadLetteredFrom;
    if (!from) return '';
    return html`<p class="origin">${deadLetterIcon}<span>
        ${msg('Dead-lettered from')}
        ${from.id
          ? html`<a href=${this.href(routes.job(from.queue, from.id))}>${msg('job {id} in {queue}', { id: shortId(from.id), queue: from.queue })}</a>`
          : html`<a href=${this.href(routes.queue(from.queue))}>${from.queue}</a>`}
      </span></p>`;
  }

  #error(job: JobDetailResponse): TemplateResult | string {
    const error = job.error;
    const recorded = !('value' in error) || (error.value !== null && error.value !== undefined);
    if (!recorded && job.state !== 'failed' && job.state !== 'retrying') return '';
    return html`<section part="error" class="card error-card">
      ${this.#fold('error', html`<h2 id="error-h">${msg('Error')}</h2>`, () => html`<ops-jobs-job-error .error=${error} .loadWhole=${this.#loader(job, 'error')}></ops-jobs-job-error>`)}
    </section>`;
  }

  #value(job: JobDetailResponse, part: JobValuePart, title: string, shown: Shown): TemplateResult {
    return html`<section class="card">
      ${this.#fold(part, html`<h2 id=${`${part}-h`}>${title}</h2>`, () => html`<ops-jobs-json-viewer .shown=${shown} .loadWhole=${this.#loader(job, part)} label=${title}></ops-jobs-json-viewer>`)}
    </section>`;
  }

  /** Progress that is not a percentage (an object, a hidden or a too large value), as a value. */
  #progressValue(job: JobDetailResponse): TemplateResult | string {
    const shown = job.progress;
    if (!shown || progressPercent(shown) !== null) return '';
    return html`<section part="progress" class="card">
      ${this.#fold('progress', html`<h2 id="progress-h">${msg('Progress')}</h2>`, () => html`<ops-jobs-json-viewer .shown=${shown} label=${msg('Progress')}></ops-jobs-json-viewer>`)}
    </section>`;
  }

  /** The job's last log lines, with how many of how many are on show. */
  #logs(job: JobDetailResponse): TemplateResult | string {
    const logs = job.logs;
    if (!logs) return '';
    const lines = logLines(logs);
    const heading = html`<h2 id="logs-h">${msg('Logs')}</h2><span class="muted logs-count">${logsSummary(logs, lines?.length ?? null)}</span>`;
    if (logs.total === 0 && lines !== null) {
      return html`<section part="logs-card" class="card logs-card" aria-labelledby="logs-h"><div class="logs-empty">${heading}</div></section>`;
    }
    return html`<section part="logs-card" class="card logs-card">
      ${this.#fold('logs', heading, () => (lines === null
        ? html`<ops-jobs-json-viewer .shown=${logs.lines} label=${msg('Logs')}></ops-jobs-json-viewer>`
        : logBlock(lines)))}
    </section>`;
  }

  /** A section that folds away; folded, its value leaves the page. Open by default. */
  #fold(part: FoldingPart, heading: TemplateResult, body: () => TemplateResult): TemplateResult {
    const open = !this.folded.has(part);
    return html`<details ?open=${open} @toggle=${(event: Event) => this.#toggle(part, (event.target as HTMLDetailsElement).open)}>
      <summary>${chevronIcon}${heading}</summary>
      ${open ? body() : ''}
    </details>`;
  }

  #toggle(part: FoldingPart, open: boolean): void {
    if (open === !this.folded.has(part)) return;
    const folded = new Set(this.folded);
    if (open) folded.delete(part);
    else folded.add(part);
    this.folded = folded;
  }

  /** Fetches one part of this job whole; the viewers call it when the operator asks. */
  #loader(job: JobDetailResponse, part: JobValuePart): WholeValueLoader {
    const key = `${job.queue}\u0000${job.id}\u0000${part}`;
    let loader = this.#loaders.get(key);
    if (!loader) {
      loader = (signal) => this.api.jobValue(job.queue, job.id, part, signal);
      this.#loaders.set(key, loader);
    }
    return loader;
  }

  // One function per part of the job on show, so a reload in the background does not hand the viewers a new one.
  readonly #loaders = new Map<string, WholeValueLoader>();

  #skeleton(): TemplateResult {
    return html`<div role="status" aria-busy="true" aria-label=${msg('Loading job')}>
      <span class="skeleton facts-s"></span>
      <div class="columns">
        <div class="main"><span class="skeleton block"></span><span class="skeleton block"></span></div>
        <span class="skeleton block"></span>
      </div>
    </div>`;
  }
}
