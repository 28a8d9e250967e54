import type { DataFilter } from './data-filter.ts';
import type { JobState } from './jobs.ts';

/** Operator actions are authorized twice: when previewed and again when executed. */
export type Phase = 'preview' | 'execute';

/** Which jobs of a queue an operator action is about. */
export type JobSelection =
  /** These jobs, by id. */
  | { readonly ids: readonly string[] }
  /** Every job of the queue in this state, and matching the payload conditions if any (up to the console's cap). */
  | { readonly filter: { readonly state: JobState; readonly data?: readonly DataFilter[] } };

/** What an action is about. `authorize` receives one of these. */
export type Resource =
  /** The console as a whole: its page, and the session's list of what the operator may do. */
  | { readonly type: 'console'; readonly phase?: Phase }
  | { readonly type: 'queue'; readonly queue: string }
  /** One job: to view it, or to act on it alone. */
  | { readonly type: 'job'; readonly queue: string; readonly id: string; readonly phase?: Phase }
  /** Several jobs of one queue, for a bulk action. */
  | { readonly type: 'jobs'; readonly queue: string; readonly selection: JobSelection; readonly phase: Phase }
  | { readonly type: 'audit' };
