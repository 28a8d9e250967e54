import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Shown } from '../../core/vocabulary/wire.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatBytes, formatCount } from '../shared/format.ts';
import { alertIcon, lockIcon } from '../shared/icons.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { tokenizeJsonLine, visibleText } from './json-lines.ts';
import { jsonViewerStyles } from './json-viewer.styles.ts';

/** Characters added to the DOM at first and per "Show more". */
const STEP = 20_000;

/**
 * A value as the display policy lets it through: pretty-printed and coloured JSON, a notice for
 * a hidden value, or the start of a truncated one with its full size. Only the first 20,000
 * characters are rendered; "Show more" adds more in steps, and "Copy" takes the whole text.
 *
 * @attr label - the accessible name of the code block ("Value").
 *
 * @csspart code - the `<pre>` block.
 * @csspart notice - the hidden or truncated notice.
 * @csspart more - the "Show more" button.
 *
 * @cssprop --ops-jobs-json-max-height - height before the block scrolls (32rem).
 */
export class OpsJobsJsonViewer extends LitElement {
  static override styles = [tokens, controls, jsonViewerStyles];

  /** The value to show, as the API sends it. */
  @property({ attribute: false }) shown: Shown | undefined;
  @property() label = 'Value';
  @state() private budget = STEP;
  #text = '';
  #lines: string[] = [];
  #bytes = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('shown')) {
      const text = this.shown && 'value' in this.shown ? toJsonText(this.shown.value) : '';
      // A view reloaded in the background hands over an equal value: keep what "Show more" opened.
      if (text === this.#text) return;
      this.budget = STEP;
      this.#text = text;
      this.#lines = text.split('\n');
      this.#bytes = new TextEncoder().encode(text).length;
    }
  }

  override render() {
    const shown = this.shown;
    if (!shown) return nothing;
    if ('hidden' in shown) {
      return html`<div part="notice" class="notice">${lockIcon}<span><strong>Hidden by display policy.</strong> The application
        does not show this value in the console.</span></div>`;
    }
    if ('truncated' in shown) {
      return html`<div part="notice" class="notice">${alertIcon}<span><strong>Too large to show whole</strong>
          (${formatBytes(shown.bytes)}). Showing the first ${formatCount(shown.preview.length)} characters.</span></div>
        ${this.#code([this.#highlight(shown.preview.slice(0, STEP))], true, shown.preview.length > STEP)}`;
    }
    if (shown.value === null || shown.value === undefined) return html`<p class="empty">None</p>`;
    const view = visibleText(this.#lines, this.#text.length, this.budget);
    return html`${this.#code(view.lines.map((line) => this.#highlight(line)), false, view.hiddenChars > 0)}
      <div class="bar">
        <span class="grow">${formatBytes(this.#bytes)}${view.hiddenChars > 0
          ? `, showing ${formatCount(this.#text.length - view.hiddenChars)} of ${formatCount(this.#text.length)} characters`
          : ''}</span>
        ${view.hiddenChars > 0
          ? html`<button part="more" type="button" @click=${() => (this.budget += STEP)}>
              Show more${view.hiddenLines > 0 ? ` (${formatCount(view.hiddenLines)} more lines)` : ''}
            </button>`
          : ''}
        <ops-jobs-copy-button .value=${this.#text} label="Copy ${this.label.toLowerCase()} as JSON" text="Copy"></ops-jobs-copy-button>
      </div>`;
  }

  #code(lines: Array<TemplateResult | string>, wrap: boolean, cut = false) {
    return html`<pre part="code" class=${wrap ? 'wrap' : ''} tabindex="0" role="region" aria-label=${this.label}>${lines.map(
      (line, index) => html`${index > 0 ? '\n' : ''}${line}`,
    )}${cut ? html`<span class="cut"> …</span>` : ''}</pre>`;
  }

  #highlight(line: string): TemplateResult {
    return html`${tokenizeJsonLine(line).map((token) =>
      token.kind === 'plain' ? token.text : html`<span class=${token.kind}>${token.text}</span>`,
    )}`;
  }
}

/** JSON text for a value, two-space indented; strings that hold JSON stay strings. */
function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
