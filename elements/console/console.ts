import { provide } from '@lit/context';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { auditQueryString } from '../api/audit-query.ts';
import { apiContext, liveContext, routerContext, sessionContext } from '../context/contexts.ts';
import { LoadController } from '../controllers/load-controller.ts';
import { OpsJobsLiveChangeEvent } from '../events/ops-jobs-live-change.ts';
import { OpsJobsNavigateEvent } from '../events/ops-jobs-navigate.ts';
import { OpsJobsRouteChangeEvent } from '../events/ops-jobs-route-change.ts';
import { ensureDefined, isLazyTag } from '../lazy-elements.ts';
import { LiveConnection } from '../live/live-connection.ts';
import { interceptableLink } from '../router/link-clicks.ts';
import { Router } from '../router/router.ts';
import { routes, type Route } from '../router/routes.ts';
import { controls } from '../shared/controls.styles.ts';
import { skeletons } from '../shared/skeleton.styles.ts';
import { layersIcon, searchIcon } from '../shared/icons.ts';
import { themeScheme, tokens } from '../shared/tokens.styles.ts';
import type { Theme, ViewElement } from '../shared/view-element.ts';
import { consoleStyles } from './console.styles.ts';
import { liveStatus } from './live-status.ts';
import { liveStatusStyles } from './live-status.styles.ts';
import { routeTitle } from './route-title.ts';
import { isMac } from './shortcut.ts';
import { localized, msg, setLocale, textLanguage } from '../shared/locale.ts';

/**
 * The operator console: loads the session, then shows the view for the current URL under the
 * mount: the queue overview, a queue's jobs, one job, the audit log or one audit record. The
 * header links the queues and, for operators allowed to read it, the audit log. Links inside it navigate without a page
 * load; back and forward work. Provides the API client, session, router and live connection to
 * its views through `@lit/context`.
 *
 * It holds one live connection to `api/events` and says in the header, at all times, whether what
 * is on screen is current: Live, Reconnecting…, Polling every Ns (the stream cannot be held open,
 * so the view reloads on a timer), Stale since a time (nothing gets through), or Signed out. The
 * indicator is a button that opens a plain explanation of the state. Views update in place from it.
 *
 * The first Tab stop is a "Skip to main content" link, shown when focused, that moves focus to
 * the view's heading. The signed-in operator's name is always shown: in the top bar, or on
 * narrow screens on a line of its own under it; beside it, a "Sign out" link to the host's
 * sign-out page when the host gave one (its `signOutUrl` option).
 *
 * Ctrl+K (Cmd+K on a Mac), anywhere in it, or the "Go to" button in the header opens the quick
 * switcher, `<ops-jobs-queue-switcher>`: type part of a queue's name, or a job id, and go there.
 *
 * Its design tokens (`@cssprop` below) inherit into the views inside it, which read some of their
 * own (such as `--ops-jobs-state-<state>`); each view's documentation lists the ones it reads.
 *
 * @attr root - the mount root relative to the current page, ending in `/` (e.g. `../../`).
 *   Resolved once against `document.baseURI`, so the console works under any path prefix.
 * @attr base - where the console's own pages live, ending in `/`, when it sits in a page of the
 *   host's (e.g. `/admin/jobs/`); the mount root when absent. The host serves that page for every
 *   path under it, so a link the console made can be reloaded or shared.
 * @attr theme - `light`, `dark` or `auto` (default: follow the operating system).
 * @attr brand - the name in the header and the document title ("Jobs").
 * @attr locale - the language and formats of the console, a BCP 47 tag (`de`, `en-GB`); English
 *   text with the browser's formats when absent. Text comes in English and German; any other tag
 *   keeps English text and still formats numbers and dates its way. The console sets its own
 *   `lang` to the language its text is in. Right-to-left follows the page's `dir`.
 *
 * @fires ops-jobs-navigate - before following a link inside the console; cancelable.
 * @fires ops-jobs-route-change - after the route changed (link, back or forward).
 * @fires ops-jobs-live-change - the live connection's state changed; `state`, `freshAt`.
 *
 * @csspart header - the top bar; it stays in sight when the page scrolls.
 * @csspart live - the live indicator in the top bar.
 * @csspart live-explained - the explanation the live indicator opens.
 * @csspart skip-link - the "Skip to main content" link.
 * @csspart actor - the signed-in operator's name.
 * @csspart sign-out - the "Sign out" link beside it, when the host has a sign-out page.
 * @csspart nav - the links to the queues and the audit log in the top bar. When they do not fit
 *   (on a phone) they scroll sideways, and a faded edge with a chevron marks each side that has
 *   more; the nav then carries `data-more-start` and `data-more-end`.
 * @csspart main - the area the views render in.
 * @csspart switcher-button - the "Go to" button in the top bar that opens the quick switcher.
 *
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-color-background - page background.
 * @cssprop --ops-jobs-color-surface - cards and the header.
 * @cssprop --ops-jobs-color-surface-muted - table heads, code blocks, hovered links.
 * @cssprop --ops-jobs-color-border - card and table borders.
 * @cssprop --ops-jobs-color-border-strong - button borders.
 * @cssprop --ops-jobs-color-text - body text.
 * @cssprop --ops-jobs-color-text-muted - secondary text.
 * @cssprop --ops-jobs-color-accent - links and primary buttons.
 * @cssprop --ops-jobs-color-accent-soft - selected rows, the operator's initial.
 * @cssprop --ops-jobs-color-danger - failures and destructive actions.
 * @cssprop --ops-jobs-color-danger-soft - the background of failure panels.
 * @cssprop --ops-jobs-color-danger-border - the border of failure panels and destructive buttons.
 * @cssprop --ops-jobs-color-focus - focus rings.
 * @cssprop --ops-jobs-color-on-accent - text on primary buttons.
 * @cssprop --ops-jobs-color-warning - the live indicator when reconnecting or polling, warnings.
 * @cssprop --ops-jobs-color-warning-soft - the background of warnings.
 * @cssprop --ops-jobs-color-warning-border - the border of warnings.
 * @cssprop --ops-jobs-color-success - the live indicator when live, done actions.
 * @cssprop --ops-jobs-color-success-soft - the background of the live indicator when live.
 * @cssprop --ops-jobs-color-brand - the logo tile.
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-max-width - content width (82rem).
 * @cssprop --ops-jobs-min-height - the console's least height (100vh: it fills the page).
 * @cssprop --ops-jobs-header-top - where the top bar sticks, for pages with a fixed bar of their own (0).
 */
