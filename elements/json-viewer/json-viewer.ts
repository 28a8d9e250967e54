import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Shown } from '../../core/vocabulary/wire.ts';
import { controls } from '../shared/controls.styles.ts';
import { formatBytes, formatCount } from '../shared/format.ts';
import { alertIcon, lockIcon } from '../shared/icons.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { splitHighlighted, tokenizeJsonLine, visibleText } from './json-lines.ts';
import { jsonViewerStyles } from './json-viewer.styles.ts';
import { WholeValue, type WholeValueLoader } from './whole-value.ts';
import { refocusOrphaned } from '../shared/orphaned-focus.ts';
import { ensureDefined } from '../lazy-elements.ts';
import { localized, msg, plural } from '../shared/locale.ts';

/** Characters added to the DOM at first and per "Show more". */
const STEP = 20_000;
/** Characters coloured token by token; past them the text is one plain node, cheap to lay out. */
const HIGHLIGHTED = STEP;
/** The longest text "Show all" puts in the page; a longer one is read a step at a time, or copied. */
const SHOW_ALL_LIMIT = 1_000_000;

/**
 * A value as the display policy lets it through: pretty-printed and coloured JSON, a notice for
 * a hidden value, or the start of one too large to send whole with its full size. Only the first
 * 20,000 characters are rendered; "Show more" adds the next 20,000, "Show all" the rest (up to a
 * million characters), and "Copy" takes the whole text. Given `loadWhole`, a value the server sent
 * only in part offers "Load the whole value", which fetches it and shows it the same way.
 *
 * @attr label - the accessible name of the code block ("Value").
 *
 * @csspart code - the `<pre>` block.
 * @csspart notice - the hidden or truncated notice.
 * @csspart more - the "Show more" button.
 * @csspart all - the "Show all" button.
 * @csspart load - the "Load the whole value" button.
 *
 * @cssprop --ops-jobs-json-max-height - height before the block scrolls (32rem).
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 */
export class OpsJobsJsonViewer extends LitElement {
  static override styles = [tokens, controls, jsonViewerStyles];

