import type { JobSelection } from '../vocabulary/job-selection.ts';

/** Operator actions are authorized twice: when previewed and again when executed. */
export type Phase = 'preview' | 'execute';

/** What an action is about. `authorize` receives one of these. */
export type Resource =
  /** The console as a whole: its page, and the session's list of what the operator may do. */
  | { readonly type: 'console'; readonly phase?: Phase }
  /** One queue: to view it, or (with a phase) to pause or resume it. */
  | { readonly type: 'queue'; readonly queue: string; readonly phase?: Phase }
  /** One job: to view it, or to act on it alone. */
  | { readonly type: 'job'; readonly queue: string; readonly id: string; readonly phase?: Phase }
  /** Several jobs of one queue, for a bulk action. */
  | { readonly type: 'jobs'; readonly queue: string; readonly selection: JobSelection; readonly phase: Phase }
  /** One recurring schedule, by its queue and key: to run it now or remove it. */
  | { readonly type: 'schedule'; readonly queue: string; readonly key: string; readonly phase: Phase }
  | { readonly type: 'audit' };
