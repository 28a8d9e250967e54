import { formatExact } from '../shared/format.ts';
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
      return { label: 'Connecting…', compact: 'Connecting…', hint: 'Opening the live connection to the server.', tone: 'waiting' };
    case LIVE_STATE.live:
      return { label: 'Live', compact: 'Live', hint: 'Connected: changes show as they happen.', tone: 'good' };
    case LIVE_STATE.reconnecting:
      return { label: 'Reconnecting…', compact: 'Reconnecting…', hint: 'The live connection dropped. Changes may be missing until it is back.', tone: 'degraded' };
    case LIVE_STATE.polling:
      return {
        label: `Polling every ${seconds}s`,
        compact: `Polling ${seconds}s`,
        hint: `The live connection cannot be held open (a proxy may cut or buffer it), so this view reloads every ${seconds} seconds.`,
        tone: 'degraded',
      };
    case LIVE_STATE.stale: {
      const time = formatExact(freshAt);
      return {
        label: `Stale since ${time}`,
        compact: 'Stale',
        hint: `The server cannot be reached: what you see is as of ${time}. Still trying.`,
        tone: 'bad',
      };
    }
    case LIVE_STATE.signedOut:
      return { label: 'Signed out', compact: 'Signed out', hint: 'Your session ended, so updates stopped. Sign in again, then reload this page.', tone: 'bad' };
  }
}
