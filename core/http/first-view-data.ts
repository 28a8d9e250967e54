import { isJobState } from '../vocabulary/job-states.ts';
import { PAGE_SIZE } from '../vocabulary/limits.ts';

/**
 * The API answers the console asks for first on a page under the mount, relative to the mount
 * root, so the shell can have the browser fetch them while the bundle is still on its way. They
 * mirror what the elements request (elements/api/api-client.ts): the session, and the data of the
 * view the address leads to (the queue overview, a queue's counts and first page of jobs, one
 * job, or one audit record). Other pages preload the session only. A preload that nothing claims costs one wasted
 * request, never a wrong screen.
 */
export function firstViewRequests(pathUnderMount: string, search = ''): readonly string[] {
  const segments = decodedSegments(pathUnderMount.replace(/^\//, '').replace(/\/$/, ''));
  const requests = ['api/session'];
  if (segments === null) return requests;
  const [section, name, jobs, id] = segments;
  if (segments.length === 1 && (section === '' || section === 'queues')) {
    requests.push('api/queues');
  } else if (section === 'queues' && name && segments.length === 2) {
    const queue = `api/queues/${encodeURIComponent(name)}`;
    const state = new URLSearchParams(search).get('state');
    const page = new URLSearchParams(isJobState(state) ? { state } : {});
    page.set('limit', String(PAGE_SIZE.default));
    requests.push(queue, `${queue}/jobs?${page}`);
  } else if (section === 'queues' && name && jobs === 'jobs' && id && segments.length === 4) {
    requests.push(`api/queues/${encodeURIComponent(name)}/jobs/${encodeURIComponent(id)}`);
  } else if (section === 'audit' && name && segments.length === 2) {
    requests.push(`api/audit/${encodeURIComponent(name)}`);
  }
  return requests;
}

/**
 * The chunks loaded on first use (by their module's name) that the first view of a page under the
 * mount needs: the audit log, an audit record (and its copy buttons), or on a job's page the job's
 * view itself, the views of its values, its chronology and its copy buttons, or a queue's or a
 * schedule's chronology (the audit views and the chronology
 * share the outcome badges' chunk). The
 * shell preloads them, so they arrive with the entry instead of after it has run.
 */
export function firstViewChunks(pathUnderMount: string): readonly string[] {
  const segments = pathUnderMount.replace(/^\//, '').replace(/\/$/, '').split('/');
  if (segments[0] === 'queues' && segments[2] === 'jobs' && segments.length === 4 && segments[1] && segments[3]) return ['job-views', 'payload-views', 'history-views', 'chronology', 'copy-button'];
  if (segments[0] === 'queues' && segments[2] === 'chronology' && segments.length === 3 && segments[1]) return ['chronology', 'history-views'];
  if (segments[0] === 'queues' && segments[2] === 'schedules' && segments[4] === 'chronology' && segments.length === 5 && segments[1] && segments[3]) return ['chronology', 'history-views'];
  if (segments[0] !== 'audit') return [];
  if (segments.length === 1) return ['audit-log', 'history-views'];
  return segments.length === 2 && segments[1] ? ['audit-record', 'history-views', 'copy-button'] : [];
}

function decodedSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}
