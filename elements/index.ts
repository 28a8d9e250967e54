/**
 * The console's custom elements. Importing this module defines every element (once, even if
 * another copy already did) and exports the classes, the API client and the router for hosts that
 * compose their own pages. (The console's own bundle, `console-bundle.ts`, defines the first
 * screen's elements at once and the others on first use.)
 */
import { OpsJobsActionDialog } from './action-dialog/action-dialog.ts';
import { OpsJobsAttention } from './attention/attention.ts';
import { OpsJobsAuditLog } from './audit-log/audit-log.ts';
import { OpsJobsAuditRecord } from './audit-record/audit-record.ts';
import { OpsJobsConsole } from './console/console.ts';
import { OpsJobsCopyButton } from './copy-button/copy-button.ts';
import { OpsJobsJobDetail } from './job-detail/job-detail.ts';
import { OpsJobsJobError } from './job-error/job-error.ts';
import { OpsJobsJobFlow } from './job-flow/job-flow.ts';
import { OpsJobsJobHistory } from './job-history/job-history.ts';
import { OpsJobsJobList } from './job-list/job-list.ts';
import { OpsJobsJobTimeline } from './job-timeline/job-timeline.ts';
import { OpsJobsJsonViewer } from './json-viewer/json-viewer.ts';
import { OpsJobsOutcomeBadge } from './outcome-badge/outcome-badge.ts';
import { OpsJobsProblem } from './problem/problem.ts';
import { OpsJobsQueueList } from './queue-list/queue-list.ts';
import { OpsJobsQueueActivity } from './queue-activity/queue-activity.ts';
import { OpsJobsQueueSwitcher } from './queue-switcher/queue-switcher.ts';
import { OpsJobsDataFilter } from './data-filter/data-filter.ts';
import { OpsJobsChronology } from './chronology/chronology.ts';
import { OpsJobsScheduleList } from './schedule-list/schedule-list.ts';
import { OpsJobsJobSearch } from './job-search/job-search.ts';
import { OpsJobsWorkerList } from './worker-list/worker-list.ts';
import { OpsJobsStateBadge } from './state-badge/state-badge.ts';
import { OpsJobsRelativeTime } from './time/relative-time.ts';
import { defineElements } from './define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from './first-screen-elements.ts';

export {
  OpsJobsActionDialog,
  OpsJobsAttention,
  OpsJobsAuditLog,
  OpsJobsAuditRecord,
  OpsJobsConsole,
  OpsJobsCopyButton,
  OpsJobsDataFilter,
  OpsJobsJobDetail,
  OpsJobsJobError,
  OpsJobsJobFlow,
  OpsJobsJobHistory,
  OpsJobsJobList,
  OpsJobsJobSearch,
  OpsJobsJobTimeline,
  OpsJobsJsonViewer,
  OpsJobsOutcomeBadge,
  OpsJobsProblem,
  OpsJobsQueueActivity,
  OpsJobsQueueList,
  OpsJobsQueueSwitcher,
  OpsJobsScheduleList,
  OpsJobsStateBadge,
  OpsJobsRelativeTime,
  OpsJobsWorkerList,
};
export { ApiClient, type AuditPageQuery, type ExecuteResult, type JobPageQuery, type SchedulePageQuery } from './api/api-client.ts';
export { API_ERROR_KINDS, ApiError, type ApiErrorKind } from './api/api-error.ts';
export { PROBLEM_TYPE_PREFIX, PROBLEM_TYPES, type ProblemType } from '../core/vocabulary/problem-types.ts';
export { AUDIT_FILTER_KEYS, type AuditFilterKey, type AuditQuery } from './api/audit-query.ts';
export { setLocale, type Catalog } from './shared/locale.ts';
export type { AuditLinks } from './action-dialog/action-dialog.ts';
export type { ActionRequest } from './actions/action-request.ts';
export { OpsJobsActionCloseEvent } from './events/ops-jobs-action-close.ts';
export { OpsJobsActionDoneEvent } from './events/ops-jobs-action-done.ts';
export { ensureDefined, type LazyTag } from './lazy-elements.ts';
export { apiContext, liveContext, routerContext, sessionContext } from './context/contexts.ts';
export { LiveConnection, type LiveSubscriber } from './live/live-connection.ts';
export { LIVE_STATE, type LiveState } from './live/live-state.ts';
export { OpsJobsLiveChangeEvent } from './events/ops-jobs-live-change.ts';
export { OpsJobsNavigateEvent } from './events/ops-jobs-navigate.ts';
export { OpsJobsReloadEvent } from './events/ops-jobs-reload.ts';
export { OpsJobsRouteChangeEvent } from './events/ops-jobs-route-change.ts';
export { OpsJobsSwitcherCloseEvent } from './queue-switcher/queue-switcher.ts';
export { OpsJobsDataFilterChangeEvent } from './data-filter/data-filter.ts';
export { Router } from './router/router.ts';
export { parseRoute, routes, routeUrl, type Route } from './router/routes.ts';
export type { Theme } from './shared/view-element.ts';

