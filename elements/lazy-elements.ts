import { defineElements } from './define-elements.ts';

// Elements no first screen needs, each behind a dynamic import: the build's code splitting makes
// each its own chunk, fetched the first time it is needed. Where everything is bundled together
// (the package entry `ops-jobs/elements`), they are already defined and loading is a no-op.
const LOADERS = {
  'ops-jobs-action-dialog': () => import('./action-dialog/action-dialog.ts').then((module) => module.OpsJobsActionDialog),
  'ops-jobs-audit-log': () => import('./audit-log/audit-log.ts').then((module) => module.OpsJobsAuditLog),
  'ops-jobs-audit-record': () => import('./audit-record/audit-record.ts').then((module) => module.OpsJobsAuditRecord),
  // A job's page: the console's first screens are the overview and a queue's jobs.
  'ops-jobs-job-detail': () => import('./job-views.ts').then((module) => module.OpsJobsJobDetail),
  'ops-jobs-job-timeline': () => import('./job-views.ts').then((module) => module.OpsJobsJobTimeline),
  // A job's values: only the job detail shows them, after its data has arrived.
  'ops-jobs-json-viewer': () => import('./payload-views.ts').then((module) => module.OpsJobsJsonViewer),
  'ops-jobs-job-error': () => import('./payload-views.ts').then((module) => module.OpsJobsJobError),
  // A job's history of actions and the outcome badge, shown after the job, and by the audit views.
  'ops-jobs-job-history': () => import('./history-views.ts').then((module) => module.OpsJobsJobHistory),
  'ops-jobs-outcome-badge': () => import('./history-views.ts').then((module) => module.OpsJobsOutcomeBadge),
  // The overview's findings: they arrive after the queues, from a read of their own.
  'ops-jobs-attention': () => import('./attention/attention.ts').then((module) => module.OpsJobsAttention),
  // A job's or a queue's chronology: after the job, or on a page of its own.
  'ops-jobs-chronology': () => import('./chronology/chronology.ts').then((module) => module.OpsJobsChronology),
  'ops-jobs-job-flow': () => import('./job-flow/job-flow.ts').then((module) => module.OpsJobsJobFlow),
  'ops-jobs-queue-activity': () => import('./queue-activity/queue-activity.ts').then((module) => module.OpsJobsQueueActivity),
  'ops-jobs-incident-list': () => import('./incident-list/incident-list.ts').then((module) => module.OpsJobsIncidentList),
  'ops-jobs-worker-list': () => import('./worker-list/worker-list.ts').then((module) => module.OpsJobsWorkerList),
  'ops-jobs-job-search': () => import('./job-search/job-search.ts').then((module) => module.OpsJobsJobSearch),
  'ops-jobs-schedule-list': () => import('./schedule-list/schedule-list.ts').then((module) => module.OpsJobsScheduleList),
  // The payload filter of a queue's jobs: only where the display policy lists searchable fields.
  'ops-jobs-data-filter': () => import('./data-filter/data-filter.ts').then((module) => module.OpsJobsDataFilter),
  // The copy button: only a job's page, its values and an audit record show one.
  'ops-jobs-copy-button': () => import('./copy-button/copy-button.ts').then((module) => module.OpsJobsCopyButton),
  // The quick switcher: only when an operator asks for it (Ctrl+K or Cmd+K).
  'ops-jobs-queue-switcher': () => import('./queue-switcher/queue-switcher.ts').then((module) => module.OpsJobsQueueSwitcher),
};

/** A tag whose element loads on first use. */
export type LazyTag = keyof typeof LOADERS;

const loading = new Map<LazyTag, Promise<void>>();

/**
 * Loads and defines the element of `tag` unless it is defined; resolves once it is. A failed load
 * is forgotten, so asking again tries again.
 */
export function ensureDefined(tag: LazyTag): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = LOADERS[tag]().then(
      (element) => defineElements({ [tag]: element }),
      (error: unknown) => {
        loading.delete(tag);
        throw error;
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Whether `tag` is one that loads on first use. */
export function isLazyTag(tag: string): tag is LazyTag {
  return Object.hasOwn(LOADERS, tag);
}

/** Loads every lazy element a host page already holds, for views placed alone in a page. */
export function defineLazyIn(root: ParentNode): void {
  for (const tag of Object.keys(LOADERS) as LazyTag[]) if (root.querySelector(tag)) void ensureDefined(tag);
}
