/**
 * The console's custom elements. Importing this module defines every element (once, even if
 * another copy already did) and exports the classes, the API client and the router for hosts that
 * compose their own pages.
 */
import { OpsJobsConsole } from './console/console.ts';
import { OpsJobsCopyButton } from './copy-button/copy-button.ts';
import { OpsJobsJobDetail } from './job-detail/job-detail.ts';
import { OpsJobsJobError } from './job-error/job-error.ts';
import { OpsJobsJobList } from './job-list/job-list.ts';
import { OpsJobsJobTimeline } from './job-timeline/job-timeline.ts';
import { OpsJobsJsonViewer } from './json-viewer/json-viewer.ts';
import { OpsJobsProblem } from './problem/problem.ts';
import { OpsJobsQueueList } from './queue-list/queue-list.ts';
import { OpsJobsStateBadge } from './state-badge/state-badge.ts';
import { OpsJobsRelativeTime } from './time/relative-time.ts';

export {
  OpsJobsConsole,
  OpsJobsCopyButton,
  OpsJobsJobDetail,
  OpsJobsJobError,
  OpsJobsJobList,
  OpsJobsJobTimeline,
  OpsJobsJsonViewer,
  OpsJobsProblem,
  OpsJobsQueueList,
  OpsJobsStateBadge,
  OpsJobsRelativeTime,
};
export { ApiClient, type JobPageQuery } from './api/api-client.ts';
export { API_ERROR_KINDS, ApiError, type ApiErrorKind } from './api/api-error.ts';
export { apiContext, routerContext, sessionContext } from './context/contexts.ts';
export { OpsJobsNavigateEvent } from './events/ops-jobs-navigate.ts';
export { OpsJobsReloadEvent } from './events/ops-jobs-reload.ts';
export { OpsJobsRouteChangeEvent } from './events/ops-jobs-route-change.ts';
export { Router } from './router/router.ts';
export { parseRoute, routes, routeUrl, type Route } from './router/routes.ts';
export type { Theme } from './shared/view-element.ts';

/** Every element by tag name. */
export const ELEMENTS = Object.freeze({
  'ops-jobs-console': OpsJobsConsole,
  'ops-jobs-queue-list': OpsJobsQueueList,
  'ops-jobs-job-list': OpsJobsJobList,
  'ops-jobs-job-detail': OpsJobsJobDetail,
  'ops-jobs-job-error': OpsJobsJobError,
  'ops-jobs-job-timeline': OpsJobsJobTimeline,
  'ops-jobs-json-viewer': OpsJobsJsonViewer,
  'ops-jobs-state-badge': OpsJobsStateBadge,
  'ops-jobs-relative-time': OpsJobsRelativeTime,
  'ops-jobs-copy-button': OpsJobsCopyButton,
  'ops-jobs-problem': OpsJobsProblem,
});

for (const [tag, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'ops-jobs-console': OpsJobsConsole;
    'ops-jobs-queue-list': OpsJobsQueueList;
    'ops-jobs-job-list': OpsJobsJobList;
    'ops-jobs-job-detail': OpsJobsJobDetail;
    'ops-jobs-job-error': OpsJobsJobError;
    'ops-jobs-job-timeline': OpsJobsJobTimeline;
    'ops-jobs-json-viewer': OpsJobsJsonViewer;
    'ops-jobs-state-badge': OpsJobsStateBadge;
    'ops-jobs-relative-time': OpsJobsRelativeTime;
    'ops-jobs-copy-button': OpsJobsCopyButton;
    'ops-jobs-problem': OpsJobsProblem;
  }
}
