import type { DataFilter } from './data-filter.ts';
import type { JobState } from './job-states.ts';
import type { QueueSettingChange } from './queue-settings.ts';

/** Which jobs of a queue an operator action is about. */
export type JobSelection =
  /** These jobs, by id. */
  | { readonly ids: readonly string[] }
  /** Every job of the queue in this state, and matching the payload conditions if any (up to the console's cap). */
  | { readonly filter: { readonly state: JobState; readonly data?: readonly DataFilter[] } };

/** What a queue action (such as `queue.pause`) is about: the queue itself, none of its jobs in particular. */
export interface WholeQueue {
  readonly whole: 'queue';
  /**
   * For `queue.configure`: the settings it changes, each with its value before and after, so the
   * preview binds them and the audit record keeps them. Settings only, never job data.
   */
  readonly settings?: readonly QueueSettingChange[];
}

/** The one `WholeQueue` value. */
export const WHOLE_QUEUE: WholeQueue = Object.freeze({ whole: 'queue' });

/** What a schedule action (such as `schedule.run`) is about: the queue's schedule with this key. */
export interface ScheduleSubject {
  readonly schedule: string;
}

/** What an operator action is about: some jobs of a queue, the queue itself, or one of its schedules. */
export type ActionSubject = JobSelection | WholeQueue | ScheduleSubject;

/** Whether an action's subject is the queue itself. */
export function isWholeQueue(subject: ActionSubject): subject is WholeQueue {
  return 'whole' in subject;
}

/** Whether an action's subject is one of the queue's schedules. */
export function isScheduleSubject(subject: ActionSubject): subject is ScheduleSubject {
  return 'schedule' in subject;
}
