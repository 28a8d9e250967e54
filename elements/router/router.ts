import { parseRoute, routeUrl, type Route } from './routes.ts';

/** Called with the new route after every navigation, pushed or popped. */
export type RouteListener = (route: Route) => void;

/**
 * Client-side routing over the History API for URLs under the mount root. The root is resolved
 * once, when the console starts, because `document.baseURI` moves with every pushed URL.
 */
export class Router {
  /** The mount root, absolute, ending in `/`. */
  readonly root: URL;
  #route: Route;
  readonly #listeners = new Set<RouteListener>();
  readonly #window: Window;
  readonly #onPopState = (): void => this.#sync();

  constructor(root: URL, win: Window = window) {
    this.root = root;
    this.#window = win;
    this.#route = this.#read();
  }

  /** Where the console is now. */
  get route(): Route {
    return this.#route;
  }

  /** Starts following back and forward. */
  start(): void {
    this.#window.addEventListener('popstate', this.#onPopState);
    this.#sync();
  }

  stop(): void {
    this.#window.removeEventListener('popstate', this.#onPopState);
  }

  /** The link target of `route`, for `href` attributes. */
  href(route: Route): string {
    return routeUrl(route, this.root).href;
  }

  /** The route a URL would open, or null when it is outside the console. */
  match(url: URL): Route | null {
    return parseRoute(url, this.root);
  }

  /**
   * Goes to `target` without reloading the page. Returns false, doing nothing, when the URL is
   * outside the console. Pushes a history entry unless `replace` is set or the URL is unchanged.
   */
  navigate(target: Route | URL, options: { replace?: boolean } = {}): boolean {
    const url = target instanceof URL ? target : routeUrl(target, this.root);
    if (!this.match(url)) return false;
    const history = this.#window.history;
    if (options.replace || url.href === this.#window.location.href) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#sync();
    return true;
  }

  /** Calls `listener` after each navigation; returns the function that stops it. */
  subscribe(listener: RouteListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #read(): Route {
    return this.match(new URL(this.#window.location.href)) ?? { name: 'not-found', path: this.#window.location.pathname };
  }

  #sync(): void {
    this.#route = this.#read();
    for (const listener of this.#listeners) listener(this.#route);
  }
}
