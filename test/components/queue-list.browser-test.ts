// <ops-jobs-queue-list> on its own, reading the queues through a stand-in for the API: loading,
// counts, tiles and links; new counts from a live connection applied in place; refresh, "Try
// again" and the job id search by keyboard and pointer; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { OpsJobsProblem } from '../../elements/problem/problem.ts';
import { OpsJobsQueueList } from '../../elements/queue-list/queue-list.ts';
import { fixtureApi, problem, QUEUES, SESSION } from '../elements/support/fixtures.ts';
import { provideConsole, TestLive, TestRouter } from './support/console-context.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

customElements.define('ops-jobs-queue-list', OpsJobsQueueList);
customElements.define('ops-jobs-problem', OpsJobsProblem);

const documented = new DocumentedParts('elements/queue-list/queue-list.ts');
const api = stubApi(fixtureApi());

const inside = (element: OpsJobsQueueList) => {
  documented.see(element);
  return element.shadowRoot!;
};
const rows = (element: OpsJobsQueueList) => [...inside(element).querySelectorAll('tbody tr')];
const loaded = (element: OpsJobsQueueList) => until(() => rows(element).length > 0 || inside(element).querySelector('ops-jobs-problem') !== null, 'the queues');

async function alone(): Promise<OpsJobsQueueList> {
  const element = await fixture<OpsJobsQueueList>(html`<ops-jobs-queue-list root=${STUB_ROOT}></ops-jobs-queue-list>`);
  await loaded(element);
  return element;
}

/** The list inside a stand-in console that provides a session, router and live connection. */
async function inConsole(session: SessionResponse = SESSION): Promise<{ element: OpsJobsQueueList; router: TestRouter; live: TestLive }> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const router = new TestRouter();
  const live = new TestLive();
  provideConsole(host, { session, router, live });
  const element = document.createElement('ops-jobs-queue-list') as OpsJobsQueueList;
  element.root = STUB_ROOT;
  host.append(element);
  await loaded(element);
  return { element, router, live };
}

