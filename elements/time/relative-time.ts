import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { formatExact, formatRelative, toDate } from '../shared/format.ts';
import { relativeTimeStyles } from './relative-time.styles.ts';
import { onTick } from './ticker.ts';
import { localized } from '../shared/locale.ts';

/**
 * A point in time in a `<time datetime>`, written the one way the console writes times (date,
 * time to the second and the time zone, in the operator's locale through `Intl`). A relative time
 * ("5m ago") never stands alone: `relative` keeps the exact time in the text that assistive
 * technology reads and in the tooltip, `both` shows the two side by side. Relative times refresh
 * while the element is connected.
 *
 * @attr datetime - ISO 8601 time; empty or unreadable shows `placeholder`.
 * @attr format - `relative` (default: "5m ago", the exact time read out and in the tooltip),
 *   `exact` (the exact time), or `both` (the exact time, then "· 5m ago").
 * @attr placeholder - what to show without a time ("—").
 * @attr stacked - with `both`, puts the relative time on a line of its own under the exact one.
 *
 * @csspart time - the `<time>` element.
 * @csspart relative - the relative part of `both`.
 *
 * @cssprop --ops-jobs-color-text-muted - the colour of the exact time beside the relative one in `both`.
 */
export class OpsJobsRelativeTime extends LitElement {
  static override styles = relativeTimeStyles;

  constructor() {
    super();
    localized(this);
  }

  @property() datetime: string | null = null;
  @property() format: 'relative' | 'exact' | 'both' = 'relative';
  @property() placeholder = '—';
  @property({ type: Boolean, reflect: true }) stacked = false;

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
    const exact = formatExact(date);
    const iso = date.toISOString();
    switch (this.format) {
      case 'exact':
        return html`<time part="time" dir="auto" datetime=${iso} title=${iso}>${exact}</time>`;
      case 'both':
        return html`<time part="time" dir="auto" datetime=${iso} title=${iso}>${exact}</time><span part="relative" class="relative" dir="auto"><span class="sep"> · </span>${formatRelative(date)}</span>`;
      default:
        return html`<time part="time" dir="auto" datetime=${iso} title=${exact}>${formatRelative(date)}<span class="exact">, ${exact}</span></time>`;
    }
  }
}
