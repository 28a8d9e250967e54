import type { Route } from '../router/routes.ts';
import { shortId } from '../shared/format.ts';
import { msg } from '../shared/locale.ts';
import { stateLabel } from '../shared/state-copy.ts';

/** The document title for a route, most specific part first so browser tabs stay readable. */
export function routeTitle(route: Route, brand: string): string {
  const parts = ((): string[] => {
    switch (route.name) {
      case 'overview':
        return [msg('Queues')];
      case 'queue':
        return route.state ? [stateLabel(route.state), route.queue] : [route.queue];
      case 'job':
        return [msg('Job {id}', { id: shortId(route.id) }), route.queue];
      case 'queue-activity':
        return [msg('Activity'), route.queue];
      case 'queue-chronology':
        return [msg('Chronology'), route.queue];
      case 'schedule-chronology':
        return route.key ? [msg('Chronology'), route.key, route.queue] : [msg('Chronology'), msg('Schedules'), route.queue];
      case 'workers':
        return [msg('Workers')];
      case 'incidents':
        return [msg('Incidents')];
      case 'find-job':
        return route.id ? [msg('Find a job'), route.id] : [msg('Find a job')];
      case 'schedules':
        return route.queue ? [msg('Schedules'), route.queue] : [msg('Schedules')];
      case 'audit':
        return [msg('Audit log')];
      case 'audit-record':
        return [msg('Audit record {id}', { id: shortId(route.id) })];
      case 'not-found':
        return [msg('Not found')];
    }
  })();
  return [...parts, brand].join(' · ');
}
