import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state as internal } from 'lit/decorators.js';
import { LoadController } from '../controllers/load-controller.ts';
import { LOAD_STATUS } from '../controllers/load-status.ts';
import { routes, type Route } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { msg, plural } from '../shared/locale.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import { ViewElement } from '../shared/view-element.ts';
import { queueSwitcherStyles } from './queue-switcher.styles.ts';
import { switchTargets, type JobLookup, type SwitchTarget } from './switch-targets.ts';

/** Sent when the switcher closes, after it has given focus back; the console then removes it. */
export class OpsJobsSwitcherCloseEvent extends Event {
  static readonly type = 'ops-jobs-switcher-close';
  constructor() {
    super(OpsJobsSwitcherCloseEvent.type, { bubbles: true, composed: true });
  }
}

/** The element that has focus, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * The quick switcher (Ctrl+K or Cmd+K in `<ops-jobs-console>`): a small modal dialog with a search
 * field that lists the queues whose name holds what is typed, and, when the text looks like a job
 * id and the engine looks jobs up, "Go to job" (the console's job lookup, which opens the job when
 * one matches). A combobox over a listbox: ↑ and ↓ move through the options, Enter goes to the one
 * marked, Escape closes; closing gives focus back to where it was.
 *
 * It opens as soon as it is connected; the console adds it when asked and removes it on
 * `ops-jobs-switcher-close`.
 *
 * @attr root - the mount root relative to the page, when used outside `<ops-jobs-console>`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @fires ops-jobs-switcher-close - closed; focus is back where it was before it opened.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 */
export class OpsJobsQueueSwitcher extends ViewElement {
  static override styles = [tokens, themeScheme, controls, queueSwitcherStyles];

  /** What is typed. */
  @property() text = '';
  @internal() private active = 0;

  /** Where focus was before the switcher opened, to give it back. */
  #returnTo: HTMLElement | null = null;
  #closed = false;

  readonly #queues = new LoadController(this, {
    args: () => [this.api] as const,
    task: ([api], signal) => api.queues(signal),
  });

  override connectedCallback(): void {
    this.#returnTo = deepActiveElement();
    this.#closed = false;
    super.connectedCallback();
  }

  protected override firstUpdated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this.active = 0;
  }

  get #lookup(): JobLookup | null {
    const session = this.session;
    if (!session?.engine.jobLookup || !session.permissions['jobs.view']) return null;
    return { byPrefix: session.engine.jobLookupByPrefix === true };
  }

  get #targets(): SwitchTarget[] {
    const names = this.#queues.value?.queues.map((queue) => queue.name) ?? [];
    return switchTargets(names, this.text, this.#lookup);
  }

  /** Closes the dialog and gives focus back; the console removes the element. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    const back = this.#returnTo;
    if (back?.isConnected) back.focus({ preventScroll: true });
    this.dispatchEvent(new OpsJobsSwitcherCloseEvent());
  }

  #go(target: SwitchTarget): void {
    const route: Route = target.kind === 'queue' ? routes.queue(target.queue) : routes.findJob(target.id);
    // The view it opens takes focus: nothing to give back.
    this.#returnTo = null;
    this.close();
    if (this.router) this.router.navigate(route);
    else window.location.assign(this.href(route));
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    const targets = this.#targets;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (targets.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + targets.length) % targets.length;
      void this.updateComplete.then(() => this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const target = targets[this.active];
      if (target) this.#go(target);
    }
  };

  // Escape, or the browser's own way out of a modal dialog.
  readonly #onCancel = (event: Event): void => {
    event.preventDefault();
    this.close();
  };

  // A click on the backdrop lands on the dialog itself.
  readonly #onDialogClick = (event: MouseEvent): void => {
    if (event.target === event.currentTarget) this.close();
  };

  override render() {
    const targets = this.#targets;
    const active = targets[this.active];
    const loading = this.#queues.status === LOAD_STATUS.pending || this.#queues.status === LOAD_STATUS.initial;
    return html`<dialog aria-label=${msg('Go to a queue or a job')} @cancel=${this.#onCancel} @click=${this.#onDialogClick}>
      <div class="field">
        <input type="text" role="combobox" aria-expanded=${targets.length > 0 ? 'true' : 'false'} aria-controls="switch-options" aria-autocomplete="list"
          aria-activedescendant=${active ? `switch-${this.active}` : ''} aria-label=${this.#lookup ? msg('Queue name or job id') : msg('Queue name')}
          placeholder=${this.#lookup ? msg('Queue name or job id') : msg('Queue name')} autocomplete="off" spellcheck="false" maxlength="200"
          .value=${this.text} @input=${(event: InputEvent) => (this.text = (event.target as HTMLInputElement).value)} @keydown=${this.#onKey} />
        <kbd aria-hidden="true">Esc</kbd>
      </div>
      <ul id="switch-options" role="listbox" aria-label=${msg('Places to go')} ?hidden=${targets.length === 0}>
        ${targets.map((target, index) => this.#option(target, index))}
      </ul>
      ${this.#note(targets, loading)}
      <p class="foot" aria-hidden="true"><span>↑ ↓ ${msg('move')}</span><span>↵ ${msg('go')}</span><span>Esc ${msg('close')}</span></p>
      <p class="visually-hidden" role="status">${loading ? '' : plural(targets.length, '{count} place to go', '{count} places to go')}</p>
    </dialog>`;
  }

  #option(target: SwitchTarget, index: number): TemplateResult {
    const selected = index === this.active;
    return html`<li id="switch-${index}" role="option" class=${target.kind} aria-selected=${selected ? 'true' : 'false'}
      @click=${() => this.#go(target)} @pointermove=${() => { if (this.active !== index) this.active = index; }}>
      <span class="name">${target.kind === 'queue' ? target.queue : target.id}</span>
      <span class="kind">${target.kind === 'queue' ? msg('Queue') : msg('Go to job')}</span>
    </li>`;
  }

  #note(targets: readonly SwitchTarget[], loading: boolean): TemplateResult | string {
    if (this.#queues.status === LOAD_STATUS.error) return html`<p class="note" role="alert">${msg('The queues could not be loaded.')}</p>`;
    if (loading) return html`<p class="note">${msg('Loading the queues')}</p>`;
    if (targets.length === 0) return html`<p class="note">${this.text.trim() ? msg('No queue\'s name holds this.') : msg('There are no queues to show.')}</p>`;
    return '';
  }
}
