// <ops-jobs-job-list> on its own, reading one queue's jobs through a stand-in for the API: the
// state filter, rows and paging; selecting by keyboard (Space, Shift+Space, arrows) and pointer
// (checkboxes, shift-click); what it does on ops-jobs-action-done; new jobs from the live
// connection held back while the operator reads further down; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JobSummaryResponse, QueueResponse } from '../../core/vocabulary/wire.ts';
import { OpsJobsActionDoneEvent } from '../../elements/events/ops-jobs-action-done.ts';
import { OpsJobsJobList } from '../../elements/job-list/job-list.ts';
import { OpsJobsProblem } from '../../elements/problem/problem.ts';
import { OpsJobsStateBadge } from '../../elements/state-badge/state-badge.ts';
import { OpsJobsRelativeTime } from '../../elements/time/relative-time.ts';
import { actionApi, OPERATOR_SESSION } from '../elements/support/action-fixtures.ts';
import { jobsOf, QUEUES } from '../elements/support/fixtures.ts';
import type { ApiHandler } from '../elements/support/server.ts';
import { provideConsole, TestLive, TestRouter } from './support/console-context.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

customElements.define('ops-jobs-job-list', OpsJobsJobList);
customElements.define('ops-jobs-state-badge', OpsJobsStateBadge);
customElements.define('ops-jobs-relative-time', OpsJobsRelativeTime);
customElements.define('ops-jobs-problem', OpsJobsProblem);

const documented = new DocumentedParts('elements/job-list/job-list.ts');
const now = Date.now();
/** Failed jobs of email-send that arrived since the list was loaded, newest first. */
let arrived: JobSummaryResponse[] = [];

function emailSend(): QueueResponse {
  const base = QUEUES[0]!;
  return { ...base, counts: { ...base.counts, failed: base.counts.failed! + arrived.length }, total: base.total + arrived.length };
}

const base = actionApi(now).api;
const handler: ApiHandler = (path, url, request) => {
  if (path === 'queues/email-send') return { body: { ...emailSend(), deadLetterFor: [] } };
  if (path.startsWith('queues/email-send/jobs?state=failed')) {
    const all = [...arrived, ...jobsOf('email-send', 'failed', now)];
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    return { body: { jobs: all.slice(offset, offset + limit), nextCursor: offset + limit < all.length ? String(offset + limit) : null, stoppedEarly: false } };
  }
  return base(path, url, request);
};
const api = stubApi(handler);

function newJob(n: number): JobSummaryResponse {
  const template = jobsOf('email-send', 'failed', now)[0]!;
  return { ...template, id: `0000000${n}-new0-4000-a000-000000000000`, createdAt: new Date(now + n * 1000).toISOString(), errorMessage: `new failure ${n}` };
}

