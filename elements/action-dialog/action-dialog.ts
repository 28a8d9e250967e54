import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { REASON_MAX_LENGTH } from '../../core/vocabulary/limits.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { AuditQuery } from '../api/audit-query.ts';
import { jobCount } from '../actions/action-copy.ts';
import { ACTION_ICONS } from '../actions/action-icons.ts';
import type { ActionRequest } from '../actions/action-request.ts';
import { OpsJobsActionCloseEvent } from '../events/ops-jobs-action-close.ts';
import { OpsJobsActionDoneEvent } from '../events/ops-jobs-action-done.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatCount, formatExact, shortId, toDate } from '../shared/format.ts';
import { localized, msg, plural } from '../shared/locale.ts';
import { alertIcon, arrowRightIcon, checkCircleIcon, closeIcon, refreshIcon } from '../shared/icons.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { actionDialogStyles } from './action-dialog.styles.ts';
import { settingsOutcome, settingsPreview, settingsPreviewStyles } from './settings-preview.ts';
import type { EditableQueueSetting } from '../../core/vocabulary/queue-settings.ts';
import { ActionFlow, FLOW_STEP, type FlowStep, type PreviewSummary } from './action-flow.ts';
import { actionProblemCopy, meansStale } from './action-problem-copy.ts';
import { nothingChangedYet, previewWarnings, withPart } from './preview-parts.ts';
import { scheduleOutcome, schedulePreviewBody, scheduleReasonLabel } from './schedule-preview.ts';
import { anyActionCopy, anyActionName, isScheduleAction, SCHEDULE_ICONS } from '../actions/schedule-copy.ts';

/** Where the dialog links into the audit log; absent when the operator may not read it. */
export interface AuditLinks {
  /** The address of one audit record. */
  record(id: string): string;
  /** The address of the audit log under a filter. */
  log(filter: AuditQuery): string;
}

const stepNames = (): readonly string[] => [msg('Preview'), msg('Reason'), msg('Done')];

