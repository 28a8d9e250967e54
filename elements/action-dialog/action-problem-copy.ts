import type { OperatorAction } from '../../core/vocabulary/actions.ts';
import { PROBLEM_TYPES, type ProblemType } from '../../core/vocabulary/problem-types.ts';
import { ApiError } from '../api/api-error.ts';
import { isQueueAction } from '../actions/action-copy.ts';
import { anyActionCopy, isScheduleAction } from '../actions/schedule-copy.ts';
import { msg } from '../shared/locale.ts';

/** What the dialog offers after a problem, besides closing. */
export type ProblemNext =
  /** Ask for a fresh preview of the same request. */
  | 'preview-again'
  /** Send the same execute again: same token, same idempotency key. */
  | 'resubmit'
  /** Look at the audit log: the action was already done. */
  | 'audit-log'
  /** Nothing but closing helps. */
  | 'close';

/** A problem as the dialog words it: what happened, what it means, what to do next. */
export interface ActionProblemCopy {
  readonly heading: string;
  readonly message: string;
  readonly next: ProblemNext;
  /** True when the server guarantees nothing changed, which the dialog says plainly. */
  readonly unchanged: boolean;
}

/** Whether a problem means the jobs changed under the operator, so a view showing them is stale. */
export function meansStale(error: unknown, during: 'preview' | 'execute'): boolean {
  if (during === 'execute') return true;
  return error instanceof ApiError
    && (error.code === PROBLEM_TYPES.notFound || (error.code === PROBLEM_TYPES.invalidInput && error.parameter === 'target'));
}

/** What the words for a problem may draw on besides the problem itself. */
interface CopyContext {
  /** The action's verb inside a sentence: "retry", "pause". */
  readonly verb: string;
  /** Whether the action is about the queue itself rather than some of its jobs. */
  readonly queue: boolean;
  /** Whether the action is about a recurring schedule. */
  readonly schedule: boolean;
  /** What trying again means at this step. */
  readonly again: ProblemNext;
}

/** The words for each console problem the dialog can meet; other problems are worded by status. */
const PROBLEM_COPY: Readonly<Partial<Record<ProblemType, (error: ApiError, context: CopyContext) => ActionProblemCopy>>> = {
  [PROBLEM_TYPES.previewExpired]: () => ({
    heading: msg('The preview expired'),
    message: msg('Previews last a few minutes, so that you act on what you saw. Preview again to see the jobs as they are now.'),
    next: 'preview-again',
    unchanged: true,
  }),
  [PROBLEM_TYPES.planDrift]: (error, { queue, schedule }) => ({
    heading: schedule ? msg('The schedule changed since the preview') : queue ? msg('The queue changed since the preview') : msg('The jobs changed since the preview'),
    message: error.detail || msg('A worker or another operator got to some of them first. Preview again to see the jobs as they are now.'),
    next: 'preview-again',
    unchanged: true,
  }),
  [PROBLEM_TYPES.previewUsed]: () => ({
    heading: msg('This was already done'),
    message: msg('This preview was already executed (here or in another tab); it never runs twice. The audit log shows who did it and how it ended.'),
    next: 'audit-log',
    unchanged: false,
  }),
  [PROBLEM_TYPES.previewOtherOperator]: () => ({
    heading: msg('This preview belongs to another operator'),
    message: msg('Previews cannot be shared. Preview again to make your own.'),
    next: 'preview-again',
    unchanged: true,
  }),
  [PROBLEM_TYPES.previewNotFound]: () => ({
    heading: msg('The server no longer knows this preview'),
    message: msg('Preview again to continue.'),
    next: 'preview-again',
    unchanged: true,
  }),
  [PROBLEM_TYPES.forbidden]: (error, { verb, queue, schedule }) => ({
    heading: schedule ? msg('You are not allowed to {verb} this schedule', { verb }) : queue ? msg('You are not allowed to {verb} this queue', { verb }) : msg('You are not allowed to {verb} these jobs', { verb }),
    message: error.detail ? `${error.detail} ${msg('Ask an administrator if you need to.')}` : msg('Ask an administrator if you need to.'),
    next: 'close',
    unchanged: true,
  }),
  [PROBLEM_TYPES.unauthenticated]: (_error, { again }) => ({
    heading: msg('You are signed out'),
    message: msg('Sign in again in another tab, then try again here.'),
    next: again,
    unchanged: true,
  }),
  [PROBLEM_TYPES.notFound]: (error, { schedule }) => ({
    heading: schedule ? msg('This schedule no longer exists') : msg('Some of these jobs no longer exist'),
    message: `${error.detail} ${msg('Close this and look at the list again.')}`,
    next: 'close',
    unchanged: true,
  }),
  [PROBLEM_TYPES.invalidInput]: (error, { verb }) => ({
    heading: error.parameter === 'target' ? msg('Nothing to {verb}', { verb }) : msg('The server refused the request'),
    message: error.detail || error.title,
    next: 'close',
    unchanged: true,
  }),
};

/** The console's problem type of `error`, or, for a 401 or 403 without one (from a proxy or the host), the type it stands for. */
function problemTypeFor(error: ApiError): ProblemType | null {
  if (error.code !== null) return error.code;
  if (error.status === 403) return PROBLEM_TYPES.forbidden;
  if (error.status === 401) return PROBLEM_TYPES.unauthenticated;
  return null;
}

/**
 * The words for a failed preview or execute of `action`, by the server's problem type. Each says
 * what happened in an operator's terms and offers one next step.
 */
export function actionProblemCopy(error: unknown, during: 'preview' | 'execute', action: OperatorAction): ActionProblemCopy {
  const queue = isQueueAction(action);
  const verb = anyActionCopy(action).infinitive;
  if (!(error instanceof ApiError)) {
    return { heading: msg('Something went wrong'), message: error instanceof Error ? error.message : String(error), next: 'close', unchanged: during === 'preview' };
  }
  const detail = error.detail;
  const again: ProblemNext = during === 'execute' ? 'resubmit' : 'preview-again';
  const type = problemTypeFor(error);
  const worded = type === null ? undefined : PROBLEM_COPY[type];
  if (worded) return worded(error, { verb, queue, schedule: isScheduleAction(action), again });
  const safe = msg('Trying again is safe: the console sends the same request key, so the action cannot run twice.');
  if (error.status === 0) {
    return during === 'execute'
      ? { heading: msg('The answer did not arrive'), message: `${msg('The server may or may not have received the request.')} ${safe}`, next: 'resubmit', unchanged: false }
      : { heading: msg('Cannot reach the server'), message: msg('Check your connection, then try again.'), next: 'preview-again', unchanged: true };
  }
  if (error.status >= 500) {
    return {
      heading:
        during === 'execute'
          ? queue
            ? msg('The server could not {verb} this queue', { verb })
            : msg('The server could not {verb} the jobs', { verb })
          : msg('The server could not preview the action'),
      message: `${detail || error.title || `HTTP ${error.status}`}${during === 'execute' ? ` ${safe}` : ''}`,
      next: again,
      unchanged: during === 'preview',
    };
  }
  return { heading: error.title || msg('The server refused the request'), message: detail || `HTTP ${error.status}`, next: 'close', unchanged: true };
}
