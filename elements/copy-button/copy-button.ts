import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { checkIcon, copyIcon } from '../shared/icons.ts';
import { controls } from '../shared/controls.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { copyButtonStyles } from './copy-button.styles.ts';
import { copyText } from './copy-text.ts';
import { localized, msg } from '../shared/locale.ts';

/**
 * A button that copies a value and says so ("Copied", announced politely).
 *
 * @attr value - the text to copy.
 * @attr label - the button's accessible name ("Copy").
 * @attr text - visible text beside the icon (none by default); keep it part of `label`.
 *
 * @csspart button - the button.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsCopyButton extends LitElement {
  static override styles = [tokens, controls, copyButtonStyles];

  constructor() {
    super();
    localized(this);
  }

  @property() value = '';
  @property() label: string | undefined;
  @property() text = '';
  @state() private copied: boolean | null = null;
  #reset: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#reset);
  }

  override render() {
    const status = this.copied === true ? msg('Copied') : this.copied === false ? msg('Copy failed') : '';
    const label = this.label ?? msg('Copy');
    return html`<button part="button" class="quiet" type="button" aria-label=${label} title=${label} @click=${this.#copy}>
        <span class=${this.copied ? 'done' : ''}>${this.copied ? checkIcon : copyIcon}</span>${this.text
          ? html`<span aria-hidden="true">${status || this.text}</span>`
          : ''}</button
      ><span class="visually-hidden" role="status">${status}</span>`;
  }

  async #copy(): Promise<void> {
    this.copied = await copyText(this.value);
    clearTimeout(this.#reset);
    this.#reset = setTimeout(() => (this.copied = null), 2000);
  }
}
