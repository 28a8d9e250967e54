import type { Route } from '../router/routes.ts';

/**
 * Sent by `<ops-jobs-console>` before it follows a link inside itself without reloading the page.
 * Cancel it to handle the navigation yourself (the browser then does nothing either).
 */
export class OpsJobsNavigateEvent extends Event {
  static readonly eventName = 'ops-jobs-navigate';
  /** Where the link goes. */
  readonly url: URL;
  readonly route: Route;

  constructor(url: URL, route: Route) {
    super(OpsJobsNavigateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.url = url;
    this.route = route;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ops-jobs-navigate': OpsJobsNavigateEvent;
  }
}
