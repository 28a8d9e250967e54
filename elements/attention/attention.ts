import { html, type TemplateResult } from 'lit';
import type { AttentionFinding, AttentionResponse } from '../../core/vocabulary/wire.ts';
import type { AttentionKind } from '../../core/vocabulary/attention-kinds.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { routes, type Route } from '../router/routes.ts';
import { formatCount, formatDuration } from '../shared/format.ts';
import { intlLocale, msg, plural } from '../shared/locale.ts';
import { alertIcon, arrowRightIcon, checkCircleIcon, clockIcon, deadLetterIcon, warningIcon } from '../shared/icons.ts';
import { controls } from '../shared/controls.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { attentionStyles } from './attention.styles.ts';

/** How often the last pass's result is read again while the overview is open; the read costs the server no engine work. */
const REREAD_MS = 15_000;
/** Before the first pass has finished: ask again soon. */
const FIRST_PASS_REREAD_MS = 2_000;

/** What an engine that cannot check a kind of finding cannot tell, in the chosen locale. */
function uncheckedLabel(kind: AttentionKind): string {
  return {
    overdue: msg('running jobs past their expiry'),
    'stuck-flows': msg('flows stuck behind a failed step'),
    failing: msg('rising failures'),
    'no-workers': msg('queues nobody works'),
    'missed-schedules': msg('missed schedules'),
    backlog: msg('backlogs'),
    'dead-letters': msg('dead letters'),
  }[kind];
}

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
    }, value.checkedAt === null && value.failedAt === null ? FIRST_PASS_REREAD_MS : REREAD_MS);
  }

  override render() {
    const value = this.#load.value;
    // A failed read leaves the overview as it is: the queue table below says what is wrong.
    if (!value) return '';
    return html`<section part="panel" class="panel ${value.findings.length > 0 ? 'some' : 'none'}" aria-labelledby="attention-title">
      <header class="head">
        <h2 id="attention-title">${value.findings.length > 0 ? html`${alertIcon}${msg('Needs attention')}` : html`${checkCircleIcon}${msg('Nothing needs attention')}`}</h2>
        <span class="checked">${value.checkedAt
          ? html`${clockIcon}${msg('checked')} <ops-jobs-relative-time datetime=${value.checkedAt}></ops-jobs-relative-time>`
          : value.failedAt ? msg('not checked') : msg('checking the queues…')}${this.session?.permissions['incidents.view']
          ? html`<span class="sep" aria-hidden="true">·</span><a class="incidents" href=${this.href(routes.incidents())}>${msg('Incidents')}</a>`
          : ''}</span>
      </header>
      ${value.failedAt
        ? html`<p class="failed" role="status">${warningIcon}<span>${value.checkedAt
          ? msg('The last check could not read the queues; the host\'s log says why. What is shown is from the check before.')
          : msg('The queues could not be checked; the host\'s log says why. The console tries again.')}</span></p>`
        : ''}
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
        <span class="severity visually-hidden">${finding.severity === 'critical' ? msg('Critical:') : msg('Warning:')}</span>
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
          sentence: finding.more
            ? plural(count, '{count} running job, maybe more, is past its expiry, heartbeat or lock: the worker may be gone.', '{count} running jobs, maybe more, are past their expiry, heartbeat or lock: the worker may be gone.')
            : plural(count, '{count} running job is past its expiry, heartbeat or lock: the worker may be gone.', '{count} running jobs are past their expiry, heartbeat or lock: the worker may be gone.'),
          next: routes.queue(queue, 'active'), label: msg('See running jobs'),
        };
      case 'stuck-flows':
        return {
          sentence: finding.more
            ? plural(count, '{count} job, maybe more, waits on a step of its flow that failed: retry that step, or remove it.', '{count} jobs, maybe more, wait on a step of their flow that failed: retry that step, or remove them.')
            : plural(count, '{count} job waits on a step of its flow that failed: retry that step, or remove it.', '{count} jobs wait on a step of their flow that failed: retry that step, or remove them.'),
          next: routes.queue(queue, 'blocked'), label: msg('See blocked jobs'),
        };
      case 'failing': {
        const window = formatDuration((finding.windowSeconds ?? 0) * 1000);
        return {
          sentence: plural(count, '{count} job failed in the last {window}, against {previous} in the {window} before.', '{count} jobs failed in the last {window}, against {previous} in the {window} before.', { window, previous: formatCount(finding.previous ?? 0) }),
          next: routes.queue(queue, 'failed'), label: msg('See failed jobs'),
        };
      }
      case 'no-workers':
        return {
          sentence: plural(count, '{count} job is ready and no running worker takes jobs from this queue.', '{count} jobs are ready and no running worker takes jobs from this queue.'),
          next: this.session?.permissions['workers.view'] ? routes.workers() : routes.queue(queue, 'queued'),
          label: this.session?.permissions['workers.view'] ? msg('See workers') : msg('See waiting jobs'),
        };
      case 'missed-schedules':
        return {
          sentence: plural(count, '{count} schedule missed a run, due {duration} ago: is anything running the engine\'s schedules?', '{count} schedules missed a run, the first due {duration} ago: is anything running the engine\'s schedules?', { duration: formatDuration(Date.now() - Date.parse(finding.since ?? '')) }),
          next: routes.schedules(queue), label: msg('See schedules'),
        };
      case 'backlog':
        return {
          sentence: plural(count, '{count} job is ready; the oldest has waited {duration}.', '{count} jobs are ready; the oldest has waited {duration}.', { duration: formatDuration(Date.now() - Date.parse(finding.since ?? '')) }),
          next: routes.queue(queue, 'queued'), label: msg('See waiting jobs'),
        };
      case 'dead-letters':
        return {
          sentence: finding.from?.length
            ? plural(count, '{count} dead letter from {queues} waits: redrive or remove it.', '{count} dead letters from {queues} wait: redrive or remove them.', { queues: finding.from.join(', ') })
            : plural(count, '{count} dead letter waits: redrive or remove it.', '{count} dead letters wait: redrive or remove them.'),
          next: routes.queue(queue, 'queued'), label: msg('See dead letters'),
        };
    }
  }

  #unchecked(value: AttentionResponse): TemplateResult | string {
    if (value.unchecked.length === 0) return '';
    const kinds = new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(value.unchecked.map((kind) => uncheckedLabel(kind)));
    return html`<p class="unchecked">${msg('This engine cannot tell the console about {kinds}.', { kinds })}</p>`;
  }
}
