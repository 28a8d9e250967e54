import { isJobState, type JobState } from '../../core/vocabulary/job-states.ts';
import { auditQueryFrom, auditQueryParams, type AuditQuery } from '../api/audit-query.ts';
import { jobDataFrom, jobDataParams, type JobDataFilter } from '../api/job-data-filter.ts';
import { scheduleKeyFromSegment, scheduleKeySegment } from '../../core/vocabulary/schedule-key.ts';

/** A place in the console, independent of where the console is mounted. */
export type Route =
  /** The queues; those whose name holds `filter` when given. */
  | { readonly name: 'overview'; readonly filter?: string }
  /** A queue's jobs, in `state` when given, whose payload holds `data` (dotted field path to text value) when given. */
  | { readonly name: 'queue'; readonly queue: string; readonly state: JobState | null; readonly data?: JobDataFilter }
  | { readonly name: 'job'; readonly queue: string; readonly id: string }
  /** A queue's settings and its activity over time. */
  | { readonly name: 'queue-activity'; readonly queue: string }
  /** The operator actions on a queue, and what is not known of its history. */
  | { readonly name: 'queue-chronology'; readonly queue: string }
  /** A recurring schedule's life and the operator actions on it (`key` empty for pg-boss's schedule without one). */
  | { readonly name: 'schedule-chronology'; readonly queue: string; readonly key: string }
  /** The processes running the engine. */
  | { readonly name: 'workers' }
  /** What the background diagnosis kept as incidents. */
  | { readonly name: 'incidents' }
  /** The jobs whose id starts with `id`, in every queue. */
  | { readonly name: 'find-job'; readonly id: string }
  /** The recurring schedules, of one queue or of every queue. */
  | { readonly name: 'schedules'; readonly queue: string | null }
  /** The audit log, under the filters in its query. */
  | { readonly name: 'audit'; readonly filter: AuditQuery }
  | { readonly name: 'audit-record'; readonly id: string }
  | { readonly name: 'not-found'; readonly path: string };

/** Route constructors, so call sites read as what they link to. */
export const routes = Object.freeze({
  overview: (filter = ''): Route => (filter ? { name: 'overview', filter } : { name: 'overview' }),
  queue: (queue: string, state: JobState | null = null, data: JobDataFilter = {}): Route =>
    (Object.keys(data).length > 0 ? { name: 'queue', queue, state, data } : { name: 'queue', queue, state }),
  job: (queue: string, id: string): Route => ({ name: 'job', queue, id }),
  queueActivity: (queue: string): Route => ({ name: 'queue-activity', queue }),
  queueChronology: (queue: string): Route => ({ name: 'queue-chronology', queue }),
  scheduleChronology: (queue: string, key: string): Route => ({ name: 'schedule-chronology', queue, key }),
  findJob: (id: string): Route => ({ name: 'find-job', id }),
  workers: (): Route => ({ name: 'workers' }),
  incidents: (): Route => ({ name: 'incidents' }),
  schedules: (queue: string | null = null): Route => ({ name: 'schedules', queue }),
  audit: (filter: AuditQuery = {}): Route => ({ name: 'audit', filter }),
  auditRecord: (id: string): Route => ({ name: 'audit-record', id }),
});

/**
 * Reads the route of `url` under the mount `root` (absolute, ending in `/`). Returns null when the
 * URL is outside the console: another origin or a path not under the root.
 */
export function parseRoute(url: URL, root: URL): Route | null {
  if (url.origin !== root.origin) return null;
  const base = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  const path = url.pathname === base.slice(0, -1) ? '' : url.pathname.startsWith(base) ? url.pathname.slice(base.length) : null;
  if (path === null) return null;
  if (path === '' || path === 'queues' || path === 'queues/') return routes.overview(url.searchParams.get('q')?.trim() ?? '');
  const segments = decodeSegments(path.replace(/\/$/, ''));
  if (segments?.[0] === 'queues' && segments[1]) {
    if (segments.length === 2) {
      const state = url.searchParams.get('state');
      return routes.queue(segments[1], isJobState(state) ? state : null, jobDataFrom(url.searchParams));
    }
    if (segments.length === 4 && segments[2] === 'jobs' && segments[3]) return routes.job(segments[1], segments[3]);
    if (segments.length === 3 && segments[2] === 'activity') return routes.queueActivity(segments[1]);
    if (segments.length === 3 && segments[2] === 'chronology') return routes.queueChronology(segments[1]);
    if (segments.length === 5 && segments[2] === 'schedules' && segments[3] && segments[4] === 'chronology') {
      return routes.scheduleChronology(segments[1], scheduleKeyFromSegment(segments[3]));
    }
  }
  if (segments?.length === 1 && segments[0] === 'workers') return routes.workers();
  if (segments?.length === 1 && segments[0] === 'incidents') return routes.incidents();
  if (segments?.length === 1 && segments[0] === 'jobs') return routes.findJob(url.searchParams.get('id') ?? '');
  if (segments?.length === 1 && segments[0] === 'schedules') return routes.schedules(url.searchParams.get('queue') || null);
  if (segments?.[0] === 'audit') {
    if (segments.length === 1) return routes.audit(auditQueryFrom(url.searchParams));
    if (segments.length === 2 && segments[1]) return routes.auditRecord(segments[1]);
  }
  return { name: 'not-found', path };
}

/** The URL of `route` under the mount `root`. */
export function routeUrl(route: Route, root: URL): URL {
  switch (route.name) {
    case 'overview': {
      const url = new URL(root.href);
      if (route.filter) url.searchParams.set('q', route.filter);
      return url;
    }
    case 'queue': {
      const url = new URL(`queues/${encodeURIComponent(route.queue)}`, root);
      if (route.state) url.searchParams.set('state', route.state);
      if (route.data) jobDataParams(route.data, url.searchParams);
      return url;
    }
    case 'job':
      return new URL(`queues/${encodeURIComponent(route.queue)}/jobs/${encodeURIComponent(route.id)}`, root);
    case 'queue-activity':
      return new URL(`queues/${encodeURIComponent(route.queue)}/activity`, root);
    case 'queue-chronology':
      return new URL(`queues/${encodeURIComponent(route.queue)}/chronology`, root);
    case 'schedule-chronology':
      return new URL(`queues/${encodeURIComponent(route.queue)}/schedules/${encodeURIComponent(scheduleKeySegment(route.key))}/chronology`, root);
    case 'workers':
      return new URL('workers', root);
    case 'incidents':
      return new URL('incidents', root);
    case 'find-job': {
      const url = new URL('jobs', root);
      if (route.id) url.searchParams.set('id', route.id);
      return url;
    }
    case 'schedules': {
      const url = new URL('schedules', root);
      if (route.queue) url.searchParams.set('queue', route.queue);
      return url;
    }
    case 'audit': {
      const url = new URL('audit', root);
      url.search = auditQueryParams(route.filter).toString();
      return url;
    }
    case 'audit-record':
      return new URL(`audit/${encodeURIComponent(route.id)}`, root);
    case 'not-found':
      return new URL(route.path, root);
  }
}

function decodeSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}
