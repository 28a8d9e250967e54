import type { OperatorAction } from '../vocabulary/actions.ts';
import type { QueueInfo } from '../contracts/jobs.ts';

/**
 * What happened, as the change feed records it: before any receiver's permissions or display
 * policy are applied. Each connection turns it into what its own operator may see.
 */
export type FeedEvent =
  /** The counts of these queues changed. */
  | { readonly kind: 'queues'; readonly queues: readonly QueueInfo[] }
  /** An operator action was executed. */
  | {
    readonly kind: 'action';
    readonly action: OperatorAction;
    readonly queue: string;
    readonly affected: number;
    readonly auditId: string;
    readonly principalLabel: string;
    readonly jobIds: readonly string[];
  };

/** A feed event with its place in the feed. */
export interface SequencedEvent {
  /** `<epoch>-<sequence>`: the epoch changes when the process restarts, so old ids are recognised. */
  readonly id: string;
  readonly sequence: number;
  readonly at: string;
  readonly event: FeedEvent;
}
