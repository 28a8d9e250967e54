import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Shown, ValueCut } from '../../core/vocabulary/wire.ts';
import { WholeValue, type WholeValueLoader } from '../json-viewer/whole-value.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatBytes, formatCount } from '../shared/format.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { errorParts, frameRuns } from './error-parts.ts';
import { jobErrorStyles } from './job-error.styles.ts';
import { refocusOrphaned } from '../shared/orphaned-focus.ts';
import { localized, msg, plural } from '../shared/locale.ts';

/** Stack lines shown before "Show all". */
const FIRST_FRAMES = 60;

/**
 * A job's failure: name and message as a headline, the stack in a monospace block with frames
 * from dependencies and Node dimmed, and any extra details as JSON. The first 60 stack lines are
 * shown, "Show all" the rest. An error the server cut (its stack holds only the first lines) says
 * so and, given `loadWhole`, offers to load the whole error. Hidden or truncated errors are shown
 * as such by the JSON viewer.
 *
 * @csspart headline - the "Name: message" block.
 * @csspart stack - the stack block.
 * @csspart all - the "Show all" button.
 * @csspart load - the "Load the whole stack" button.
 *
 * @cssprop --ops-jobs-stack-max-height - height before the stack scrolls (26rem).
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsJobError extends LitElement {
  static override styles = [tokens, controls, jobErrorStyles];

  constructor() {
    super();
    localized(this);
  }

  /** The error as the API sends it. */
  @property({ attribute: false }) error: Shown | undefined;
  /** Fetches the error whole when the server cut or previewed it. */
  @property({ attribute: false }) loadWhole: WholeValueLoader | undefined;
  @state() private allFrames = false;
  readonly #whole = new WholeValue(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('error');
    if (changed.has('error') && previous !== undefined && JSON.stringify(previous) !== JSON.stringify(this.error)) {
      this.#whole.reset();
      this.allFrames = false;
    }
  }

  override render() {
    const shown = this.#whole.status === 'loaded' ? this.#whole.value : this.error;
    if (!shown) return nothing;
    if (!('value' in shown)) return html`<ops-jobs-json-viewer .shown=${shown} .loadWhole=${this.loadWhole} label=${msg('Error')}></ops-jobs-json-viewer>`;
    const parts = errorParts(shown.value);
    if (!parts) return html`<p class="muted">${msg('No error recorded.')}</p>`;
    const cut = 'cut' in shown ? (shown as { readonly cut: ValueCut }).cut : undefined;
    const frames = this.allFrames ? parts.frames : parts.frames.slice(0, FIRST_FRAMES);
    return html`
      <p part="headline" class="headline" dir="auto"><span class="name">${parts.name}</span>${parts.message ? `: ${parts.message}` : ''}</p>
      ${frames.length > 0
        ? html`<pre part="stack" tabindex="0" role="region" aria-label=${msg('Stack trace')}>${frameRuns(frames).map(
            (run, index) => html`${index > 0 ? '\n' : ''}<span class=${run.library ? 'lib' : ''}>${run.text}</span>`,
          )}</pre>`
        : ''}
      ${parts.frames.length > frames.length || cut
        ? html`<div class="bar">
            ${parts.frames.length > frames.length
              ? html`<button part="all" type="button" @click=${() => void this.#showAll()}>
                  ${plural(parts.frames.length, 'Show the {count} line', 'Show all {count} lines')}
                </button>`
              : ''}
            ${cut ? this.#cutNote(cut.stackLines, cut.bytes) : ''}
          </div>`
        : ''}
      ${parts.details !== undefined
        ? html`<h3>${msg('Details')}</h3><ops-jobs-json-viewer .shown=${{ value: parts.details }} label=${msg('Error details')}></ops-jobs-json-viewer>`
        : ''}
    `;
  }

  async #showAll(): Promise<void> {
    this.allFrames = true;
    await this.#keepFocus();
  }

  async #loadWhole(loader: WholeValueLoader): Promise<void> {
    await this.#whole.load(loader);
    await this.#keepFocus();
  }

  /** A button that did its work and went away hands focus to the stack it revealed. */
  #keepFocus(): Promise<void> {
    return refocusOrphaned(this, '[part="stack"]');
  }

  #cutNote(stackLines: number, bytes: number) {
    const loader = this.loadWhole;
    const loading = this.#whole.status === 'loading';
    return html`<span class="note">${plural(stackLines, 'The stack has {count} line ({size} with the error); only its first were sent.', 'The stack has {count} lines ({size} with the error); only its first were sent.', { size: formatBytes(bytes) })}</span>
      ${loader
        ? html`<button part="load" type="button" aria-disabled=${loading ? 'true' : 'false'}
            @click=${() => void (loading ? undefined : this.#loadWhole(loader))}>${loading ? msg('Loading…') : msg('Load the whole stack')}</button>`
        : ''}
      <span role="status" class="failed">${this.#whole.status === 'failed' ? msg('Could not load the whole stack. Try again.') : ''}</span>`;
  }
}
