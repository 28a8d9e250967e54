import type { ActivityPoint, ActivityWindow } from '../vocabulary/wire.ts';

export type { ActivityPoint, ActivityWindow };

/** Which stretch of a queue's history to read, and in how many points. */
export interface QueueActivityQuery {
  readonly queue: string;
  readonly from: Date;
  readonly to: Date;
  readonly bucketSeconds: number;
}

/** A queue's activity as the engine's own statistics record it. */
export interface QueueActivity {
  /** Oldest first; a stretch with nothing recorded has no point. */
  readonly points: readonly ActivityPoint[];
  /** False when the engine keeps no history of the queue. */
  readonly recorded: boolean;
}
