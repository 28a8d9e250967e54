import type { LiveRole } from '../../core/contracts/live-channel.ts';
import type { PgClientLike, PgPoolLike } from './driver.ts';
import type { ChannelMembership, MembershipListener } from './live-channel.ts';
import * as sql from './sql.ts';

/** A `pg` client as a live channel uses it: statements, and the events of its connection. */
export interface PgListeningClientLike extends PgClientLike {
  /** `notification` ({ channel, payload }), `error` and `end`, as `pg.Client` emits them. */
  on(event: string, listener: (...args: any[]) => void): unknown;
}

export interface PgMembershipOptions {
  readonly pool: PgPoolLike;
  readonly schema: string;
  /**
   * How often the connection is checked: a follower tries for the poller role, the poller checks
   * that its connection (and so its lock) is still there.
   */
  readonly checkIntervalMs: number;
}

/** The longest wait between attempts to re-open a lost connection. */
const MAX_BACKOFF_MS = 30_000;
/** How long joining waits at least for its first connection, however short the check interval. */
const MIN_JOIN_WAIT_MS = 1_000;

/**
 * Membership over one connection taken from the host's pool and kept for as long as the channel
 * is joined: it LISTENs on the schema's channel and holds, or retries at each check, the session
 * advisory lock that makes its process the poller. When the holder's process dies its session
 * ends, the lock goes with it, and the next follower to check takes the role. A lost connection is
 * discarded (a session with a LISTEN and a lock must never go back to the pool) and re-opened with
 * a growing delay; until then the process is `offline`.
 */
export function pgMembership(options: PgMembershipOptions): ChannelMembership {
  const { pool, schema, checkIntervalMs } = options;
  const channelName = sql.liveChannelName(schema);
  let listener: MembershipListener | undefined;
  let role: LiveRole = 'offline';
  let client: PgListeningClientLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let left = false;
  const discarded = new WeakSet<PgListeningClientLike>();

  const setRole = (next: LiveRole) => {
    if (next === role) return;
    role = next;
    if (!left) listener?.role(next);
  };

  /** Gives a connection back for good: its session, LISTEN and lock end with it. */
  const discard = (connection: PgListeningClientLike, error?: unknown) => {
    if (discarded.has(connection)) return;
    discarded.add(connection);
    connection.release(error instanceof Error ? error : true);
  };

  const lost = (connection: PgListeningClientLike, error: unknown) => {
    if (connection !== client) return;
    client = undefined;
    discard(connection, error);
    setRole('offline');
    if (!left) listener?.error(error);
  };

  async function open(): Promise<void> {
    const connection = (await pool.connect()) as PgListeningClientLike;
    if (typeof connection.on !== 'function') {
      discard(connection);
      throw new Error('ops-jobs: the live channel needs `pg` pool clients that emit events (`on`); pass a `pg` Pool, or `liveChannel: false`.');
    }
    if (left) {
      discard(connection);
      return;
    }
    client = connection;
    connection.on('notification', (message: { channel?: string; payload?: string }) => {
      if (message.channel === channelName && connection === client) listener?.payload(message.payload);
    });
    connection.on('error', (error: unknown) => lost(connection, error));
    connection.on('end', () => lost(connection, new Error('the connection ended')));
    const { text } = sql.listen(schema);
    await connection.query(text);
  }

  async function check(): Promise<void> {
    const connection = client;
    if (!connection) return;
    if (role === 'poller') {
      const { text } = sql.ping();
      await connection.query(text);
      return;
    }
    const { text, values } = sql.tryLivePollerLock(schema);
    const [row] = (await connection.query(text, [...values])).rows as { held?: boolean }[];
    if (connection === client) setRole(row?.held === true ? 'poller' : 'follower');
  }

  async function tick(): Promise<void> {
    // `pool.end()` waits for every client taken from the pool; a host that ends its pool without
    // closing the console first gets this one back at the next check rather than never.
    if ((pool as { ending?: boolean }).ending === true) {
      await leave();
      return;
    }
    const before = client;
    try {
      if (!client) await open();
      await check();
      failures = 0;
    } catch (error) {
      failures += 1;
      const connection = client ?? before;
      // A connection that failed with an `error` event was already reported by it.
      if (connection && discarded.has(connection)) return schedule();
      if (connection) lost(connection, error);
      else if (!left) listener?.error(error);
    }
    schedule();
  }

  function schedule(): void {
    if (left) return;
    const delay = failures === 0 ? checkIntervalMs : Math.min(checkIntervalMs * 2 ** (failures - 1), MAX_BACKOFF_MS);
    timer = setTimeout(() => void tick(), delay);
    // The channel must never keep the host's process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  }

  async function leave(): Promise<void> {
    left = true;
    clearTimeout(timer);
    role = 'offline';
    const connection = client;
    client = undefined;
    if (!connection) return;
    // Ends the LISTEN and frees the lock now, so that another process can take the role at its
    // next check, before the connection itself is closed.
    await connection.query(sql.endSession().text).catch(() => {});
    discard(connection);
  }

  return {
    get role() {
      return role;
    },
    async join(member) {
      listener = member;
      // A pool with no free connection keeps the first attempt waiting; the feed must not wait
      // with it, so joining resolves after a check interval (or a second) at most, still `offline`.
      const patience = Math.max(checkIntervalMs, MIN_JOIN_WAIT_MS);
      await Promise.race([tick(), new Promise((resolve) => setTimeout(resolve, patience).unref())]);
    },
    leave,
  };
}
