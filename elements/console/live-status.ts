import { html, type TemplateResult } from 'lit';
import type { LiveConnection } from '../live/live-connection.ts';
import { liveStatusCopy } from '../live/live-status-copy.ts';
import { msg } from '../shared/locale.ts';

/**
 * The console's live indicator: a dot and a word, never colour alone, in a polite live region so a
 * change of state is announced. The indicator is a button that opens the explanation of the state
 * as a popover (keyboard, pointer or touch); Escape, pressing it again or a click elsewhere closes
 * it, as the browser does for any popover. Narrow screens show a shorter label ("Polling 5s"),
 * while assistive technology still reads the whole one.
 */
export function liveStatus(live: LiveConnection): TemplateResult {
  const copy = liveStatusCopy(live.state, live.freshAt, live.pollMs);
  return html`<span part="live" class="live ${copy.tone}" data-state=${live.state}
    ><span role="status" aria-live="polite" aria-atomic="true"
      ><button type="button" class="live-button" popovertarget="live-explained"
        ><span class="dot" aria-hidden="true"></span><span class="visually-hidden">${msg('Updates:')} </span><span class="full">${copy.label}</span
        ><span class="compact" aria-hidden="true">${copy.compact}</span></button
      ></span
    ><span part="live-explained" id="live-explained" class="live-explained" popover>${copy.hint}</span></span
  >`;
}