describe('<ops-jobs-queue-list>', () => {
  it('shows a loading state, then every queue with its counts, failures first, linking its jobs', async () => {
    api.hold = true;
    const element = await fixture<OpsJobsQueueList>(html`<ops-jobs-queue-list root=${STUB_ROOT}></ops-jobs-queue-list>`);
    await until(() => inside(element).querySelector('[aria-busy="true"]') !== null, 'the loading state');
    api.hold = false;
    api.release();
    await loaded(element);
    expect(rows(element)).to.have.length(QUEUES.length);
    const heads = [...inside(element).querySelectorAll('thead th')].map((cell) => cell.textContent!.trim());
    expect(heads.slice(0, 2)).to.deep.equal(['Queue', 'Failed']);
    const first = rows(element)[0]!.querySelector<HTMLAnchorElement>('a.queue-name')!;
    expect(first.textContent).to.equal('email-send');
    expect(first.href).to.equal(new URL(`${STUB_ROOT}queues/email-send`, location.href).href);
    const alarm = inside(element).querySelector('[part="tiles"] .alarm')!;
    expect(alarm.textContent).to.contain('149');
    expect(inside(element).querySelector('[part="stale-note"]')!.textContent).to.contain('About');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('applies new counts from the live connection in place, without asking the API', async () => {
    const { element, live } = await inConsole();
    const start = api.calls.length;
    const changed = { ...QUEUES[0]!, counts: { ...QUEUES[0]!.counts, failed: 131 }, total: QUEUES[0]!.total + 4 };
    live.queues({ at: new Date().toISOString(), queues: [changed] });
    await until(() => rows(element)[0]!.textContent!.includes('131'), 'the new count');
    expect(api.calls.slice(start)).to.deep.equal([]);
    expect(inside(element).querySelector('[part="tiles"] .alarm')!.textContent).to.contain('153');
  });

  it('reloads when the live connection names a queue it does not know', async () => {
    const { element, live } = await inConsole();
    const start = api.calls.length;
    live.queues({ at: new Date().toISOString(), queues: [{ name: 'brand-new', counts: { queued: 1 }, total: 1, stale: {}, deadLetterQueue: null, settings: { policy: 'standard', retryLimit: 3 } }] });
    await until(() => api.calls.length > start, 'a reload');
    expect(api.calls.slice(start)).to.deep.equal(['queues']);
    expect(rows(element)).to.have.length(QUEUES.length);
  });

  it('loads again from "Refresh", by pointer and by keyboard', async () => {
    const element = await alone();
    const refresh = inside(element).querySelector<HTMLButtonElement>('button[aria-label="Refresh queues"]')!;
    let start = api.calls.length;
    refresh.click();
    await until(() => api.calls.length > start, 'the click reload');
    start = api.calls.length;
    refresh.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => api.calls.length > start, 'the keyboard reload');
    expect(api.calls.at(-1)).to.equal('queues');
  });

  it('shows the problem when the queues cannot be read, and "Try again" reads them again', async () => {
    api.handler = () => problem(500, 'Server error', 'The engine did not answer.');
    try {
      const element = await alone();
      const shown = inside(element).querySelector<OpsJobsProblem>('ops-jobs-problem')!;
      await shown.updateComplete;
      api.handler = fixtureApi();
      shown.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await until(() => rows(element).length === QUEUES.length, 'the queues after trying again');
    } finally {
      api.handler = fixtureApi();
    }
  });

  it('finds a job by its id from the keyboard where the engine can look jobs up', async () => {
    const { element, router } = await inConsole({ ...SESSION, engine: { ...SESSION.engine, jobLookup: true } });
    const input = inside(element).querySelector<HTMLInputElement>('form.find input')!;
    input.focus();
    await sendKeys({ type: '  0190a2b4  ' });
    await sendKeys({ press: 'Enter' });
    expect(router.navigated).to.deep.equal([{ name: 'find-job', id: '0190a2b4' }]);

    const { element: without } = await inConsole();
    expect(inside(without).querySelector('form.find')).to.equal(null, 'no search where the engine cannot look jobs up');
  });

  it('is styleable through its parts', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>ops-jobs-queue-list::part(tiles) { outline: 2px solid rgb(9, 8, 7); }</style><ops-jobs-queue-list root=${STUB_ROOT}></ops-jobs-queue-list></div>`);
    const element = host.querySelector<OpsJobsQueueList>('ops-jobs-queue-list')!;
    await loaded(element);
    expect(getComputedStyle(inside(element).querySelector('[part="tiles"]')!).outlineColor).to.equal('rgb(9, 8, 7)');
  });

  it('narrows the table to the queues whose name holds what is typed, keeping it in the page address', async () => {
    const { element } = await inConsole();
    const before = location.href;
    const field = inside(element).querySelector<HTMLInputElement>('#queue-filter')!;
    expect(field.labels![0]!.textContent).to.equal('Queue name');
    field.focus();
    await sendKeys({ type: 'EMAIL' });
    await element.updateComplete;
    expect(rows(element).map((row) => row.querySelector('.queue-name')!.textContent)).to.deep.equal(['email-send', 'email-send-dlq']);
    expect(inside(element).querySelector('.queue-filter [role="status"]')!.textContent).to.equal(`2 of ${QUEUES.length} queues`);
    expect(new URL(location.href).searchParams.get('q')).to.equal('EMAIL');
    // Typing never takes focus away from the field.
    expect(inside(element).activeElement).to.equal(field);
    await sendKeys({ type: 'zz' });
    await element.updateComplete;
    expect(rows(element)).to.have.length(0);
    [...inside(element).querySelectorAll<HTMLButtonElement>('.filter-empty button')].find((button) => button.textContent === 'Show all queues')!.click();
    await element.updateComplete;
    expect(rows(element)).to.have.length(QUEUES.length);
    history.replaceState(null, '', before);
    // Given by the address (the console passes it): the list starts narrowed.
    element.filter = 'sync';
    await element.updateComplete;
    expect(rows(element)).to.have.length(1);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
