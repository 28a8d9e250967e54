import { html, type TemplateResult } from 'lit';
import type { AttentionFinding, AttentionResponse } from '../../core/vocabulary/wire.ts';
import type { AttentionKind } from '../../core/vocabulary/attention-kinds.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { routes, type Route } from '../router/routes.ts';
import { formatCount, formatDuration } from '../shared/format.ts';
import { alertIcon, arrowRightIcon, checkCircleIcon, clockIcon, deadLetterIcon, warningIcon } from '../shared/icons.ts';
import { controls } from '../shared/controls.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { attentionStyles } from './attention.styles.ts';

/** How often the last pass's result is read again while the overview is open; the read costs the server no engine work. */
const REREAD_MS = 15_000;
/** Before the first pass has finished: ask again soon. */
const FIRST_PASS_REREAD_MS = 2_000;

const plural = (count: number, one: string, many: string): string => `${formatCount(count)} ${count === 1 ? one : many}`;

const UNCHECKED_LABELS: Readonly<Record<AttentionKind, string>> = {
  overdue: 'running jobs past their expiry',
  'stuck-flows': 'flows stuck behind a failed step',
  failing: 'rising failures',
  'no-workers': 'queues nobody works',
  'missed-schedules': 'missed schedules',
  backlog: 'backlogs',
  'dead-letters': 'dead letters',
};

/**
 * What needs an operator now, at the top of the overview: each finding of the console's
 * background diagnosis with one plain sentence and the next step, most urgent first, and how old
 * the diagnosis is. It reads the last pass's result; it never makes the server look at the jobs.
 *
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 *
 * @csspart panel - the card holding the findings.
 * @csspart finding - one finding.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsAttention extends ViewElement {
  static override styles = [tokens, controls, attentionStyles];

  readonly #load = new LoadController(this, {
    args: () => [this.api] as const,
    task: ([api], signal) => api.attention(signal),
  });

  #timer: ReturnType<typeof setTimeout> | undefined;

  override refresh(): Promise<void> {
    return this.#load.rerun();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  override updated(): void {
    const value = this.#load.value;
    if (!value || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.isConnected) void this.refresh();
    }, value.checkedAt === null ? FIRST_PASS_REREAD_MS : REREAD_MS);
  }

  override render() {
    const value = this.#load.value;
    // A failed read leaves the overview as it is: the queue table below says what is wrong.
    if (!value) return '';
    return html`<section part="panel" class="panel ${value.findings.length > 0 ? 'some' : 'none'}" aria-labelledby="attention-title">
      <header class="head">
        <h2 id="attention-title">${value.findings.length > 0 ? html`${alertIcon}Needs attention` : html`${checkCircleIcon}Nothing needs attention`}</h2>
        <span class="checked">${value.checkedAt
          ? html`${clockIcon}checked <ops-jobs-relative-time datetime=${value.checkedAt}></ops-jobs-relative-time>`
          : 'checking the queues…'}</span>
      </header>
      ${value.findings.length > 0 ? html`<ul class="findings">${value.findings.map((finding) => this.#finding(finding))}</ul>` : ''}
      ${this.#unchecked(value)}
    </section>`;
  }

  #finding(finding: AttentionFinding): TemplateResult {
    const { sentence, next, label } = this.#copy(finding);
    return html`<li part="finding" class="finding ${finding.severity}">
      <span class="mark" aria-hidden="true">${finding.kind === 'dead-letters' ? deadLetterIcon : finding.severity === 'critical' ? alertIcon : warningIcon}</span>
      <div class="what">
        <span class="queue">${finding.queue}</span>
        <span class="severity visually-hidden">${finding.severity === 'critical' ? 'Critical:' : 'Warning:'}</span>
        <span class="sentence">${sentence}</span>
      </div>
      <a class="next" href=${this.href(next)}>${label}${arrowRightIcon}</a>
    </li>`;
  }

  #copy(finding: AttentionFinding): { readonly sentence: string; readonly next: Route; readonly label: string } {
    const { queue, count } = finding;
    switch (finding.kind) {
      case 'overdue':
        return {
          sentence: `${plural(count, 'running job is', 'running jobs are')} past ${count === 1 ? 'its' : 'their'} expiry or heartbeat${finding.more ? ', maybe more' : ''}: the worker may be gone.`,
          next: routes.queue(queue, 'active'), label: 'See running jobs',
        };
      case 'stuck-flows':
        return {
          sentence: `${plural(count, 'job waits', 'jobs wait')} on a step of ${count === 1 ? 'its' : 'their'} flow that failed${finding.more ? ', maybe more' : ''}: retry that step, or remove ${count === 1 ? 'it' : 'them'}.`,
          next: routes.queue(queue, 'blocked'), label: 'See blocked jobs',
        };
      case 'failing': {
        const window = formatDuration((finding.windowSeconds ?? 0) * 1000);
        return {
          sentence: `${plural(count, 'job', 'jobs')} failed in the last ${window}, against ${formatCount(finding.previous ?? 0)} in the ${window} before.`,
          next: routes.queue(queue, 'failed'), label: 'See failed jobs',
        };
      }
      case 'no-workers':
        return {
          sentence: `${plural(count, 'job is', 'jobs are')} ready and no running worker takes jobs from this queue.`,
          next: this.session?.permissions['workers.view'] ? routes.workers() : routes.queue(queue, 'queued'),
          label: this.session?.permissions['workers.view'] ? 'See workers' : 'See waiting jobs',
        };
      case 'missed-schedules':
        return {
          sentence: `${plural(count, 'schedule', 'schedules')} missed a run, the first due ${formatDuration(Date.now() - Date.parse(finding.since ?? ''))} ago: is anything running the engine's schedules?`,
          next: routes.schedules(queue), label: 'See schedules',
        };
      case 'backlog':
        return {
          sentence: `${plural(count, 'job is', 'jobs are')} ready; the oldest has waited ${formatDuration(Date.now() - Date.parse(finding.since ?? ''))}.`,
          next: routes.queue(queue, 'queued'), label: 'See waiting jobs',
        };
      case 'dead-letters':
        return {
          sentence: `${plural(count, 'dead letter waits', 'dead letters wait')}${finding.from?.length ? ` from ${finding.from.join(', ')}` : ''}: redrive or remove ${count === 1 ? 'it' : 'them'}.`,
          next: routes.queue(queue, 'queued'), label: 'See dead letters',
        };
    }
  }

  #unchecked(value: AttentionResponse): TemplateResult | string {
    if (value.unchecked.length === 0) return '';
    return html`<p class="unchecked">This engine cannot tell the console about ${value.unchecked.map((kind) => UNCHECKED_LABELS[kind]).join(', ')}.</p>`;
  }
}