const inside = (element: OpsJobsJobList) => {
  documented.see(element);
  return element.shadowRoot!;
};
const rows = (element: OpsJobsJobList) => [...inside(element).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const links = (element: OpsJobsJobList) => rows(element).map((row) => row.querySelector<HTMLAnchorElement>('td.id a')!);
const focused = (element: OpsJobsJobList) => inside(element).activeElement as HTMLElement | null;
const picked = (element: OpsJobsJobList) => rows(element).filter((row) => row.querySelector<HTMLInputElement>('td.select input')?.checked).length;
const bulkText = (element: OpsJobsJobList) => inside(element).querySelector('[part="bulk"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
const status = (element: OpsJobsJobList) => inside(element).querySelector<HTMLElement>('p.visually-hidden[role="status"]')!.textContent!.trim();
const button = (element: OpsJobsJobList, name: RegExp) => [...inside(element).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => name.test(candidate.textContent!.trim()));

async function loaded(element: OpsJobsJobList): Promise<OpsJobsJobList> {
  await until(() => rows(element).length > 0 && inside(element).querySelector('[part="bulk"] .bulk') !== null, 'the jobs');
  return element;
}

async function alone(): Promise<OpsJobsJobList> {
  return loaded(await fixture<OpsJobsJobList>(html`<ops-jobs-job-list root=${STUB_ROOT} queue="email-send" state="failed"></ops-jobs-job-list>`));
}

async function inConsole(): Promise<{ element: OpsJobsJobList; live: TestLive }> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const live = new TestLive();
  provideConsole(host, { session: OPERATOR_SESSION, router: new TestRouter(), live });
  const element = document.createElement('ops-jobs-job-list') as OpsJobsJobList;
  element.root = STUB_ROOT;
  element.queue = 'email-send';
  element.state = 'failed';
  host.append(element);
  return { element: await loaded(element), live };
}

describe('<ops-jobs-job-list>', () => {
  beforeEach(() => {
    arrived = [];
    window.scrollTo(0, 0);
  });

  it('lists the jobs of its queue and state, newest first, with the state tab current and its count', async () => {
    const start = api.calls.length;
    const element = await alone();
    expect(api.calls.slice(start)).to.include.members(['session', 'queues/email-send', 'queues/email-send/jobs?state=failed&limit=50']);
    expect(inside(element).querySelector('h1')!.textContent).to.equal('email-send');
    const current = inside(element).querySelector('[part="states"] a[aria-current="page"]')!;
    expect(current.textContent).to.match(/^Failed\s*127$/);
    expect(rows(element)).to.have.length(50);
    expect(links(element)[0]!.title).to.equal(jobsOf('email-send', 'failed', now)[0]!.id);
    expect(links(element)[0]!.href).to.equal(new URL(`${STUB_ROOT}queues/email-send/jobs/${links(element)[0]!.title}`, location.href).href);
    expect(inside(element).querySelector('.footer')!.textContent).to.match(/Showing 50 of 127 jobs/);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('follows its state and queue properties', async () => {
    const element = await alone();
    element.state = 'queued';
    await until(() => rows(element).length > 0 && rows(element).every((row) => row.querySelector('ops-jobs-state-badge')!.getAttribute('state') === 'queued'), 'the queued jobs');
    expect(inside(element).querySelector('[part="states"] a[aria-current="page"]')!.textContent).to.match(/^Queued/);
    element.setAttribute('state', 'no-such-state');
    await until(() => inside(element).querySelector('[part="states"] a[aria-current="page"]')!.textContent!.startsWith('All'), 'every state');
  });

  it('moves between rows with the arrows and selects with Space and Shift+Space', async () => {
    const element = await alone();
    links(element)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(element)).to.equal(links(element)[1]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(element)).to.equal(links(element)[0]);
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(picked(element)).to.equal(1);
    expect(links(element)[0]!.getAttribute('aria-label')).to.match(/, selected$/);
    expect(status(element)).to.match(/selected; 1 selected\.$/);
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ up: 'Shift' });
    await element.updateComplete;
    expect(picked(element)).to.equal(4, 'the range from the job picked first');
    expect(bulkText(element)).to.contain('4 selected');
    expect(button(element, /^Retry 4 selected$/)).to.not.equal(undefined);
  });

  it('selects with the pointer: a checkbox, a shift-click range, all shown, and clears', async () => {
    const element = await alone();
    const box = (index: number) => rows(element)[index]!.querySelector<HTMLInputElement>('td.select input')!;
    box(1).click();
    box(5).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: true }));
    await element.updateComplete;
    expect(picked(element)).to.equal(5);
    inside(element).querySelector<HTMLInputElement>('.select-shown input')!.click();
    await element.updateComplete;
    expect(picked(element)).to.equal(50);
    expect(status(element)).to.equal('50 jobs selected.');
    button(element, /^Clear selection$/)!.click();
    await element.updateComplete;
    expect(picked(element)).to.equal(0);
    expect(status(element)).to.equal('Selection cleared.');
  });

  it('appends the next page from "Load 50 more" and says so', async () => {
    const element = await alone();
    const more = inside(element).querySelector<HTMLButtonElement>('[part="load-more"]')!;
    expect(more.textContent!.trim()).to.equal('Load 50 more');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rows(element).length === 100, 'the second page');
    expect(api.calls.at(-1)).to.equal('queues/email-send/jobs?state=failed&limit=50&cursor=50');
    expect(status(element)).to.equal('Loaded 50 more jobs, 100 shown.');
  });

  it('clears the selection and reloads when an action on it is done', async () => {
    const element = await alone();
    rows(element)[0]!.querySelector<HTMLInputElement>('td.select input')!.click();
    await element.updateComplete;
    const start = api.calls.length;
    element.renderRoot.querySelector('table')!.dispatchEvent(new OpsJobsActionDoneEvent({ action: 'job.retry', queue: 'email-send', affected: 1, auditId: 'a-1', replayed: false }));
    await until(() => api.calls.length >= start + 2, 'the reload');
    expect(api.calls.slice(start).sort()).to.deep.equal(['queues/email-send', 'queues/email-send/jobs?state=failed&limit=50']);
    expect(picked(element)).to.equal(0);
  });

  it('takes in a new job at once while the operator is at the top of the first page', async () => {
    const { element, live } = await inConsole();
    arrived = [newJob(1)];
    live.queues({ at: new Date().toISOString(), queues: [emailSend()] });
    await until(() => rows(element)[0]!.textContent!.includes('new failure 1'), 'the new job at the top');
    expect(inside(element).querySelector('[part="new-jobs"]')).to.equal(null);
  });

  it('holds new jobs back while the operator reads further down, and brings them in from the bar by keyboard', async () => {
    const { element, live } = await inConsole();
    inside(element).querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    await until(() => rows(element).length === 100, 'the second page');
    const reading = rows(element)[60]!;
    reading.scrollIntoView();
    const top = reading.getBoundingClientRect().top;

    arrived = [newJob(2), newJob(1)];
    live.queues({ at: new Date().toISOString(), queues: [emailSend()] });
    await until(() => inside(element).querySelector('[part="new-jobs"]') !== null, 'the new jobs bar');
    const bar = inside(element).querySelector<HTMLButtonElement>('[part="new-jobs"]')!;
    expect(bar.textContent!.trim()).to.equal('2 new jobs');
    const seen = bar.getBoundingClientRect();
    expect(seen.top >= 0 && seen.bottom <= window.innerHeight).to.equal(true, 'the bar is in sight where the operator reads');
    expect(status(element)).to.equal('2 new jobs');
    expect(rows(element)).to.have.length(100);
    expect(rows(element)[60]).to.equal(reading);
    expect(reading.getBoundingClientRect().top).to.equal(top, 'the row read has not moved');
    expect(inside(element).querySelector('.footer')!.textContent).to.match(/Showing 100 of 129 jobs/);

    bar.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => inside(element).querySelector('[part="new-jobs"]') === null, 'the bar to go');
    expect(rows(element)).to.have.length(102);
    expect(rows(element)[0]!.textContent).to.contain('new failure 2');
    expect(focused(element)).to.equal(links(element)[0], 'focus on the newest job');
  });

  it('offers a payload filter over the fields the session lists, and none when it lists none', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const router = new TestRouter();
    provideConsole(host, { session: { ...OPERATOR_SESSION, dataFields: ['customer.id', 'order.id'] }, router, live: new TestLive() });
    const element = document.createElement('ops-jobs-job-list') as OpsJobsJobList;
    Object.assign(element, { root: STUB_ROOT, queue: 'email-send', state: 'failed' });
    host.append(element);
    await loaded(element);
    const bar = () => inside(element).querySelector<HTMLElement>('[part="data-filter"]')?.shadowRoot ?? null;
    await until(() => bar()?.querySelector('select') != null, 'the payload filter');
    const options = () => [...bar()!.querySelectorAll('select option')].map((option) => option.textContent);
    expect(options()).to.deep.equal(['customer.id', 'order.id']);
    expect(bar()!.querySelector('.chip')).to.equal(null);
    // Typed and submitted with Enter: the filter goes into the page address.
    bar()!.querySelector<HTMLInputElement>('input[name="value"]')!.focus();
    await sendKeys({ type: 'cus_42' });
    await sendKeys({ press: 'Enter' });
    expect(router.navigated.at(-1)).to.deep.equal({ name: 'queue', queue: 'email-send', state: 'failed', data: { 'customer.id': 'cus_42' } });

    // The address gives the list its filter: the request carries it, a chip shows it, the state tabs keep it.
    const start = api.calls.length;
    element.data = { 'customer.id': 'cus_42' };
    await until(() => api.calls.slice(start).some((call) => call.startsWith('queues/email-send/jobs?')), 'the filtered page');
    expect(api.calls.slice(start).find((call) => call.startsWith('queues/email-send/jobs?'))).to.equal('queues/email-send/jobs?state=failed&limit=50&data.customer.id=cus_42');
    await loaded(element);
    await element.updateComplete;
    await until(() => bar()?.querySelector('.chip') != null, 'the chip');
    expect(bar()!.querySelector('.chip')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('customer.id = cus_42 ×');
    expect(options()).to.deep.equal(['order.id']);
    const tab = inside(element).querySelector<HTMLAnchorElement>('[part="states"] a:not(.state-failed)')!;
    expect(new URL(tab.href).searchParams.get('data.customer.id')).to.equal('cus_42');
    expect(bulkText(element)).to.contain('matching the payload filter');
    const remove = bar()!.querySelector<HTMLButtonElement>('.chip button')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove filter customer.id = cus_42');
    remove.click();
    expect(router.navigated.at(-1)).to.deep.equal({ name: 'queue', queue: 'email-send', state: 'failed' });
    router.navigated.length = 0;
    [...bar()!.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent!.trim() === 'Clear filter')!.click();
    expect(router.navigated).to.deep.equal([{ name: 'queue', queue: 'email-send', state: 'failed' }]);
    await expect(element).shadowDom.to.be.accessible();

    // A policy that lists no fields: no filter at all.
    const plain = await alone();
    expect(inside(plain).querySelector('[part="data-filter"]')).to.equal(null);
  });

  it('shows the payload values the server sends in a column of their own, only where the policy lists fields', async () => {
    const handler = api.handler;
    api.handler = async (path, url, request) => {
      const answer = await handler(path, url, request);
      if (!path.startsWith('queues/email-send/jobs?') || typeof answer !== 'object' || !answer.body) return answer;
      const page = answer.body as { jobs: JobSummaryResponse[] };
      return { ...answer, body: { ...page, jobs: page.jobs.map((job, index) => (index === 1 ? job : { ...job, fields: { region: 'eu', 'customer.id': `cus_${index}` } })) } };
    };
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      provideConsole(host, { session: { ...OPERATOR_SESSION, dataFields: ['customer.id', 'region'] }, router: new TestRouter(), live: new TestLive() });
      const element = document.createElement('ops-jobs-job-list') as OpsJobsJobList;
      Object.assign(element, { root: STUB_ROOT, queue: 'email-send', state: 'failed' });
      host.append(element);
      await loaded(element);
      const headers = [...inside(element).querySelectorAll('thead th')].map((header) => header.textContent!.trim());
      expect(headers).to.include('Payload');
      const cells = rows(element).map((row) => [...row.querySelectorAll('td.payload .kv')].map((pair) => pair.textContent!.replace(/\s+/g, ' ').trim()));
      expect(cells[0]).to.deep.equal(['customer.id cus_0', 'region eu']);
      expect(cells[1]).to.deep.equal([], 'a job the server sent no values for');
      await expect(element).shadowDom.to.be.accessible();
      const plain = await alone();
      expect(inside(plain).querySelector('td.payload')).to.equal(null);
    } finally {
      api.handler = handler;
    }
  });

  it('is styleable through its parts', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>ops-jobs-job-list::part(states) { outline: 2px solid rgb(3, 2, 1); }</style>
      <ops-jobs-job-list root=${STUB_ROOT} queue="email-send" state="failed"></ops-jobs-job-list></div>`);
    const element = await loaded(host.querySelector<OpsJobsJobList>('ops-jobs-job-list')!);
    expect(getComputedStyle(inside(element).querySelector('[part="states"]')!).outlineColor).to.equal('rgb(3, 2, 1)');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
