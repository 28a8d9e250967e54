/**
 * The API answers the console asks for first on a page under the mount, relative to the mount
 * root, so the shell can have the browser fetch them while the bundle is still on its way. They
 * mirror what the elements request (`elements/api/api-client.ts`): the console's session, and the
 * first view's data where its address follows from the page alone. A page whose first request
 * depends on the browser (a job list's page size follows the window's height) preloads only the
 * session. A preload that nothing claims costs one wasted request, never a wrong screen.
 */
export function firstViewRequests(pathUnderMount: string): readonly string[] {
  const segments = decodedSegments(pathUnderMount.replace(/^\//, '').replace(/\/$/, ''));
  const requests = ['api/session'];
  if (segments === null) return requests;
  const [first, queue, jobs, id] = segments;
  if (segments.length === 1 && (first === '' || first === 'queues')) requests.push('api/queues');
  else if (first === 'queues' && queue && segments.length === 2) requests.push(`api/queues/${encodeURIComponent(queue)}`);
  else if (first === 'queues' && queue && jobs === 'jobs' && id && segments.length === 4) {
    requests.push(`api/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}`);
  }
  return requests;
}

function decodedSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}
