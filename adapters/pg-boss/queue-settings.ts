import type { EditableQueueSetting, QueueSettingValues } from '../../core/vocabulary/queue-settings.ts';
import { DEAD_LETTER_SETTING } from '../../core/vocabulary/queue-settings.ts';
import type { PgBossLike } from './pg-boss-like.ts';

/** pg-boss caps a job's expiry at 24 hours (its `MAX_EXPIRATION_HOURS`). */
const MAX_EXPIRE_SECONDS = 24 * 60 * 60;

/**
 * The settings pg-boss 12's `updateQueue` changes, with the bounds its own checks enforce. A queue's
 * policy and partitioning are fixed when it is created, so they are not here.
 */
export const PG_BOSS_QUEUE_SETTINGS: readonly EditableQueueSetting[] = Object.freeze([
  { name: 'retryLimit', type: 'integer', min: 0 },
  { name: 'retryDelay', type: 'integer', min: 0, unit: 'seconds' },
  { name: 'retryBackoff', type: 'boolean' },
  { name: 'retryDelayMax', type: 'integer', min: 0, unit: 'seconds', nullable: true, requires: 'retryBackoff' },
  { name: 'expireInSeconds', type: 'integer', min: 1, max: MAX_EXPIRE_SECONDS, unit: 'seconds' },
  { name: 'heartbeatSeconds', type: 'integer', min: 10, unit: 'seconds', nullable: true },
  { name: 'retentionSeconds', type: 'integer', min: 1, unit: 'seconds' },
  { name: 'deleteAfterSeconds', type: 'integer', min: 0, unit: 'seconds' },
  { name: 'warningQueueSize', type: 'integer', min: 0 },
  { name: DEAD_LETTER_SETTING, type: 'queue', nullable: true },
].map((setting) => Object.freeze(setting as EditableQueueSetting)));

/**
 * `configureQueue` through pg-boss's own `updateQueue`, which checks the values again and reloads
 * its queue cache. The dead letter queue is pg-boss's `deadLetter`; a new `retryDelayMax` is sent
 * with `retryBackoff`, which pg-boss requires beside it (core has checked it is on).
 */
export function createConfigureQueue(boss: PgBossLike): ((queue: string, values: QueueSettingValues) => Promise<void>) | undefined {
  const { updateQueue } = boss;
  if (typeof updateQueue !== 'function') return undefined;
  return async (queue, values) => {
    const options: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) options[name === DEAD_LETTER_SETTING ? 'deadLetter' : name] = value;
    if (options.retryDelayMax !== undefined && options.retryDelayMax !== null && options.retryBackoff === undefined) options.retryBackoff = true;
    await updateQueue.call(boss, queue, options);
  };
}
