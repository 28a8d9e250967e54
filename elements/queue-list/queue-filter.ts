import { css, html, type TemplateResult } from 'lit';
import type { QueueResponse } from '../../core/vocabulary/wire.ts';
import { formatCount } from '../shared/format.ts';
import { msg, plural } from '../shared/locale.ts';

/** Styles of the queue name filter above the queue table. */
export const queueFilterStyles = css`
  .queue-filter {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin: 0 0 0.75rem;
  }
  .queue-filter input {
    width: min(18rem, 100%);
  }
  .queue-filter .count {
    color: var(--_muted);
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  .filter-empty {
    padding: 1.5rem 1rem;
  }
`;

/** The queues whose name holds `text`, ignoring case; all of them for empty text. */
export function filterQueues(queues: readonly QueueResponse[], text: string): readonly QueueResponse[] {
  const wanted = text.trim().toLowerCase();
  return wanted ? queues.filter((queue) => queue.name.toLowerCase().includes(wanted)) : queues;
}

/**
 * The field that narrows the queue table by name, with how many queues it shows; only when there
 * are enough queues to look for one.
 */
export function queueFilter(text: string, shown: number, total: number, onInput: (text: string) => void): TemplateResult | string {
  if (total < 2 && !text) return '';
  return html`<div class="queue-filter" role="search" aria-label=${msg('Filter the queues')}>
    <label class="visually-hidden" for="queue-filter">${msg('Queue name')}</label>
    <input id="queue-filter" type="search" .value=${text} placeholder=${msg('Filter by queue name')} autocomplete="off" spellcheck="false" maxlength="200"
      @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)} />
    ${text.trim()
      ? html`<span class="count" role="status">${plural(total, '{shown} of {count} queue', '{shown} of {count} queues', { shown: formatCount(shown) })}</span>`
      : ''}
  </div>`;
}