/** Every element by tag name. */
export const ELEMENTS = Object.freeze({
  ...FIRST_SCREEN_ELEMENTS,
  'ops-jobs-job-detail': OpsJobsJobDetail,
  'ops-jobs-job-timeline': OpsJobsJobTimeline,
  'ops-jobs-action-dialog': OpsJobsActionDialog,
  'ops-jobs-audit-log': OpsJobsAuditLog,
  'ops-jobs-audit-record': OpsJobsAuditRecord,
  'ops-jobs-schedule-list': OpsJobsScheduleList,
  'ops-jobs-job-search': OpsJobsJobSearch,
  'ops-jobs-worker-list': OpsJobsWorkerList,
  'ops-jobs-attention': OpsJobsAttention,
  'ops-jobs-queue-activity': OpsJobsQueueActivity,
  'ops-jobs-chronology': OpsJobsChronology,
  'ops-jobs-job-flow': OpsJobsJobFlow,
  'ops-jobs-queue-switcher': OpsJobsQueueSwitcher,
  'ops-jobs-data-filter': OpsJobsDataFilter,
});

defineElements(ELEMENTS);

declare global {
  interface HTMLElementTagNameMap {
    'ops-jobs-console': OpsJobsConsole;
    'ops-jobs-queue-list': OpsJobsQueueList;
    'ops-jobs-job-list': OpsJobsJobList;
    'ops-jobs-job-detail': OpsJobsJobDetail;
    'ops-jobs-job-history': OpsJobsJobHistory;
    'ops-jobs-audit-log': OpsJobsAuditLog;
    'ops-jobs-audit-record': OpsJobsAuditRecord;
    'ops-jobs-schedule-list': OpsJobsScheduleList;
    'ops-jobs-job-search': OpsJobsJobSearch;
    'ops-jobs-worker-list': OpsJobsWorkerList;
    'ops-jobs-attention': OpsJobsAttention;
    'ops-jobs-queue-activity': OpsJobsQueueActivity;
    'ops-jobs-chronology': OpsJobsChronology;
    'ops-jobs-job-flow': OpsJobsJobFlow;
    'ops-jobs-queue-switcher': OpsJobsQueueSwitcher;
    'ops-jobs-data-filter': OpsJobsDataFilter;
    'ops-jobs-action-dialog': OpsJobsActionDialog;
    'ops-jobs-outcome-badge': OpsJobsOutcomeBadge;
    'ops-jobs-job-error': OpsJobsJobError;
    'ops-jobs-job-timeline': OpsJobsJobTimeline;
    'ops-jobs-json-viewer': OpsJobsJsonViewer;
    'ops-jobs-state-badge': OpsJobsStateBadge;
    'ops-jobs-relative-time': OpsJobsRelativeTime;
    'ops-jobs-copy-button': OpsJobsCopyButton;
    'ops-jobs-problem': OpsJobsProblem;
  }
}