/**
 * The dialog every operator action goes through. It previews the action (nothing changes yet) and
 * shows how many jobs it would touch, the server's warnings and a sample; asks for a reason of at
 * least `reason-min-length` characters; executes with one idempotency key per opening, so a double
 * click or a resubmit cannot act twice; then shows the outcome and links to its audit record.
 * Each problem (expired, drifted, already used, not allowed...) is worded with its next step.
 * The preview's token is kept out of the DOM. A modal `<dialog>`: focus stays inside, Escape
 * closes it (not while an execute is on its way). Once a reason has been written, Escape first
 * asks whether to discard it ("Keep writing" takes focus); a second Escape, or "Discard", closes.
 *
 * @attr reason-min-length - the least number of characters of a reason (the session's limit).
 *
 * @fires ops-jobs-action-done - the action was executed and audited.
 * @fires ops-jobs-action-close - the dialog closed; `stale` when the jobs changed under it.
 *
 * @csspart dialog - the `<dialog>` element.
 * @csspart confirm - the button that executes the action.
 *
 * @cssprop --ops-jobs-dialog-width - the dialog's width on wide screens (42rem).
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsActionDialog extends LitElement {
  static override styles = [tokens, controls, viewStyles, actionDialogStyles, settingsPreviewStyles];

  /** The client that previews and executes; views pass their own. */
  @property({ attribute: false }) api: ApiClient | undefined;
  @property({ type: Number, attribute: 'reason-min-length' }) reasonMinLength = 8;
  /** Links into the audit log, or null when the operator may not read it. */
  @property({ attribute: false }) auditLinks: AuditLinks | null = null;
  /** The queue settings the engine can change, from the session, so a change of settings reads its values in their units. */
  @property({ attribute: false }) queueSettings: readonly EditableQueueSetting[] = [];

  @state() private reason = '';
  /** Whether the operator tried to confirm, after which a too-short reason shows as an error. */
  @state() private attempted = false;
  /** Whether Escape asked to close over a written reason, and the dialog asks before discarding it. */
  @state() private confirmingDiscard = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  readonly #flow = new ActionFlow(
    this,
    () => {
      if (!this.api) throw new Error('ops-jobs-action-dialog needs its api property set.');
      return this.api;
    },
    (request, result) =>
      this.dispatchEvent(
        new OpsJobsActionDoneEvent({
          action: request.action,
          queue: request.target.queue,
          affected: result.response.affected,
          auditId: result.response.auditId,
          replayed: result.replayed,
        }),
      ),
  );

  constructor() {
    super();
    localized(this);
  }

  #shownStep: FlowStep = FLOW_STEP.idle;
  /** Whether a problem showed that the jobs behind the dialog changed. */
  #stale = false;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog on `request` and previews it. */
  async show(request: ActionRequest): Promise<void> {
    this.reason = '';
    this.attempted = false;
    this.confirmingDiscard = false;
    this.#shownStep = FLOW_STEP.idle;
    this.#stale = false;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    void this.#flow.start(request);
  }

  /** Closes the dialog; a preview on its way is dropped, an execute on its way still completes. */
  close(): void {
    if (this.#flow.step === FLOW_STEP.executing) return;
    this.dialog?.close();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('confirmingDiscard')) {
      const root = this.renderRoot;
      if (this.confirmingDiscard) root.querySelector<HTMLElement>('.discard button')?.focus();
      else if (changed.get('confirmingDiscard')) (root.querySelector<HTMLElement>('textarea') ?? root.querySelector<HTMLElement>('.foot button'))?.focus();
    }
    const step = this.#flow.step;
    const problem = this.#flow.problem;
    if (problem && meansStale(problem.error, problem.during)) this.#stale = true;
    if (step === this.#shownStep) return;
    this.#shownStep = step;
    // Each new step takes focus, so a screen reader reads it and the keyboard starts there.
    const target =
      step === FLOW_STEP.reason
        ? this.renderRoot.querySelector<HTMLElement>('textarea')
        : step === FLOW_STEP.preview || step === FLOW_STEP.done || step === FLOW_STEP.problem
          ? this.renderRoot.querySelector<HTMLElement>('.body h3')
          : null;
    target?.focus();
  }

  readonly #onCancel = (event: Event): void => {
    if (this.#flow.step === FLOW_STEP.executing) {
      event.preventDefault();
      return;
    }
    // A written reason is work: Escape asks first. The browser makes a second Escape in a row
    // uncancelable, so it always gets out; that second press is the discard.
    if (this.#hasWrittenReason && !this.confirmingDiscard) {
      event.preventDefault();
      this.confirmingDiscard = true;
    }
  };

  /** Whether a reason has been typed that executing has not used up. */
  get #hasWrittenReason(): boolean {
    return this.reason.trim() !== '' && this.#flow.step !== FLOW_STEP.done;
  }

  readonly #keepWriting = (): void => {
    this.confirmingDiscard = false;
  };

  readonly #onClose = (): void => {
    this.confirmingDiscard = false;
    this.#flow.reset();
    this.#shownStep = FLOW_STEP.idle;
    this.dispatchEvent(new OpsJobsActionCloseEvent(this.#stale));
    this.#stale = false;
  };

  override render() {
    const request = this.#flow.request;
    const copy = request ? anyActionCopy(request.action) : null;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="where" @cancel=${this.#onCancel} @close=${this.#onClose}>
      ${request && copy
        ? html`<header class="top">
              <span class="mark ${copy.tone === 'danger' ? 'danger' : ''}" aria-hidden="true">${isScheduleAction(request.action) ? SCHEDULE_ICONS[request.action] : ACTION_ICONS[request.action]}</span>
              <div>
                <h2 id="title">${msg('{verb} {subject}', { verb: copy.verb, subject: request.subject })}</h2>
                <p id="where">${copy.hint} ${msg('Queue')} <strong>${request.target.queue}</strong>.</p>
              </div>
              <button type="button" class="quiet" aria-label=${msg('Close')} title=${msg('Close (Esc)')} @click=${() => this.close()}
                ?disabled=${this.#flow.step === FLOW_STEP.executing}>${closeIcon}</button>
            </header>
            ${this.#steps()}
            <div class="body">${this.#body()}</div>
            <footer class="foot">${this.confirmingDiscard ? this.#discardQuestion() : this.#buttons()}</footer>`
        : html`<h2 id="title" class="visually-hidden">${msg('Action')}</h2><p id="where" hidden></p>`}
    </dialog>`;
  }

  #steps(): TemplateResult {
    const step = this.#flow.step;
    const problemDuring = this.#flow.problem?.during;
    const current =
      step === FLOW_STEP.done ? 2 : step === FLOW_STEP.reason || step === FLOW_STEP.executing || problemDuring === 'execute' ? 1 : 0;
    return html`<ol class="steps" aria-label=${msg('Steps')}>
      ${stepNames().map(
        (name, index) => html`<li aria-current=${index === current ? 'step' : 'false'}>
          <span class="n" aria-hidden="true">${index + 1}</span><span class="label">${name}</span>
        </li>`,
      )}
    </ol>`;
  }

  #body(): TemplateResult {
    const flow = this.#flow;
    switch (flow.step) {
      case FLOW_STEP.idle:
      case FLOW_STEP.previewing:
        return html`<p class="waiting" role="status"><span class="spin">${refreshIcon}</span> ${msg('Previewing…')}</p>`;
      case FLOW_STEP.preview:
        return this.#preview(flow.preview!);
      case FLOW_STEP.reason:
      case FLOW_STEP.executing:
        return this.#reasonStep(flow.preview!);
      case FLOW_STEP.done:
        return this.#outcome();
      case FLOW_STEP.problem:
        return this.#problem();
    }
  }

  #preview(preview: PreviewSummary): TemplateResult {
    if (preview.queueJobs) return this.#queuePreview(preview, preview.queueJobs);
    if (preview.schedule) return schedulePreviewBody(preview, preview.schedule);
    if (preview.settingChanges) return settingsPreview(preview, preview.settingChanges, this.queueSettings);
    const copy = anyActionCopy(preview.action);
    const rest = preview.count - preview.sample.length;
    return html`${nothingChangedYet()}
      <h3 tabindex="-1" class="count"><strong>${formatCount(preview.count)}</strong><span>${plural(preview.count, 'job would be {done}', 'jobs would be {done}', { done: copy.done })}</span></h3>
      ${previewWarnings(preview.warnings)}
      ${preview.sample.length > 0
        ? html`<div class="sample">
            <table>
              <caption>${preview.sample.length === preview.count ? msg('The jobs it would change') : plural(preview.sample.length, 'The first job it would change', 'The first {count} jobs it would change')}</caption>
              <thead><tr><th scope="col">${msg('Job')}</th><th scope="col">${msg('State')}</th><th scope="col">${msg('Last error')}</th></tr></thead>
              <tbody>
                ${preview.sample.map(
                  (job) => html`<tr>
                    <td class="mono" title=${job.id}>${shortId(job.id)}</td>
                    <td><ops-jobs-state-badge state=${job.state}></ops-jobs-state-badge></td>
                    <td>${job.errorMessage
                      ? html`<span class="excerpt" dir="auto" title=${job.errorMessage.slice(0, 1000)}>${job.errorMessage.slice(0, 200)}</span>`
                      : html`<span class="muted">—</span>`}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            ${rest > 0 ? html`<div class="more">${plural(rest, 'and {count} more job', 'and {count} more jobs')}</div>` : ''}
          </div>`
        : ''}`;
  }

  /** What a queue action would change: the queue, not its jobs, which stay where they are. */
  #queuePreview(preview: PreviewSummary, jobs: NonNullable<PreviewSummary['queueJobs']>): TemplateResult {
    const copy = anyActionCopy(preview.action);
    const effects =
      preview.action === 'queue.pause'
        ? [
            msg('Workers take no more of its jobs until it is resumed; new jobs can still be added.'),
            jobs.queued === 0 ? msg('It has no waiting jobs.') : plural(jobs.queued, 'Its {count} waiting job stays waiting.', 'Its {count} waiting jobs stay waiting.'),
            jobs.active === 0 ? msg('None of its jobs is running.') : plural(jobs.active, 'Its {count} running job runs to the end.', 'Its {count} running jobs run to the end.'),
          ]
        : [
            msg('Workers take its jobs again.'),
            jobs.queued === 0
              ? msg('It has no waiting jobs.')
              : plural(jobs.queued, 'Its {count} waiting job can start as soon as a worker is free.', 'Its {count} waiting jobs can start as soon as a worker is free.'),
          ];
    const heading = withPart(msg('Queue {queue} would be {done}', { done: copy.done }), 'queue', html`<strong>${preview.queue}</strong>`);
    return html`${nothingChangedYet()}
      <h3 tabindex="-1" class="count queue-count"><span>${heading}</span></h3>
      <ul class="effects">${effects.map((effect) => html`<li>${effect}</li>`)}</ul>
      ${previewWarnings(preview.warnings)}`;
  }

  #reasonStep(preview: PreviewSummary): TemplateResult {
    const copy = anyActionCopy(preview.action);
    const length = this.reason.trim().length;
    const min = this.reasonMinLength;
    const short = length < min;
    const serverError = this.#flow.reasonError;
    const error = serverError ?? (this.attempted && short ? plural(min, 'Write at least {count} character: say why, for whoever reads the audit log later.', 'Write at least {count} characters: say why, for whoever reads the audit log later.') : '');
    const expires = toDate(preview.expiresAt);
    const busy = this.#flow.step === FLOW_STEP.executing;
    return html`<div class="field">
        <label for="reason">${preview.schedule
          ? scheduleReasonLabel(preview, preview.schedule)
          : preview.queueJobs || preview.settingChanges
          ? msg('Why {verb} queue {queue}?', { verb: copy.infinitive, queue: preview.queue })
          : msg('Why {verb} {jobs}?', { verb: copy.infinitive, jobs: jobCount(preview.count) })} <span class="req">${msg('(required)')}</span></label>
        <p class="hint" id="reason-hint">${msg('Your reason goes into the audit log with your name, for the next person on call.')}<span class="kbd-hint"> ${msg('Ctrl+Enter confirms.')}</span>${expires
          ? ` ${msg('The preview is valid until {time}.', { time: formatExact(expires) })}`
          : ''}</p>
        <textarea id="reason" name="reason" required minlength=${min} maxlength=${REASON_MAX_LENGTH} .value=${this.reason} ?readonly=${busy}
          aria-describedby="reason-hint reason-count ${error ? 'reason-error' : ''}" aria-invalid=${error ? 'true' : 'false'}
          placeholder=${msg('e.g. Provider outage INC-2291 is over; retrying the declines')}
          @input=${(event: Event) => (this.reason = (event.target as HTMLTextAreaElement).value)}
          @keydown=${this.#onReasonKey}></textarea>
        <div class="field-foot">
          ${error ? html`<span class="field-error" id="reason-error">${alertIcon}<span>${error}</span></span>` : ''}
          <span class="counter ${short ? '' : 'enough'}" id="reason-count">${short ? plural(min, '{length} of at least {count} character', '{length} of at least {count} characters', { length: formatCount(length) }) : plural(length, '{count} character', '{count} characters')}</span>
        </div>
      </div>`;
  }

  #outcome(): TemplateResult {
    const preview = this.#flow.preview!;
    const result = this.#flow.result!;
    const copy = anyActionCopy(preview.action);
    const { affected, auditId } = result.response;
    const links = this.auditLinks;
    if (preview.schedule) {
      const words = scheduleOutcome(preview, preview.schedule, affected);
      return html`<div class="outcome">
        <span class="mark" aria-hidden="true">${checkCircleIcon}</span>
        <h3 tabindex="-1">${words.heading}</h3>
        <p>
          ${words.text} ${msg('Recorded in the audit log with your reason.')}
          ${result.replayed ? msg('An earlier submit of this dialog had done it; it was not done again.') : ''}
        </p>
        ${links ? html`<a href=${links.record(auditId)}>${msg('View the audit record')} ${arrowRightIcon}</a>` : ''}
      </div>`;
    }
    if (preview.settingChanges) return settingsOutcome(preview, auditId, result.replayed, links);
    if (preview.queueJobs) {
      return html`<div class="outcome">
        <span class="mark" aria-hidden="true">${checkCircleIcon}</span>
        <h3 tabindex="-1">${affected > 0 ? msg('Queue {done}', { done: copy.done }) : msg('Nothing changed')}</h3>
        <p>
          ${affected > 0
            ? msg('Queue {queue} was {done}.', { queue: preview.queue, done: copy.done })
            : msg('Queue {queue} already was {done}.', { queue: preview.queue, done: copy.done })}
          ${msg('Recorded in the audit log with your reason.')}
          ${result.replayed ? msg('An earlier submit of this dialog had done it; it was not done again.') : ''}
        </p>
        ${links ? html`<a href=${links.record(auditId)}>${msg('View the audit record')} ${arrowRightIcon}</a>` : ''}
      </div>`;
    }
    return html`<div class="outcome">
      <span class="mark" aria-hidden="true">${checkCircleIcon}</span>
      <h3 tabindex="-1">${plural(affected, '{count} job {done}', '{count} jobs {done}', { done: copy.done })}</h3>
      <p>
        ${affected === preview.count
          ? preview.count === 1
            ? msg('The job in {queue} was {done}.', { queue: preview.queue, done: copy.done })
            : msg('All {count} previewed jobs in {queue} were {done}.', { count: formatCount(affected), queue: preview.queue, done: copy.done })
          : plural(affected, '{count} of the {total} previewed in {queue} was {done}.', '{count} of the {total} previewed in {queue} were {done}.', { total: jobCount(preview.count), queue: preview.queue, done: copy.done })}
        ${msg('Recorded in the audit log with your reason.')}
        ${result.replayed ? msg('An earlier submit of this dialog had done it; it was not done again.') : ''}
      </p>
      ${links ? html`<a href=${links.record(auditId)}>${msg('View the audit record')} ${arrowRightIcon}</a>` : ''}
    </div>`;
  }

  #problem(): TemplateResult {
    const flow = this.#flow;
    const problem = flow.problem!;
    const words = actionProblemCopy(problem.error, problem.during, flow.request!.action);
    return html`<div class="box bad" role="alert">
      ${alertIcon}
      <div>
        <h3 tabindex="-1">${words.heading}</h3>
        <p>${words.message}</p>
        ${words.unchanged ? html`<p><strong>${msg('Nothing has changed.')}</strong></p>` : ''}
      </div>
    </div>`;
  }

  #discardQuestion(): TemplateResult {
    return html`<div class="discard" role="group" aria-labelledby="discard-q">
      <p id="discard-q"><strong>${msg('Discard the reason you wrote?')}</strong> <span class="muted">${msg('Closing loses it; nothing has changed yet.')}</span></p>
      <button type="button" @click=${this.#keepWriting}>${msg('Keep writing')}</button>
      <button type="button" class="danger" @click=${() => this.close()}>${msg('Discard and close')}</button>
    </div>`;
  }

  #buttons(): TemplateResult {
    const flow = this.#flow;
    const close = (label = msg('Close')) => html`<button type="button" @click=${() => this.close()}>${label}</button>`;
    switch (flow.step) {
      case FLOW_STEP.idle:
      case FLOW_STEP.previewing:
        return close();
      case FLOW_STEP.preview:
        return html`${close()}<button type="button" class="primary" @click=${() => flow.proceed()}>${msg('Continue')} ${arrowRightIcon}</button>`;
      case FLOW_STEP.reason:
      case FLOW_STEP.executing:
        return this.#confirmButtons(flow.preview!);
      case FLOW_STEP.done:
        return html`<button type="button" class="primary" @click=${() => this.close()}>${msg('Done')}</button>`;
      case FLOW_STEP.problem: {
        const words = actionProblemCopy(flow.problem!.error, flow.problem!.during, flow.request!.action);
        const links = this.auditLinks;
        if (words.next === 'preview-again') {
          return html`${close()}<button type="button" class="primary" @click=${() => void flow.previewAgain()}>${refreshIcon} ${msg('Preview again')}</button>`;
        }
        if (words.next === 'resubmit' && flow.canResubmit) {
          return html`${close()}<button type="button" class="primary" @click=${() => void flow.resubmit()}>${refreshIcon} ${msg('Try again')}</button>`;
        }
        if (words.next === 'audit-log' && links) {
          const request = flow.request!;
          return html`${close()}<a class="button-link primary" href=${links.log({ queue: request.target.queue, action: request.action })} @click=${() => this.close()}>${msg('Open the audit log')} ${arrowRightIcon}</a>`;
        }
        return close();
      }
    }
  }

  #confirmButtons(preview: PreviewSummary): TemplateResult {
    const copy = anyActionCopy(preview.action);
    const busy = this.#flow.step === FLOW_STEP.executing;
    const label = preview.queueJobs || preview.settingChanges || preview.schedule ? anyActionName(preview.action) : `${copy.verb} ${jobCount(preview.count)}`;
    return html`<button type="button" ?disabled=${busy} @click=${() => this.#flow.back()}>${msg('Back')}</button>
      <span class="spacer"></span>
      <button type="button" ?disabled=${busy} @click=${() => this.close()}>${msg('Close')}</button>
      <button part="confirm" type="button" class="primary ${copy.tone === 'danger' ? 'danger' : ''}" @click=${this.#confirm}>
        ${busy ? html`<span class="spin">${refreshIcon}</span> ${msg('Working…')}` : label}
      </button>`;
  }

  readonly #onReasonKey = (event: KeyboardEvent): void => {
    // Ctrl+Enter (Cmd+Enter) confirms from the text area, as in most tools that take a message.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.#confirm();
    }
  };

  readonly #confirm = (): void => {
    if (this.#flow.step !== FLOW_STEP.reason) return;
    this.attempted = true;
    if (this.reason.trim().length < this.reasonMinLength) {
      this.renderRoot.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    void this.#flow.execute(this.reason.trim());
  };
}
