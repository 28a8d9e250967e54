// <ops-jobs-console> on its own, over a stand-in for the API and a stand-in live stream: the
// header (brand, operator, sign-out link, section links, live indicator), the skip link from the
// keyboard, links followed without a page load and the events around them, the live indicator
// and its explanation, the section links' edge fades on a phone; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import type { OpsJobsConsole } from '../../elements/console/console.ts';
import { defineElements } from '../../elements/define-elements.ts';
import type { OpsJobsLiveChangeEvent } from '../../elements/events/ops-jobs-live-change.ts';
import type { OpsJobsNavigateEvent } from '../../elements/events/ops-jobs-navigate.ts';
import type { OpsJobsRouteChangeEvent } from '../../elements/events/ops-jobs-route-change.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { actionApi, OPERATOR_SESSION } from '../elements/support/action-fixtures.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements(FIRST_SCREEN_ELEMENTS);

/** The live stream's stand-in: the test says what the server sends. */
class TestEventSource extends EventTarget {
  static last: TestEventSource | undefined;
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readyState = 0;
  readonly url: string;
  constructor(url: string | URL) {
    super();
    this.url = String(url);
    TestEventSource.last = this;
  }
  send(name: string, data: unknown): void {
    this.readyState = 1;
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
  close(): void {
    this.readyState = 2;
  }
}
window.EventSource = TestEventSource as unknown as typeof EventSource;

const documented = new DocumentedParts('elements/console/console.ts');
const now = Date.now();
const SESSION: SessionResponse = {
  ...OPERATOR_SESSION,
  engine: { ...OPERATOR_SESSION.engine, schedules: true, workers: true },
  bridge: 'bull-board',
  signOutUrl: '../account/switch',
};
stubApi(actionApi(now, SESSION).api);
// The console routes by the page's address: the fixture page stands at the stub's mount root.
const pageAddress = location.href;

const inside = (element: OpsJobsConsole) => {
  documented.see(element);
  return element.shadowRoot!;
};
const part = (element: OpsJobsConsole, name: string) => inside(element).querySelector<HTMLElement>(`[part="${name}"]`);
const view = (element: OpsJobsConsole) => inside(element).querySelector('main')!.firstElementChild;

async function render(): Promise<OpsJobsConsole> {
  history.replaceState(null, '', `${STUB_ROOT}${location.search}`);
  const element = await fixture<OpsJobsConsole>(html`<ops-jobs-console root=${STUB_ROOT} brand="Billing jobs" theme="dark"></ops-jobs-console>`);
  await until(() => part(element, 'actor') !== null && view(element)?.localName === 'ops-jobs-queue-list', 'the session and the overview');
  return element;
}

describe('<ops-jobs-console>', () => {
  afterEach(async () => {
    history.replaceState(null, '', pageAddress);
    await setViewport({ width: 800, height: 600 });
  });

  it('shows its brand, the operator, their sections and the sign-out link, and the overview', async () => {
    const element = await render();
    expect(inside(element).querySelector('.brand')!.textContent!.trim()).to.equal('Billing jobs');
    expect(part(element, 'actor')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('D Signed in as Dana Whitfield');
    const sections = [...part(element, 'nav')!.querySelectorAll('a')].map((link) => link.textContent!.trim());
    expect(sections).to.deep.equal(['Queues', 'Schedules', 'Workers', 'Audit log', 'bull-board ↗']);
    expect(part(element, 'nav')!.querySelector('[aria-current="page"]')!.textContent).to.equal('Queues');
    const signOut = part(element, 'sign-out') as HTMLAnchorElement;
    expect(signOut.textContent).to.equal('Sign out');
    expect(signOut.href).to.equal(new URL('../account/switch', new URL(STUB_ROOT, location.href)).href);
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    expect(view(element)!.getAttribute('theme')).to.equal('dark', 'its theme passes to the view');
    expect(document.title).to.equal('Queues · Billing jobs');
  });

  it('moves to the view\'s heading from the skip link, the first Tab stop', async () => {
    const element = await render();
    const skip = part(element, 'skip-link')!;
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(inside(element).activeElement).to.equal(skip);
    expect(skip.getBoundingClientRect().width).to.be.greaterThan(10, 'shown while it has focus');
    await sendKeys({ press: 'Enter' });
    const heading = view(element)!.shadowRoot!.querySelector('h1')!;
    await until(() => view(element)!.shadowRoot!.activeElement === heading, 'focus on the heading');
  });

  it('follows a link without a page load, announcing ops-jobs-navigate and ops-jobs-route-change', async () => {
    const element = await render();
    const audit = [...part(element, 'nav')!.querySelectorAll('a')].find((link) => link.textContent === 'Audit log')!;
    const navigating = oneEvent(element, 'ops-jobs-navigate') as unknown as Promise<OpsJobsNavigateEvent>;
    const changed = oneEvent(element, 'ops-jobs-route-change') as unknown as Promise<OpsJobsRouteChangeEvent>;
    audit.click();
    const navigate = await navigating;
    expect(navigate.route).to.deep.equal({ name: 'audit', filter: {} });
    expect((await changed).route.name).to.equal('audit');
    expect(location.pathname).to.equal(`${STUB_ROOT}audit`);
    await until(() => view(element)?.localName === 'ops-jobs-audit-log', 'the audit log');
    expect(part(element, 'nav')!.querySelector('[aria-current="page"]')!.textContent).to.equal('Audit log');
    expect(element.currentRoute.name).to.equal('audit');
  });

  it('lets the page take a navigation over by cancelling ops-jobs-navigate', async () => {
    const element = await render();
    element.addEventListener('ops-jobs-navigate', (event) => event.preventDefault(), { once: true });
    const workers = [...part(element, 'nav')!.querySelectorAll('a')].find((link) => link.textContent === 'Workers')!;
    const clicked = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0 });
    workers.dispatchEvent(clicked);
    expect(clicked.defaultPrevented).to.equal(true, 'the browser does not follow it either');
    expect(location.pathname).to.equal(STUB_ROOT);
    expect(view(element)!.localName).to.equal('ops-jobs-queue-list');
  });

  it('says Live once the stream greets it, and explains the state from the indicator', async () => {
    const element = await render();
    await until(() => TestEventSource.last?.url === new URL(`${STUB_ROOT}api/events`, location.href).href, 'the stream');
    const changed = oneEvent(element, 'ops-jobs-live-change') as unknown as Promise<OpsJobsLiveChangeEvent>;
    TestEventSource.last!.send('ready', { heartbeatSeconds: 30, pollIntervalMs: 5000 });
    expect((await changed).state).to.equal('live');
    await element.updateComplete;
    const live = part(element, 'live')!;
    expect(live.dataset.state).to.equal('live');
    expect(live.querySelector('.full')!.textContent).to.equal('Live');
    const button = live.querySelector<HTMLButtonElement>('button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const explained = part(element, 'live-explained')!;
    await until(() => explained.matches(':popover-open'), 'the explanation');
    expect(explained.textContent!.trim().length).to.be.greaterThan(10);
    await sendKeys({ press: 'Escape' });
    await until(() => !explained.matches(':popover-open'), 'the explanation closed');

    const signedOut = oneEvent(element, 'ops-jobs-live-change') as unknown as Promise<OpsJobsLiveChangeEvent>;
    TestEventSource.last!.send('signed-out', {});
    expect((await signedOut).state).to.equal('signed-out');
  });

  it('on a phone, fades the section links at the edge that has more, until the end is reached', async () => {
    await setViewport({ width: 390, height: 844 });
    const element = await render();
    const nav = part(element, 'nav')!;
    await until(() => nav.hasAttribute('data-more-end'), 'the end fade');
    expect(nav.hasAttribute('data-more-start')).to.equal(false);
    const links = [...nav.querySelectorAll<HTMLAnchorElement>('a')];
    links.at(-1)!.focus();
    await until(() => nav.hasAttribute('data-more-start') && !nav.hasAttribute('data-more-end'), 'the start fade only');
    const box = nav.getBoundingClientRect();
    const last = links.at(-1)!.getBoundingClientRect();
    expect(last.right).to.be.at.most(box.right + 0.5, 'the focused link wholly in sight');
  });

  it('opens the quick switcher with Ctrl+K and goes to the queue picked, and gives focus back on Escape', async () => {
    const element = await render();
    const switcher = () => inside(element).querySelector('ops-jobs-queue-switcher');
    const opener = part(element, 'switcher-button')!;
    expect(opener.getAttribute('aria-keyshortcuts')).to.equal('Control+K Meta+K');
    opener.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyK' });
    await sendKeys({ up: 'Control' });
    await until(() => switcher()?.shadowRoot?.querySelector('[role="option"]') != null, 'the switcher');
    expect(switcher()!.shadowRoot!.activeElement!.getAttribute('role')).to.equal('combobox');
    await sendKeys({ press: 'Escape' });
    await until(() => switcher() === null, 'the switcher to close');
    expect(inside(element).activeElement).to.equal(opener);

    opener.click();
    await until(() => switcher()?.shadowRoot?.querySelector('[role="option"]') != null, 'the switcher from its button');
    await sendKeys({ type: 'invoice' });
    await sendKeys({ press: 'Enter' });
    await until(() => switcher() === null && view(element)?.localName === 'ops-jobs-job-list', 'the queue');
    expect(location.pathname).to.equal(`${STUB_ROOT}queues/invoice-sync`);
  });

  it('leaves Ctrl+K to a modal dialog that is open, such as an action being previewed', async () => {
    const element = await render();
    const dialog = document.createElement('dialog');
    dialog.innerHTML = '<button>Keep</button>';
    document.body.append(dialog);
    try {
      dialog.showModal();
      const shortcut = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, composed: true, cancelable: true });
      dialog.querySelector('button')!.dispatchEvent(shortcut);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(shortcut.defaultPrevented).to.equal(false, 'the shortcut is left to the dialog');
      expect(inside(element).querySelector('ops-jobs-queue-switcher')).to.equal(null);
      expect(dialog.open).to.equal(true);
    } finally {
      dialog.remove();
    }
  });

  it('is styleable through its parts and its custom properties', async () => {
    const element = await render();
    element.style.setProperty('--ops-jobs-color-brand', 'rgb(1, 99, 2)');
    element.style.setProperty('--ops-jobs-header-top', '7px');
    expect(getComputedStyle(inside(element).querySelector('.logo')!).backgroundColor).to.equal('rgb(1, 99, 2)');
    expect(getComputedStyle(part(element, 'header')!).top).to.equal('7px');
    element.style.cssText = '';
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
