import type { CountFreshness } from '../../core/vocabulary/count-freshness.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import { formatCount, formatRelativeExact } from './format.ts';
import { intlLocale, msg } from './locale.ts';
import { stateWord } from './state-copy.ts';

/** A count as shown: exact ones plainly, older ones marked "about" (≈). */
export function countText(count: number, freshness: CountFreshness | undefined): string {
  return freshness ? `≈${formatCount(count)}` : formatCount(count);
}

/**
 * Why a count is not exact, in words for the operator and for assistive technology: when the
 * engine last counted it, and what else it includes. Empty for an exact, live count.
 */
export function freshnessNote(freshness: CountFreshness | undefined, now: number = Date.now()): string {
  if (!freshness) return '';
  const time = formatRelativeExact(new Date(freshness.asOf), now);
  if (!freshness.includes?.length) return msg('about: counted {time}', { time });
  const states = new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(freshness.includes.map((state: JobState) => stateWord(state)));
  return msg('about: counted {time}, including {states}', { time, states });
}
