import type { Queue } from 'bullmq';
import type { EditableQueueSetting, QueueSettingValues } from '../../core/vocabulary/queue-settings.ts';

/**
 * What a BullMQ queue holds server-side that can be changed: its global concurrency and its global
 * rate limit (in its meta hash). Everything else (attempts, backoff, removal) is chosen per job by
 * the code that adds it, so the console cannot change it.
 */
export const BULLMQ_QUEUE_SETTINGS: readonly EditableQueueSetting[] = Object.freeze([
  { name: 'globalConcurrency', type: 'integer', min: 1, nullable: true },
  { name: 'rateLimitMax', type: 'integer', min: 1, nullable: true, pairedWith: 'rateLimitDurationMs' },
  { name: 'rateLimitDurationMs', type: 'integer', min: 1, unit: 'milliseconds', nullable: true, pairedWith: 'rateLimitMax' },
].map((setting) => Object.freeze(setting as EditableQueueSetting)));

/**
 * Gives a queue these settings through BullMQ's own `setGlobalConcurrency`, `setGlobalRateLimit`
 * and their `remove…` counterparts. A rate limit is written whole: a change of one of its two
 * values is sent with the other as the queue holds it.
 */
export async function configureBullMQQueue(queue: Queue, values: QueueSettingValues): Promise<void> {
  if ('globalConcurrency' in values) {
    const concurrency = values.globalConcurrency;
    if (typeof concurrency === 'number') await queue.setGlobalConcurrency(concurrency);
    else await queue.removeGlobalConcurrency();
  }
  if ('rateLimitMax' in values || 'rateLimitDurationMs' in values) {
    const current = await queue.getGlobalRateLimit();
    const max = 'rateLimitMax' in values ? values.rateLimitMax : current?.max ?? null;
    const duration = 'rateLimitDurationMs' in values ? values.rateLimitDurationMs : current?.duration ?? null;
    if (typeof max === 'number' && typeof duration === 'number') await queue.setGlobalRateLimit(max, duration);
    else await queue.removeGlobalRateLimit();
  }
}
