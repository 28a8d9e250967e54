// <ops-jobs-queue-switcher> inside a stand-in console, reading the queues through a stand-in for
// the API: the combobox over its listbox, filtering by name, ↑ ↓ Enter and Escape, a job id
// looked up through the console's job search, focus given back on close; and the pure matching.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { OpsJobsQueueSwitcher } from '../../elements/queue-switcher/queue-switcher.ts';
import { MAX_SWITCH_QUEUES, matchingQueues, switchTargets } from '../../elements/queue-switcher/switch-targets.ts';
import { fixtureApi, QUEUES, SESSION } from '../elements/support/fixtures.ts';
import { provideConsole, TestLive, TestRouter } from './support/console-context.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

customElements.define('ops-jobs-queue-switcher', OpsJobsQueueSwitcher);
stubApi(fixtureApi());

const LOOKUP_SESSION: SessionResponse = { ...SESSION, engine: { ...SESSION.engine, jobLookup: true, jobLookupByPrefix: true } };

interface Opened {
  readonly element: OpsJobsQueueSwitcher;
  readonly router: TestRouter;
  readonly opener: HTMLButtonElement;
  readonly closed: () => number;
}

/** A button that had focus, then the switcher opened inside a stand-in console. */
async function open(session: SessionResponse = SESSION): Promise<Opened> {
  const host = await fixture<HTMLDivElement>(html`<div><button type="button">Opener</button></div>`);
  const router = new TestRouter();
  provideConsole(host, { session, router, live: new TestLive() });
  const opener = host.querySelector('button')!;
  opener.focus();
  let closes = 0;
  const element = document.createElement('ops-jobs-queue-switcher') as OpsJobsQueueSwitcher;
  element.root = STUB_ROOT;
  element.addEventListener('ops-jobs-switcher-close', () => closes++);
  host.append(element);
  await until(() => options(element).length > 0, 'the queues');
  return { element, router, opener, closed: () => closes };
}

const inside = (element: OpsJobsQueueSwitcher) => element.shadowRoot!;
const combobox = (element: OpsJobsQueueSwitcher) => inside(element).querySelector<HTMLInputElement>('input[role="combobox"]')!;
const options = (element: OpsJobsQueueSwitcher) => [...inside(element).querySelectorAll<HTMLElement>('[role="option"]')];
const names = (element: OpsJobsQueueSwitcher) => options(element).map((option) => option.querySelector('.name')!.textContent);
const selected = (element: OpsJobsQueueSwitcher) => options(element).find((option) => option.getAttribute('aria-selected') === 'true');

describe('<ops-jobs-queue-switcher>', () => {
  it('opens as a modal dialog with focus in a combobox that lists every queue, the first marked', async () => {
    const { element } = await open();
    const dialog = inside(element).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(inside(element).activeElement).to.equal(combobox(element));
    expect(names(element)).to.deep.equal(QUEUES.map((queue) => queue.name));
    expect(combobox(element).getAttribute('aria-controls')).to.equal(inside(element).querySelector('[role="listbox"]')!.id);
    expect(combobox(element).getAttribute('aria-activedescendant')).to.equal(selected(element)!.id);
    expect(selected(element)).to.equal(options(element)[0]);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('narrows the queues to those whose name holds what is typed, those that start with it first', async () => {
    const { element } = await open();
    await sendKeys({ type: 'SEND' });
    await element.updateComplete;
    expect(names(element)).to.deep.equal(['email-send', 'email-send-dlq']);
    await sendKeys({ type: '-x' });
    await element.updateComplete;
    expect(names(element)).to.deep.equal([]);
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
    expect(inside(element).querySelector('.note')!.textContent).to.contain("No queue's name holds this.");
  });

  it('moves the marked option with ↓ and ↑, wrapping, and goes to it with Enter', async () => {
    const { element, router, closed } = await open();
    await sendKeys({ type: 'e' });
    await element.updateComplete;
    // Names starting with "e" first, then those holding it.
    expect(names(element)).to.deep.equal(['email-send', 'email-send-dlq', 'image-resize', 'invoice-sync', 'reports/daily', 'webhook-deliver']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(selected(element)!.textContent).to.contain('image-resize');
    expect(combobox(element).getAttribute('aria-activedescendant')).to.equal(selected(element)!.id);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await element.updateComplete;
    expect(selected(element)!.textContent).to.contain('webhook-deliver');
    await sendKeys({ press: 'Enter' });
    expect(router.navigated).to.deep.equal([{ name: 'queue', queue: 'webhook-deliver', state: null }]);
    expect(closed()).to.equal(1);
    expect(inside(element).querySelector('dialog')!.open).to.equal(false);
  });

  it('closes on Escape and gives focus back to where it was', async () => {
    const { element, router, opener, closed } = await open();
    await sendKeys({ press: 'Escape' });
    await until(() => closed() === 1, 'the close');
    expect(inside(element).querySelector('dialog')!.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
    expect(router.navigated).to.deep.equal([]);
  });

  it('offers "Go to job" for text that looks like an id, when the engine looks jobs up', async () => {
    const { element, router } = await open(LOOKUP_SESSION);
    expect(combobox(element).placeholder).to.equal('Queue name or job id');
    await sendKeys({ type: '3f2a9c' });
    await element.updateComplete;
    // No queue holds it: the job is the only option, marked.
    expect(options(element)).to.have.length(1);
    expect(selected(element)!.textContent).to.contain('Go to job');
    await sendKeys({ press: 'Enter' });
    expect(router.navigated).to.deep.equal([{ name: 'find-job', id: '3f2a9c' }]);
  });

  it('offers no job lookup where the engine has none, and for too short a prefix', async () => {
    const none = await open();
    await sendKeys({ type: '3f2a9c' });
    await none.element.updateComplete;
    expect(options(none.element)).to.have.length(0);
    const short = await open(LOOKUP_SESSION);
    await sendKeys({ type: '3f2' });
    await short.element.updateComplete;
    expect(options(short.element)).to.have.length(0);
    // An engine that finds whole ids only takes short ones (BullMQ's are counters: "7").
    const whole = await open({ ...SESSION, engine: { ...SESSION.engine, jobLookup: true, jobLookupByPrefix: false } });
    await sendKeys({ type: '7' });
    await whole.element.updateComplete;
    expect(names(whole.element)).to.deep.equal(['7']);
  });
});

describe('switch targets', () => {
  it('keeps at most a dozen queues and puts a job after the queues that match', () => {
    const many = Array.from({ length: 30 }, (_, index) => `queue-${index}`);
    expect(matchingQueues(many, '')).to.have.length(MAX_SWITCH_QUEUES);
    expect(switchTargets(['abcd-sync'], 'abcd', { byPrefix: true })).to.deep.equal([{ kind: 'queue', queue: 'abcd-sync' }, { kind: 'job', id: 'abcd' }]);
    expect(switchTargets(['abcd-sync'], 'ab cd', { byPrefix: false })).to.deep.equal([]);
    expect(switchTargets(['abcd-sync'], 'abcd', null)).to.deep.equal([{ kind: 'queue', queue: 'abcd-sync' }]);
  });
});
