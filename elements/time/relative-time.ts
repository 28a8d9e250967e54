import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { formatExact, formatRelative, formatTitle, toDate } from '../shared/format.ts';
import { relativeTimeStyles } from './relative-time.styles.ts';
import { onTick } from './ticker.ts';

/**
 * A point in time as "5m ago" (or exact, with `format="exact"`), the exact time and ISO value in
 * its tooltip. Relative times refresh while the element is connected.
 *
 * @attr datetime - ISO 8601 time; empty or unreadable shows `placeholder`.
 * @attr format - `relative` (default) or `exact`.
 * @attr placeholder - what to show without a time ("—").
 *
 * @csspart time - the `<time>` element.
 */
export class OpsJobsRelativeTime extends LitElement {
  static override styles = relativeTimeStyles;

  @property() datetime: string | null = null;
  @property() format: 'relative' | 'exact' = 'relative';
  @property() placeholder = '—';

  #stop: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stop = onTick(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
  }

  override render() {
    const date = toDate(this.datetime);
    if (!date) return html`<span class="none">${this.placeholder}</span>`;
    const text = this.format === 'exact' ? formatExact(date) : formatRelative(date);
    return html`<time part="time" datetime=${date.toISOString()} title=${formatTitle(date)}>${text}</time>`;
  }
}
