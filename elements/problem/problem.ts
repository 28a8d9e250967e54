import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiError } from '../api/api-error.ts';
import { OpsJobsReloadEvent } from '../events/ops-jobs-reload.ts';
import { alertIcon, lockIcon, refreshIcon, signOutIcon } from '../shared/icons.ts';
import { controls } from '../shared/controls.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { localized, msg } from '../shared/locale.ts';
import { problemCopy } from './problem-copy.ts';
import { problemStyles } from './problem.styles.ts';

/**
 * An error state: what went wrong for an operator, in words that say what to do next. Signed out
 * (401), not allowed (403), no such thing (404), unreachable server and other errors.
 *
 * @slot actions - links shown beside the "Try again" button, such as a way back.
 *
 * @fires ops-jobs-reload - the operator pressed "Try again".
 *
 * @csspart problem - the panel.
 * @csspart retry - the "Try again" button.
 * @csspart sign-in - the "Sign in" link, when the server says where to sign in.
 *
 * @cssprop --ops-jobs-problem-margin - space around the panel (0).
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsProblem extends LitElement {
  static override styles = [tokens, controls, problemStyles];

  /** The error, usually an `ApiError`. */
  @property({ attribute: false }) error: unknown;
  /** What was being loaded, for "No such …". */
  @property() subject = 'page';

  constructor() {
    super();
    localized(this);
  }

  override render() {
    const copy = problemCopy(this.error, this.subject);
    const status = this.error instanceof ApiError && this.error.status > 0 ? this.error.status : null;
    const icon = status === 401 ? signOutIcon : status === 403 ? lockIcon : alertIcon;
    return html`<div part="problem" class="problem card ${copy.bad ? 'bad' : ''}" role="alert">
      <span class="icon-wrap">${icon}</span>
      <h2>${copy.heading}</h2>
      <p>${copy.hint}</p>
      <div class="actions">
        ${copy.retry
          ? html`<button part="retry" type="button" @click=${() => this.dispatchEvent(new OpsJobsReloadEvent())}>${refreshIcon} ${msg('Try again')}</button>`
          : ''}
        ${this.error instanceof ApiError && this.error.signIn
          ? html`<a part="sign-in" class="sign-in" href=${this.error.signIn}>${msg('Sign in')}</a>`
          : ''}
        <slot name="actions"></slot>
        ${status ? html`<span class="status muted">HTTP ${status}</span>` : ''}
      </div>
    </div>`;
  }
}