export class OpsJobsConsole extends LitElement {
  static override styles = [tokens, themeScheme, controls, skeletons, consoleStyles, liveStatusStyles];

  @property() root = './';
  @property() base: string | undefined;
  @property({ reflect: true }) theme: Theme | undefined;
  @property() brand: string | undefined;
  @property() locale: string | undefined;

  @provide({ context: apiContext })
  @state()
  protected api: ApiClient | undefined;

  @provide({ context: routerContext })
  @state()
  protected router: Router | undefined;

  @provide({ context: sessionContext })
  @state()
  protected session: SessionResponse | undefined;

  /** The connection to the server's live changes; its state shows in the header. */
  @provide({ context: liveContext })
  protected live: LiveConnection = new LiveConnection(this, {
    api: () => this.api,
    onChange: (state) => this.dispatchEvent(new OpsJobsLiveChangeEvent(state, this.live.freshAt)),
  });

  @state() private route: Route = routes.overview();
  /** Why the current view's code could not be loaded, if it could not. */
  @state() private viewError: unknown;
  /** Whether the quick switcher is open (its code loaded). */
  @state() private switching = false;

  readonly #session = new LoadController(this, {
    args: () => (this.api ? ([this.api] as const) : null),
    task: ([api], signal) => api.session(signal),
  });

  #unsubscribe: (() => void) | undefined;
  #started = false;
  /** The section links being watched for overflow, and the watcher. */
  #navShown: HTMLElement | null = null;
  readonly #navSize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.#markNavOverflow()) : null;
  /** The `root` and `base` the API client and router were made for. */
  #startedAt = '';

  constructor() {
    super();
    localized(this);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('ops-jobs-reload', () => {
      if (this.viewError) this.#loadView(this.route);
      else void this.#session.rerun();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onShortcut);
    if (!this.router) this.#start();
    else this.#follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onShortcut);
    this.#unsubscribe?.();
    this.router?.stop();
    this.#navSize?.disconnect();
    this.#navShown = null;
  }

  protected override updated(): void {
    const nav = this.renderRoot.querySelector<HTMLElement>('.nav');
    if (nav !== this.#navShown) {
      this.#navSize?.disconnect();
      if (nav) this.#navSize?.observe(nav);
      this.#navShown = nav;
    }
    this.#markNavOverflow();
  }

  /**
   * Marks on which sides the section links run past the edge when they scroll sideways (on a
   * phone), so a faded edge shows there is more, and goes once that end is reached.
   */
  readonly #markNavOverflow = (): void => {
    const nav = this.#navShown;
    if (!nav) return;
    const hidden = nav.scrollWidth - nav.clientWidth;
    // Right to left, scrollLeft runs from 0 down to minus what is hidden: its size is the distance from the start.
    const scrolled = Math.abs(nav.scrollLeft);
    nav.toggleAttribute('data-more-start', hidden > 1 && scrolled > 1);
    nav.toggleAttribute('data-more-end', hidden > 1 && scrolled < hidden - 1);
  };

  /**
   * Scrolls a section link reached by Tab wholly into sight, clear of the faded edge: the browser
   * leaves one that is partly in sight where it is, cut off under the fade.
   */
  readonly #revealNavLink = (event: FocusEvent): void => {
    const nav = event.currentTarget as HTMLElement;
    if (nav.scrollWidth <= nav.clientWidth || !(event.target instanceof HTMLElement)) return;
    const edge = parseFloat(getComputedStyle(nav, '::after').width) || 0;
    const box = nav.getBoundingClientRect();
    const link = event.target.getBoundingClientRect();
    if (link.left < box.left + edge) nav.scrollLeft -= box.left + edge - link.left;
    else if (link.right > box.right - edge) nav.scrollLeft += link.right - (box.right - edge);
  };

  /**
   * Ctrl+K or Cmd+K: the quick switcher, once the session says who is here, and not over a modal
   * dialog (an action being previewed), which keeps the keyboard to itself.
   */
  readonly #onShortcut = (event: KeyboardEvent): void => {
    if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    if (!this.session || this.switching) return;
    if (event.composedPath().some((node) => node instanceof HTMLDialogElement && node.matches(':modal'))) return;
    event.preventDefault();
    this.openSwitcher();
  };

  /** Opens the quick switcher (what Ctrl+K or Cmd+K does). */
  openSwitcher(): void {
    ensureDefined('ops-jobs-queue-switcher').then(() => {
      this.switching = true;
    }, () => {});
  }

  readonly #closeSwitcher = (): void => {
    this.switching = false;
  };

  readonly #skipToMain = (event: Event): void => {
    event.preventDefault();
    const main = this.renderRoot.querySelector<HTMLElement>('main');
    if (!main) return;
    main.scrollIntoView({ block: 'start' });
    const view = main.firstElementChild as ViewElement | null;
    if (view?.focusHeading) void view.focusHeading();
    else main.focus({ preventScroll: true });
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) {
      void setLocale(this.locale).then(() => {
        this.lang = textLanguage();
        document.title = routeTitle(this.route, this.brand ?? msg('Jobs'));
      });
    }
    if (this.#started && (changed.has('root') || changed.has('base')) && this.#startedAt !== this.#place()) this.#start();
    if (this.#session.value !== this.session) this.session = this.#session.value;
  }

  /** Where the console is now; `ops-jobs-route-change` says when it moves. */
  get currentRoute(): Route {
    return this.route;
  }

  /** Goes to a route inside the console, as a followed link would. */
  navigate(route: Route): void {
    this.router?.navigate(route);
  }

  #start(): void {
    this.#unsubscribe?.();
    this.router?.stop();
    const root = new URL(this.root, document.baseURI);
    this.api = new ApiClient(root);
    this.router = new Router(this.base ? new URL(this.base, document.baseURI) : root);
    this.#started = true;
    this.#startedAt = this.#place();
    this.#follow();
  }

  #place(): string {
    return `${this.root} ${this.base ?? ''}`;
  }

  #follow(): void {
    const router = this.router;
    if (!router) return;
    this.#unsubscribe?.();
    this.#unsubscribe = router.subscribe((route) => this.#onRoute(route, true));
    router.start();
    this.#onRoute(router.route, false);
  }

  #onRoute(route: Route, moved: boolean): void {
    this.route = route;
    this.#loadView(route);
    document.title = routeTitle(route, this.brand ?? msg('Jobs'));
    this.dispatchEvent(new OpsJobsRouteChangeEvent(route));
    if (moved) void this.#focusView();
  }

  /** Loads the code of a view that is not part of the first screen (a job, the audit log). */
  #loadView(route: Route): void {
    const tag = route.name === 'job' ? 'ops-jobs-job-detail'
      : route.name === 'audit' ? 'ops-jobs-audit-log'
      : route.name === 'audit-record' ? 'ops-jobs-audit-record'
      : route.name === 'schedules' ? 'ops-jobs-schedule-list'
      : route.name === 'find-job' ? 'ops-jobs-job-search'
      : route.name === 'workers' ? 'ops-jobs-worker-list'
      : route.name === 'incidents' ? 'ops-jobs-incident-list'
      : route.name === 'queue-activity' ? 'ops-jobs-queue-activity'
      : route.name === 'queue-chronology' || route.name === 'schedule-chronology' ? 'ops-jobs-chronology'
      : null;
    this.viewError = undefined;
    if (!tag) return;
    ensureDefined(tag).catch(() => {
      if (this.route !== route) return;
      this.viewError = new ApiError(0, 'about:blank', msg('Network error'), msg('This part of the console could not be loaded.'));
    });
  }

  async #focusView(): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector<ViewElement>('main > *');
    if (view && isLazyTag(view.localName)) await customElements.whenDefined(view.localName);
    await view?.focusHeading?.();
  }

  readonly #onClick = (event: MouseEvent): void => {
    const router = this.router;
    if (!router) return;
    const url = interceptableLink(event, window.location.origin);
    const route = url && router.match(url);
    if (!url || !route) return;
    event.preventDefault();
    if (!this.dispatchEvent(new OpsJobsNavigateEvent(url, route))) return;
    const pushed = url.href !== window.location.href;
    router.navigate(url);
    if (pushed) window.scrollTo({ top: 0 });
  };

  override render() {
    return html`
      <a part="skip-link" class="skip" href="#main" @click=${this.#skipToMain}>${msg('Skip to main content')}</a>
      <header part="header" class="bar"><div class="inner">
        <a class="brand" href=${this.router?.href(routes.overview()) ?? './'}>
          <span class="logo" aria-hidden="true">${layersIcon}</span><span>${this.brand ?? msg('Jobs')}</span>
        </a>
        ${this.session ? html`<span class="engine" title=${msg('Job engine')}>${this.session.engine.name}</span>` : ''}
        ${this.session ? this.#nav(this.session) : ''}
        <span class="spacer"></span>
        ${this.session && this.session.permissions['queues.view']
          ? html`<button part="switcher-button" type="button" class="go-to" aria-keyshortcuts="Control+K Meta+K" @click=${() => this.openSwitcher()}
              >${searchIcon}<span class="go-label">${msg('Go to')}</span><kbd aria-hidden="true">${isMac() ? '⌘K' : 'Ctrl K'}</kbd></button>`
          : ''}
        ${liveStatus(this.live)}
        ${this.session ? this.#actor(this.session) : ''}
      </div></header>
      <main part="main" id="main" tabindex="-1">
        ${this.#session.render({
          initial: () => this.#loading(),
          pending: (previous) => (previous ? this.#view() : this.#loading()),
          complete: () => (this.viewError ? html`<ops-jobs-problem .error=${this.viewError} subject="view"></ops-jobs-problem>` : this.#view()),
          error: (error) => html`<ops-jobs-problem .error=${error} subject="console"></ops-jobs-problem>`,
        })}
      </main>
      ${this.switching ? html`<ops-jobs-queue-switcher theme=${ifDefined(this.theme)} @ops-jobs-switcher-close=${this.#closeSwitcher}></ops-jobs-queue-switcher>` : ''}
    `;
  }

  /** Links to the console's sections beyond the queues, for operators who may see some. */
  #nav(session: SessionResponse): TemplateResult | string {
    const name = this.route.name;
    const schedules = session.engine.schedules && session.permissions['schedules.view'];
    const workers = session.engine.workers && session.permissions['workers.view'];
    const audit = session.permissions['audit.view'];
    const bridge = session.bridge !== null && session.permissions['bridge.view'] ? session.bridge : null;
    if (!schedules && !workers && !audit && bridge === null) return '';
    const auditing = name === 'audit' || name === 'audit-record';
    const link = (route: Route, current: boolean, label: string) => html`<a href=${this.router?.href(route) ?? './'} aria-current=${current ? 'page' : 'false'}>${label}</a>`;
    return html`<nav part="nav" class="nav" aria-label=${msg('Console')} @scroll=${this.#markNavOverflow} @focusin=${this.#revealNavLink}>
      ${link(routes.overview(), name === 'overview' || name === 'queue' || name === 'job', msg('Queues'))}
      ${schedules ? link(routes.schedules(), name === 'schedules' || name === 'schedule-chronology', msg('Schedules')) : ''}
      ${workers ? link(routes.workers(), name === 'workers', msg('Workers')) : ''}
      ${audit ? link(routes.audit(), auditing, msg('Audit log')) : ''}
      ${bridge !== null && this.api
        ? html`<a href=${new URL('bridge/', this.api.root).href} rel="external" title=${msg('Read-only; it shows job data unredacted')}>${bridge}<span aria-hidden="true"> ↗</span></a>`
        : ''}
    </nav>`;
  }

  #actor(session: SessionResponse): TemplateResult {
    const label = session.actor.label;
    return html`<span part="actor" class="actor">
      <span class="avatar" aria-hidden="true">${(label ?? '?').trim().charAt(0) || '?'}</span>
      <span class="label"><span class="prefix">${msg('Signed in as')} </span>${label ?? msg('Signed in')}</span>
    </span>${session.signOutUrl !== null && this.api
      ? html`<a part="sign-out" class="sign-out" href=${new URL(session.signOutUrl, this.api.root).href} rel="external">${msg('Sign out')}</a>`
      : ''}`;
  }

  #view(): TemplateResult {
    const theme = ifDefined(this.theme);
    const route = this.route;
    switch (route.name) {
      case 'overview':
        return html`<ops-jobs-queue-list theme=${theme} .filter=${route.filter ?? ''}></ops-jobs-queue-list>`;
      case 'queue':
        return html`<ops-jobs-job-list theme=${theme} .queue=${route.queue} .state=${route.state} .data=${route.data}></ops-jobs-job-list>`;
      case 'job':
        return html`<ops-jobs-job-detail theme=${theme} .queue=${route.queue} .jobId=${route.id}></ops-jobs-job-detail>`;
      case 'queue-activity':
        return html`<ops-jobs-queue-activity theme=${theme} .queue=${route.queue}></ops-jobs-queue-activity>`;
      case 'queue-chronology':
        return html`<ops-jobs-chronology theme=${theme} page .queue=${route.queue}></ops-jobs-chronology>`;
      case 'schedule-chronology':
        return html`<ops-jobs-chronology theme=${theme} page .queue=${route.queue} .schedule=${route.key}></ops-jobs-chronology>`;
      case 'workers':
        return html`<ops-jobs-worker-list theme=${theme}></ops-jobs-worker-list>`;
      case 'incidents':
        return html`<ops-jobs-incident-list theme=${theme}></ops-jobs-incident-list>`;
      case 'find-job':
        return html`<ops-jobs-job-search theme=${theme} .query=${route.id}></ops-jobs-job-search>`;
      case 'schedules':
        return html`<ops-jobs-schedule-list theme=${theme} .queue=${route.queue ?? ''}></ops-jobs-schedule-list>`;
      case 'audit':
        return html`<ops-jobs-audit-log theme=${theme} .query=${auditQueryString(route.filter)}></ops-jobs-audit-log>`;
      case 'audit-record':
        return html`<ops-jobs-audit-record theme=${theme} .recordId=${route.id}></ops-jobs-audit-record>`;
      case 'not-found':
        return html`<ops-jobs-problem .error=${new ApiError(404, 'about:blank', msg('Not found'), msg('Nothing in the console lives at this address.'))} subject="page">
          <a slot="actions" href=${this.router?.href(routes.overview()) ?? './'}>${msg('Go to the queues')}</a>
        </ops-jobs-problem>`;
    }
  }

  #loading(): TemplateResult {
    return html`<div class="loading" role="status" aria-busy="true" aria-label=${msg('Loading the console')}>
      <span class="skeleton"></span><span class="skeleton"></span><span class="skeleton"></span>
    </div>`;
  }
}
