import { html, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JobFlowResponse, JobSummaryResponse } from '../../core/vocabulary/wire.ts';
import { actionDialogFor, dialogLoadError, openActionDialog } from '../actions/dialog-template.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { routes } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { shortId } from '../shared/format.ts';
import { stateLabel, stateWord } from '../shared/state-copy.ts';
import { msg, plural } from '../shared/locale.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { keyOf, layOutFlow, type FlowLayout } from './flow-layout.ts';
import { jobFlowStyles } from './job-flow.styles.ts';

const NODE_WIDTH = 168;
const NODE_HEIGHT = 46;
const GAP_X = 56;
const GAP_Y = 16;

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
const named = (step: JobSummaryResponse) => msg('{queue} job {id}', { queue: step.queue, id: shortId(step.id) });

/**
 * The flow a job belongs to: its steps and which waits on which, drawn left to right (a step after
 * the steps it waits on), each step a link to its job; then, in words, why each waiting step
 * waits ("invoice-sync job 4f2e1a2b waits for email-send job 1c9d…, which failed"). A failed step
 * the operator may retry offers it there, through the action dialog (previewed, reasoned, audited):
 * the way to release the steps stuck behind it. Shows nothing for a job in no flow.
 *
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 *
 * @csspart flow - the flow's card.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-state-<state> - the solid colour of a job state (bars, dots), such as `--ops-jobs-state-failed`.
 */
export class OpsJobsJobFlow extends ViewElement {
  static override styles = [tokens, controls, stateColors, jobFlowStyles];

  @property() queue = '';
  @property() jobId = '';
  @state() private dialogFailed = false;
  protected override needsSession = true;

