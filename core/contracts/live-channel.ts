import type { QueueInfo } from './jobs.ts';
import type { StoreTransaction } from './store.ts';

/**
 * What one process tells the change feeds of the others. Notices travel through the database,
 * where any session may listen, so they never carry what the display policy governs (job data,
 * actor labels, reasons): an action is named by its audit record's id, and each receiving process
 * reads that record and redacts it for each of its own operators.
 */
export type ChangeNotice =
  /**
   * The counts of these queues changed, as the poller read them. Counts and settings are what any
   * operator allowed to see the queue sees. `reread` names queues whose figures did not fit in a
   * notice: a receiver reads those from its engine.
   */
  | { readonly kind: 'queues'; readonly queues: readonly QueueInfo[]; readonly reread: readonly string[] }
  /** An operator action committed; its audit record says what it was. */
  | { readonly kind: 'action'; readonly auditId: string }
  /** A process has consoles open, so the poller should keep reading counts. */
  | { readonly kind: 'watching' };

/**
 * Where a process stands in its channel.
 * - `poller`: it holds the database-wide poller role; it alone reads counts for every process.
 * - `follower`: another process may hold the role; this one hears its notices.
 * - `offline`: not joined, or the connection that hears notices is lost and being re-opened; the
 *   feed then polls for its own consoles, as a process without a channel does.
 */
export type LiveRole = 'poller' | 'follower' | 'offline';

/** What a joined process is told. Called synchronously; none of them may throw. */
export interface LiveChannelMember {
  /** A notice published by another process (never one this channel published itself). */
  notice(notice: ChangeNotice): void;
  /** This process's role changed. */
  role(role: LiveRole): void;
  /** The channel's connection failed; it keeps trying with a growing delay. */
  error(error: unknown): void;
}

/**
 * The change feeds of several host processes on one database, made to work as one: notices pass
 * between them (PostgreSQL LISTEN/NOTIFY in the PostgreSQL store) and one process at a time, picked
 * by a lock the database holds for it, polls counts for all. Each process's feed opens its own
 * channel with `OpsStore.createLiveChannel`.
 */
export interface LiveChannel {
  /**
   * Sends a notice to the other processes' feeds. With `within`, it is sent when that transaction
   * commits and never if it rolls back, so an action is announced exactly when it happened.
   * Without, it is sent now. Publishing needs no `join`: a process without consoles still
   * announces its actions.
   */
  publish(notice: ChangeNotice, within?: StoreTransaction): Promise<void>;
  /**
   * Starts hearing other processes' notices and competing for the poller role, on a connection of
   * its own that is re-opened if it drops. Resolves after the first attempt to connect, whatever
   * its outcome (failures go to `member.error`), or sooner, still `offline`, if that attempt waits
   * long (a pool with no free connection). Join once per channel.
   */
  join(member: LiveChannelMember): Promise<void>;
  /** This process's current role; `offline` until joined. */
  readonly role: LiveRole;
  /** Stops hearing notices and gives up the poller role and its connection. */
  leave(): Promise<void>;
}
