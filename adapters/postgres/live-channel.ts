import { randomBytes } from 'node:crypto';
import type { LiveChannel, LiveRole } from '../../core/contracts/live-channel.ts';
import type { SqlQueryable } from './driver.ts';
import { decodeNotice, encodeNotice } from './live-notices.ts';
import * as sql from './sql.ts';

/** What a membership tells the channel it serves. */
export interface MembershipListener {
  /** A raw NOTIFY payload heard on the schema's channel. */
  payload(payload: string | undefined): void;
  role(role: LiveRole): void;
  error(error: unknown): void;
}

/**
 * The driver-specific half of a live channel: the connection that hears notices and holds (or
 * competes for) the poller role.
 */
export interface ChannelMembership {
  join(listener: MembershipListener): Promise<void>;
  readonly role: LiveRole;
  leave(): Promise<void>;
}

/**
 * A live channel over the store's database: notices are sent with `pg_notify` on the schema's
 * channel (through the caller's transaction when given one), and heard through `membership`.
 * Each channel marks what it sends with a random origin, so that it never hears itself.
 */
export function createLiveChannel(driver: SqlQueryable, schema: string, membership: ChannelMembership): LiveChannel {
  const origin = randomBytes(6).toString('hex');
  let joined = false;
  return {
    async publish(notice, within) {
      for (const payload of encodeNotice(origin, notice)) {
        const { text, values } = sql.notify(schema, payload);
        if (within) await within.sql.executeSql(text, [...values]);
        else await driver.query(text, values);
      }
    },
    get role() {
      return membership.role;
    },
    async join(member) {
      if (joined) throw new Error('ops-jobs: a live channel can be joined once; create another with `store.createLiveChannel()`.');
      joined = true;
      await membership.join({
        payload(payload) {
          const heard = decodeNotice(payload);
          if (heard && heard.origin !== origin) member.notice(heard.notice);
        },
        role: (role) => member.role(role),
        error: (error) => member.error(error),
      });
    },
    leave: () => membership.leave(),
  };
}
