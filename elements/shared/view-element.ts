import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ALL_JOB_STATES, type JobState } from '../../core/vocabulary/job-states.ts';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { ApiClient } from '../api/api-client.ts';
import { apiContext, liveContext, routerContext, sessionContext } from '../context/contexts.ts';
import { LoadController } from '../controllers/load-controller.ts';
import type { LiveConnection } from '../live/live-connection.ts';
import type { Router } from '../router/router.ts';
import { routeUrl, type Route } from '../router/routes.ts';
import { localized } from './locale.ts';

/** The colour scheme an element is asked to use; `auto` follows the operating system. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * What every view shares: the API client, router and session from the enclosing console, and,
 * for a view placed alone in a host page, a client of its own built from its `root` attribute.
 */
export class ViewElement extends LitElement {
  /**
   * The mount root relative to the page, ending in `/`. Read only when the view is not inside an
   * `<ops-jobs-console>`, which provides its own.
   */
  @property() root = './';

  /** `light` or `dark` forces a colour scheme; unset or `auto` follows the operating system. */
  @property({ reflect: true }) theme: Theme | undefined;

  @consume({ context: apiContext, subscribe: true })
  @state()
  protected consoleApi: ApiClient | undefined;

  @consume({ context: routerContext, subscribe: true })
  @state()
  protected router: Router | undefined;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session: SessionResponse | undefined;

  /** The console's live connection; a view alone in a page has none and updates on request only. */
  @consume({ context: liveContext, subscribe: true })
  @state()
  protected live: LiveConnection | undefined;

  #ownApi: { root: string; client: ApiClient } | undefined;

  /**
   * Whether this view needs the session (permissions, limits) even when placed alone in a page,
   * where no console provides one; it then loads its own.
   */
  protected needsSession = false;

  readonly #ownSession = new LoadController(this, {
    args: () => (this.needsSession && !this.consoleApi && !this.session ? ([this.api] as const) : null),
    task: ([api], signal) => api.session(signal),
  });

  /** The console's session, or, for a view alone that needs one, its own; undefined until known. */
  protected get operator(): SessionResponse | undefined {
    return this.session ?? this.#ownSession.value;
  }

  constructor() {
    super();
    localized(this);
    // "Try again" in an error state inside this view reloads this view, and no outer one.
    this.addEventListener('ops-jobs-reload', (event) => {
      event.stopPropagation();
      void this.refresh();
    });
  }

  /** Loads the view's data again. */
  refresh(): Promise<void> {
    return Promise.resolve();
  }

  /** The console's client, or one for this view's own `root`. */
  protected get api(): ApiClient {
    if (this.consoleApi) return this.consoleApi;
    if (this.#ownApi?.root !== this.root) {
      this.#ownApi = { root: this.root, client: new ApiClient(new URL(this.root, document.baseURI)) };
    }
    return this.#ownApi.client;
  }

  /** The link target of a route. */
  protected href(route: Route): string {
    return this.router ? this.router.href(route) : routeUrl(route, this.api.root).href;
  }

  /** The engine's states in display order. */
  protected get states(): readonly JobState[] {
    return this.session?.engine.states ?? ALL_JOB_STATES;
  }

  /** Moves focus to the view's heading, as the console does after a navigation. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }
}