  constructor() {
    super();
    localized(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Its copy button comes in a chunk of its own; without it the value still shows.
    ensureDefined('ops-jobs-copy-button').catch(() => {});
  }

  /** The value to show, as the API sends it. */
  @property({ attribute: false }) shown: Shown | undefined;
  /** Fetches the value whole when the server sent a preview of it; without it there is no such button. */
  @property({ attribute: false }) loadWhole: WholeValueLoader | undefined;
  @property() label: string | undefined;
  @state() private budget = STEP;
  readonly #whole = new WholeValue(this);
  #source: unknown = undefined;
  #text = '';
  #lines: string[] = [];
  #bytes = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A view reloaded in the background hands over an equal value: keep what was opened or loaded.
    if (changed.has('shown') && !sameShown(changed.get('shown'), this.shown)) this.#whole.reset();
    const source = this.#current();
    if (source === this.#source) return;
    this.#source = source;
    const text = source && 'value' in source ? toJsonText(source.value) : '';
    if (text === this.#text) return;
    this.budget = STEP;
    this.#text = text;
    this.#lines = text.split('\n');
    this.#bytes = new TextEncoder().encode(text).length;
  }

  /** The value on show: the whole one once loaded, else what the view was given. */
  #current(): Shown | undefined {
    return this.#whole.status === 'loaded' ? this.#whole.value : this.shown;
  }

  override render() {
    const shown = this.#current();
    if (!shown) return nothing;
    if ('hidden' in shown) {
      return html`<div part="notice" class="notice">${lockIcon}<span><strong>${msg('Hidden by display policy.')}</strong> ${msg('The application does not show this value in the console.')}</span></div>`;
    }
    if ('truncated' in shown) {
      return html`<div part="notice" class="notice">${alertIcon}<span><strong>${msg('Too large to send whole')}</strong>
          (${formatBytes(shown.bytes)}). ${plural(Math.min(shown.preview.length, STEP), 'Showing its first {count} character.', 'Showing its first {count} characters.')}</span></div>
        ${this.#code([shown.preview.slice(0, STEP)], '', true, true)}
        <div class="bar">${this.#loadButton(shown.bytes)}</div>`;
    }
    if (shown.value === null || shown.value === undefined) return html`<p class="empty">${msg('None')}</p>`;
    const view = visibleText(this.#lines, this.#text.length, this.budget);
    const { highlighted, plain } = splitHighlighted(view.lines, HIGHLIGHTED);
    const hidden = view.hiddenChars > 0;
    return html`${this.#code(highlighted, plain, false, hidden)}
      <div class="bar">
        <span class="grow">${formatBytes(this.#bytes)}${hidden
          ? `, ${plural(this.#text.length, 'showing {shown} of {count} character', 'showing {shown} of {count} characters', { shown: formatCount(this.#text.length - view.hiddenChars) })}`
          : ''}</span>
        ${hidden
          ? html`<button part="more" type="button" @click=${() => this.#reveal(this.budget + STEP)}>
              ${msg('Show more')}${view.hiddenLines > 0 ? ` (${plural(view.hiddenLines, '{count} more line', '{count} more lines')})` : ''}
            </button>`
          : ''}
        ${hidden && this.#text.length <= SHOW_ALL_LIMIT
          ? html`<button part="all" type="button" @click=${() => this.#reveal(this.#text.length)}>${msg('Show all')}</button>`
          : ''}
        <ops-jobs-copy-button .value=${this.#text} label=${msg('Copy {what} as JSON', { what: this.label ?? msg('Value') })} text=${msg('Copy')}></ops-jobs-copy-button>
      </div>`;
  }

  #reveal(budget: number): void {
    this.budget = budget;
    void this.#keepFocus();
  }

  async #loadWhole(loader: WholeValueLoader): Promise<void> {
    await this.#whole.load(loader);
    await this.#keepFocus();
  }

  /** A button that did its work and went away hands focus to the value it revealed. */
  #keepFocus(): Promise<void> {
    return refocusOrphaned(this, '[part="code"]');
  }

  #loadButton(bytes: number): TemplateResult | string {
    const loader = this.loadWhole;
    if (!loader) return '';
    const loading = this.#whole.status === 'loading';
    return html`<button part="load" type="button" aria-disabled=${loading ? 'true' : 'false'}
        @click=${() => void (loading ? undefined : this.#loadWhole(loader))}>
        ${loading ? msg('Loading…') : msg('Load the whole value ({size})', { size: formatBytes(bytes) })}
      </button>
      <span role="status" class=${this.#whole.status === 'failed' ? 'failed' : ''}>${this.#whole.status === 'failed'
        ? msg('Could not load the whole value. Try again.')
        : ''}</span>`;
  }

  #code(lines: readonly string[], plain: string, wrap: boolean, cut: boolean) {
    return html`<pre part="code" class=${wrap ? 'wrap' : ''} tabindex="0" role="region" aria-label=${this.label ?? msg('Value')}>${this.#coloured(lines)}${
      plain ? `\n${plain}` : ''}${cut ? html`<span class="cut"> …</span>` : ''}</pre>`;
  }

  /**
   * The lines as coloured nodes, built directly (a span per token, plain text between) rather than
   * as a template per token, which would cost several nodes each; kept while the lines are the same.
   */
  #coloured(lines: readonly string[]): DocumentFragment | Node {
    const key = lines.join('\n');
    if (this.#colouredKey === key && this.#colouredNodes) return this.#colouredNodes;
    const fragment = document.createDocumentFragment();
    let plain = '';
    for (const [index, line] of lines.entries()) {
      if (index > 0) plain += '\n';
      for (const token of tokenizeJsonLine(line)) {
        if (token.kind === 'plain') {
          plain += token.text;
          continue;
        }
        if (plain) fragment.append(plain);
        plain = '';
        const span = document.createElement('span');
        span.className = token.kind;
        span.textContent = token.text;
        fragment.append(span);
      }
    }
    if (plain) fragment.append(plain);
    // A fragment empties when inserted: hold its content in one span so that a re-render can reuse it.
    const holder = document.createElement('span');
    holder.append(fragment);
    this.#colouredKey = key;
    this.#colouredNodes = holder;
    return holder;
  }

  #colouredKey = '';
  #colouredNodes: Node | undefined;
}

function sameShown(a: Shown | undefined, b: Shown | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if ('value' in a) return 'value' in b && toJsonText(a.value) === toJsonText(b.value);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** JSON text for a value, two-space indented; strings that hold JSON stay strings. */
function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
