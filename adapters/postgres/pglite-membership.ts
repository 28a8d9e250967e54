import type { LiveRole } from '../../core/contracts/live-channel.ts';
import type { ChannelMembership } from './live-channel.ts';
import * as sql from './sql.ts';

/** The part of a PGlite instance a live channel uses. */
export interface PGliteListenLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

/**
 * Membership on embedded PGlite: it lives in this process alone, so there is no one to share the
 * poller role with and no connection to lose. Notices still pass between consoles on the same
 * instance.
 */
export function pgliteMembership(pglite: PGliteListenLike, schema: string): ChannelMembership {
  let role: LiveRole = 'offline';
  let stop: (() => Promise<void>) | undefined;
  let left = false;
  return {
    get role() {
      return role;
    },
    async join(listener) {
      try {
        const unlisten = await pglite.listen(sql.liveChannelName(schema), (payload) => listener.payload(payload));
        if (left) {
          await unlisten();
          return;
        }
        stop = unlisten;
        role = 'poller';
        listener.role(role);
      } catch (error) {
        listener.error(error);
      }
    },
    async leave() {
      left = true;
      role = 'offline';
      const unlisten = stop;
      stop = undefined;
      // An instance already closed by the host has no listeners left to remove.
      await unlisten?.().catch(() => {});
    },
  };
}
