import type { Route } from '../router/routes.ts';

/** Sent by `<ops-jobs-console>` after its route changed: a followed link, back or forward. */
export class OpsJobsRouteChangeEvent extends Event {
  static readonly eventName = 'ops-jobs-route-change';
  readonly route: Route;

  constructor(route: Route) {
    super(OpsJobsRouteChangeEvent.eventName, { bubbles: true, composed: true });
    this.route = route;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ops-jobs-route-change': OpsJobsRouteChangeEvent;
  }
}