  readonly #load = new LoadController(this, {
    args: () => (this.queue && this.jobId ? ([this.api, this.queue, this.jobId] as const) : null),
    task: ([api, queue, id], signal) => api.jobFlow(queue, id, signal),
  });

  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  override render() {
    const flow = this.#load.value;
    // A failed read leaves the job's page as it is; a job in no flow has nothing here.
    if (!flow || flow.steps.length === 0) return '';
    const layout = layOutFlow(flow);
    return html`<section part="flow" class="card flow" aria-labelledby="flow-h">
      <h2 id="flow-h">${msg('Flow')} <span class="muted count">${plural(flow.steps.length, '{count} step', '{count} steps')}</span></h2>
      <div class="drawing">${this.#drawing(flow, layout)}</div>
      ${this.#reasons(flow, layout)}
      ${flow.more || flow.hidden > 0
        ? html`<p class="muted note">${flow.more ? `${msg('The flow goes on beyond these steps.')} ` : ''}${flow.hidden > 0
            ? plural(flow.hidden, '{count} step is in a queue you may not see.', '{count} steps are in queues you may not see.')
            : ''}</p>`
        : ''}
      ${dialogLoadError(this.dialogFailed)}
      ${this.#mayRetry() && flow.steps.some((step) => step.state === 'failed') ? actionDialogFor(this.operator, this.api, (route) => this.href(route)) : ''}
    </section>`;
  }

  #drawing(flow: JobFlowResponse, layout: FlowLayout): TemplateResult {
    const width = layout.columns * NODE_WIDTH + (layout.columns - 1) * GAP_X;
    const height = layout.rows * NODE_HEIGHT + (layout.rows - 1) * GAP_Y;
    const at = new Map(layout.placed.map((placed) => [keyOf(placed.step), {
      x: placed.column * (NODE_WIDTH + GAP_X),
      y: placed.row * (NODE_HEIGHT + GAP_Y),
    }]));
    const current = keyOf({ queue: this.queue, id: this.jobId });
    return html`<svg viewBox="-2 -2 ${width + 4} ${height + 4}" width=${width + 4} height=${height + 4} role="group"
      aria-label=${plural(flow.steps.length, '{count} step, after the steps it waits on', '{count} steps, each after the steps it waits on')}>
      <defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0 0 L8 4 L0 8 z" class="arrowhead"></path>
      </marker></defs>
      ${flow.dependencies.map((edge) => {
        const from = at.get(keyOf(edge.on));
        const to = at.get(keyOf(edge.waiting));
        if (!from || !to) return '';
        const x1 = from.x + NODE_WIDTH;
        const y1 = from.y + NODE_HEIGHT / 2;
        const x2 = to.x - 3;
        const y2 = to.y + NODE_HEIGHT / 2;
        return svg`<path class="edge" aria-hidden="true" marker-end="url(#arrow)" d="M ${x1} ${y1} C ${x1 + GAP_X / 2} ${y1}, ${x2 - GAP_X / 2} ${y2}, ${x2} ${y2}"></path>`;
      })}
      ${layout.placed.map(({ step }) => {
        const { x, y } = at.get(keyOf(step))!;
        const here = keyOf(step) === current;
        const queue = clip(step.queue, 20);
        const meta = `${shortId(step.id).slice(0, 8)} · ${stateLabel(step.state)}`;
        // The name is what the box shows, so that a voice command naming what is seen finds it.
        return svg`<a href=${this.href(routes.job(step.queue, step.id))} class="step state-${step.state} ${here ? 'current' : ''}"
          aria-label="${queue} ${meta}${here ? `, ${msg('this job')}` : ''}" aria-current=${here ? 'page' : 'false'}>
          <title>${step.queue} / ${step.id}</title>
          <rect x=${x} y=${y} width=${NODE_WIDTH} height=${NODE_HEIGHT} rx="6"></rect>
          <rect class="stripe" x=${x} y=${y} width="5" height=${NODE_HEIGHT} rx="2"></rect>
          <text x=${x + 13} y=${y + 19} class="queue">${queue}</text>
          <text x=${x + 13} y=${y + 36} class="meta">${meta}</text>
        </a>`;
      })}
    </svg>`;
  }

  /** Why each waiting step waits: the steps it waits on that have not completed, and how they stand. */
  #reasons(flow: JobFlowResponse, layout: FlowLayout): TemplateResult | string {
    const waiting = flow.steps.filter((step) => step.state === 'blocked');
    const lines = waiting.flatMap((step) => {
      const pending = (layout.waitsOn.get(keyOf(step)) ?? []).filter((on) => on.state !== 'completed');
      return pending.length === 0 ? [] : [{ step, pending }];
    });
    if (lines.length === 0) return '';
    return html`<ul class="reasons" aria-label=${msg('Why steps wait')}>
      ${lines.map(({ step, pending }) => html`<li>
        <a href=${this.href(routes.job(step.queue, step.id))}>${named(step)}</a> ${msg('waits for')}
        ${pending.map((on, index) => html`${index > 0 ? (index === pending.length - 1 ? ` ${msg('and')} ` : ', ') : ''}<a
          href=${this.href(routes.job(on.queue, on.id))}>${named(on)}</a>, ${on.state === 'failed'
            ? html`<strong class="failed">${msg('which failed')}</strong>${on.errorMessage ? html` <span class="muted">(${clip(on.errorMessage, 120)})</span>` : ''}`
            : msg('which is {state}', { state: stateWord(on.state) })}`)}.
        ${pending.filter((on) => on.state === 'failed' && this.#mayRetry()).map((on) => html`<button type="button" class="release"
          @click=${() => void this.#retry(on)}>${msg('Retry {queue} job {id}…', { queue: on.queue, id: shortId(on.id) })}</button>`)}
      </li>`)}
    </ul>`;
  }

  #mayRetry(): boolean {
    const session = this.operator;
    return Boolean(session?.permissions['job.retry'] && session.engine.actions['job.retry']?.includes('failed'));
  }

  async #retry(step: JobSummaryResponse): Promise<void> {
    const request = { action: 'job.retry' as const, target: { queue: step.queue, ids: [step.id] }, subject: named(step) };
    this.dialogFailed = !(await openActionDialog(this.renderRoot, request));
  }
}
