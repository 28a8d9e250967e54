import type { OperatorAction } from '../vocabulary/actions.ts';
import type { JobState } from '../vocabulary/job-states.ts';
import type { ActionSubject } from '../vocabulary/job-selection.ts';

/**
 * A previewed plan, as the store keeps it. The token itself is never stored: only its SHA-256
 * hash, so a leaked table cannot be replayed.
 */
export interface StoredPreview {
  /** Hex SHA-256 of the token given to the operator. */
  readonly tokenHash: string;
  /** The audit principal id of the operator the token was issued to. */
  readonly principalId: string;
  readonly action: OperatorAction;
  readonly queue: string;
  /** The jobs the action is about, or for a queue action the queue itself. */
  readonly selection: ActionSubject;
  /** The exact jobs the action will touch, with the state each was in at preview time; empty for a queue action. */
  readonly plan: readonly { readonly id: string; readonly state: JobState }[];
  /** Hex SHA-256 over action, queue and plan. */
  readonly planHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly consumedAt: string | null;
}

/** The first answer to an execute request with an `Idempotency-Key`, kept so a retry returns it. */
export interface IdempotencyReceipt {
  readonly principalId: string;
  readonly key: string;
  /**
   * A hash of the request the key was first sent with (the preview's token and the reason), so the
   * same key with another request is refused rather than answered with this one's result. Empty
   * on receipts stored before fingerprints were kept.
   */
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
  readonly createdAt: string;
}
