import { formatDuration, formatExact } from '../shared/format.ts';
import { msg } from '../shared/locale.ts';
import { LIVE_STATE, type LiveState } from './live-state.ts';

/** What the console's live indicator says: a label, a shorter one for narrow screens, a hint and its tone. */
export interface LiveStatusCopy {
  readonly label: string;
  /** The label where space is short; the full one stays for assistive technology. */
  readonly compact: string;
  readonly hint: string;
  /** `good` live, `waiting` connecting, `degraded` reconnecting or polling, `bad` stale or signed out. */
  readonly tone: 'good' | 'waiting' | 'degraded' | 'bad';
}

/** The words for a live state. `freshAt` is when the data was last known current. */
export function liveStatusCopy(state: LiveState, freshAt: Date, pollMs: number): LiveStatusCopy {
  const seconds = Math.round(pollMs / 1000);
  switch (state) {
    case LIVE_STATE.connecting:
      return { label: msg('Connecting…'), compact: msg('Connecting…'), hint: msg('Opening the live connection to the server.'), tone: 'waiting' };
    case LIVE_STATE.live:
      return { label: msg('Live'), compact: msg('Live'), hint: msg('Connected: changes show as they happen.'), tone: 'good' };
    case LIVE_STATE.reconnecting:
      return { label: msg('Reconnecting…'), compact: msg('Reconnecting…'), hint: msg('The live connection dropped. Changes may be missing until it is back.'), tone: 'degraded' };
    case LIVE_STATE.polling:
      return {
        label: msg('Polling every {seconds}', { seconds: formatDuration(seconds * 1000) }),
        compact: msg('Polling {seconds}', { seconds: formatDuration(seconds * 1000) }),
        hint: msg('The live connection cannot be held open (a proxy may cut or buffer it), so this view reloads every {seconds}.', { seconds: formatDuration(seconds * 1000) }),
        tone: 'degraded',
      };
    case LIVE_STATE.stale: {
      const time = formatExact(freshAt);
      return {
        label: msg('Stale since {time}', { time }),
        compact: msg('Stale'),
        hint: msg('The server cannot be reached: what you see is as of {time}. Still trying.', { time }),
        tone: 'bad',
      };
    }
    case LIVE_STATE.signedOut:
      return { label: msg('Signed out'), compact: msg('Signed out'), hint: msg('Your session ended, so updates stopped. Sign in again, then reload this page.'), tone: 'bad' };
  }
}
