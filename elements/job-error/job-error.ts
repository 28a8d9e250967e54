import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Shown } from '../../core/vocabulary/wire.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatCount } from '../shared/format.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { errorParts, isLibraryFrame } from './error-parts.ts';
import { jobErrorStyles } from './job-error.styles.ts';

/** Stack lines shown before "Show all". */
const FIRST_FRAMES = 60;

/**
 * A job's failure: name and message as a headline, the stack in a monospace block with frames
 * from dependencies and Node dimmed, and any extra details as JSON. Hidden or truncated errors
 * are shown as such by the JSON viewer.
 *
 * @csspart headline - the "Name: message" block.
 * @csspart stack - the stack block.
 *
 * @cssprop --ops-jobs-stack-max-height - height before the stack scrolls (26rem).
 */
export class OpsJobsJobError extends LitElement {
  static override styles = [tokens, controls, jobErrorStyles];

  /** The error as the API sends it. */
  @property({ attribute: false }) error: Shown | undefined;
  @state() private allFrames = false;

  override render() {
    const shown = this.error;
    if (!shown) return nothing;
    if (!('value' in shown)) return html`<ops-jobs-json-viewer .shown=${shown} label="Error"></ops-jobs-json-viewer>`;
    const parts = errorParts(shown.value);
    if (!parts) return html`<p class="muted">No error recorded.</p>`;
    const frames = this.allFrames ? parts.frames : parts.frames.slice(0, FIRST_FRAMES);
    return html`
      <p part="headline" class="headline"><span class="name">${parts.name}</span>${parts.message ? `: ${parts.message}` : ''}</p>
      ${frames.length > 0
        ? html`<pre part="stack" tabindex="0" role="region" aria-label="Stack trace">${frames.map(
            (line, index) => html`${index > 0 ? '\n' : ''}<span class=${isLibraryFrame(line) ? 'lib' : ''}>${line}</span>`,
          )}</pre>`
        : ''}
      ${parts.frames.length > frames.length
        ? html`<button class="more" type="button" @click=${() => (this.allFrames = true)}>
            Show all ${formatCount(parts.frames.length)} lines
          </button>`
        : ''}
      ${parts.details !== undefined
        ? html`<h3>Details</h3><ops-jobs-json-viewer .shown=${{ value: parts.details }} label="Error details"></ops-jobs-json-viewer>`
        : ''}
    `;
  }
}
