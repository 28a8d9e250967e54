import { html, type TemplateResult } from 'lit';
import { LOAD_STATUS, type LoadStatus } from '../controllers/load-status.ts';
import { formatCount } from './format.ts';
import { refreshIcon } from './icons.ts';
import { msg } from './locale.ts';

/** What the footer reads of a `CursorPager`. */
interface Pager {
  readonly items: readonly unknown[];
  readonly moreStatus: LoadStatus;
  readonly nextCursor: string | null;
  loadMore(): Promise<void>;
}

/**
 * The footer under a paged list: what is shown, a "Load N more" button (or "Try again" after a
 * failed page, which keeps the rows already shown), or the end of the list.
 *
 * @param shown - what is shown, in words ("Showing 50 of 127 jobs").
 * @param failedText - what a failed page says ("Could not load more jobs.").
 */
export function pagerFooter(pager: Pager, pageSize: number, shown: string, failedText: string, onMore: () => void): TemplateResult | string {
  if (pager.items.length === 0) return '';
  const loading = pager.moreStatus === LOAD_STATUS.pending;
  const failed = pager.moreStatus === LOAD_STATUS.error;
  return html`<div class="footer">
    <span id="shown">${shown}</span>
    ${failed ? html`<span class="more-error" role="alert">${failedText}</span>` : ''}
    ${pager.nextCursor !== null
      ? html`<button part="load-more" type="button" @click=${onMore} ?disabled=${loading} aria-describedby="shown">
          ${loading ? html`<span class="spin">${refreshIcon}</span> ${msg('Loading…')}` : failed ? msg('Try again') : msg('Load {count} more', { count: formatCount(pageSize) })}
        </button>`
      : pager.items.length > pageSize
        ? html`<span>${msg('End of list')}</span>`
        : ''}
  </div>`;
}

/**
 * Loads the next page and says what arrived, for a polite live region ("" when nothing did);
 * `said` words it from the count added and the count shown, both formatted.
 */
export async function loadMoreAnnounced(pager: Pager, said: (added: number, shown: string) => string): Promise<string> {
  const before = pager.items.length;
  await pager.loadMore();
  const added = pager.items.length - before;
  return added > 0 ? said(added, formatCount(pager.items.length)) : '';
}
