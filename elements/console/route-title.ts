import type { Route } from '../router/routes.ts';
import { shortId } from '../shared/format.ts';
import { STATE_LABELS } from '../shared/state-copy.ts';

/** The document title for a route, most specific part first so browser tabs stay readable. */
export function routeTitle(route: Route, brand: string): string {
  switch (route.name) {
    case 'overview':
      return `Queues · ${brand}`;
    case 'queue':
      return `${route.state ? `${STATE_LABELS[route.state]} · ` : ''}${route.queue} · ${brand}`;
    case 'job':
      return `Job ${shortId(route.id)} · ${route.queue} · ${brand}`;
    case 'queue-activity':
      return `Activity · ${route.queue} · ${brand}`;
    case 'workers':
      return `Workers · ${brand}`;
    case 'find-job':
      return `Find a job${route.id ? ` · ${route.id}` : ''} · ${brand}`;
    case 'schedules':
      return `Schedules${route.queue ? ` · ${route.queue}` : ''} · ${brand}`;
    case 'audit':
      return `Audit log · ${brand}`;
    case 'audit-record':
      return `Audit record ${shortId(route.id)} · ${brand}`;
    case 'not-found':
      return `Not found · ${brand}`;
  }
}
