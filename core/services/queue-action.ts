import type { QueueAction } from '../vocabulary/actions.ts';

/** Whether a queue must be paused for `action` to change it: a pause changes a running queue, a resume a paused one. */
export function pausedBefore(action: QueueAction): boolean {
  return action === 'resume';
}
