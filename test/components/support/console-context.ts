// What `<ops-jobs-console>` provides to the views inside it, provided by a plain element in a
// fixture instead: a session, a router that records where it was asked to go, and a live
// connection the test feeds changes into. The real console is covered by its own fixture file.
import { ContextProvider } from '@lit/context';
import type { LiveActionEvent, LiveQueuesEvent, SessionResponse } from '../../../core/vocabulary/wire.ts';
import { ApiClient } from '../../../elements/api/api-client.ts';
import { apiContext, liveContext, routerContext, sessionContext } from '../../../elements/context/contexts.ts';
import type { LiveConnection, LiveSubscriber } from '../../../elements/live/live-connection.ts';
import type { Router } from '../../../elements/router/router.ts';
import { routeUrl, type Route } from '../../../elements/router/routes.ts';
import { STUB_ROOT } from './fetch-stub.ts';

/** A live connection whose changes the test sends. */
export class TestLive {
  readonly subscribers = new Set<LiveSubscriber>();
  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
  queues(event: LiveQueuesEvent): void {
    for (const subscriber of this.subscribers) subscriber.queues?.(event);
  }
  action(event: LiveActionEvent): void {
    for (const subscriber of this.subscribers) subscriber.action?.(event);
  }
}

/** A router that links under the stub's root and records navigations instead of making them. */
export class TestRouter {
  readonly root = new URL(STUB_ROOT, location.href);
  readonly navigated: Route[] = [];
  href(route: Route): string {
    return routeUrl(route, this.root).href;
  }
  navigate(route: Route): boolean {
    this.navigated.push(route);
    return true;
  }
}

/**
 * Makes `host` provide a session, a router and a live connection to the views inside it, and an
 * API client on the stub's root, as the console does.
 */
export function provideConsole(host: HTMLElement, given: { session?: SessionResponse; router?: TestRouter; live?: TestLive }): void {
  new ContextProvider(host, { context: apiContext, initialValue: new ApiClient(new URL(STUB_ROOT, location.href)) });
  new ContextProvider(host, { context: sessionContext, initialValue: given.session });
  new ContextProvider(host, { context: routerContext, initialValue: given.router as unknown as Router | undefined });
  new ContextProvider(host, { context: liveContext, initialValue: given.live as unknown as LiveConnection | undefined });
}
