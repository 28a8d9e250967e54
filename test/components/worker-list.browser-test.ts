// <ops-jobs-worker-list> reading the processes that run the engine through a stand-in for the
// API: trouble first with each one's state and the queues it works, a refresh by keyboard and
// pointer, no process yet, a failed load; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WorkerInstanceResponse, WorkerListResponse } from '../../core/vocabulary/wire.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { OpsJobsWorkerList } from '../../elements/worker-list/worker-list.ts';
import { problem } from '../elements/support/fixtures.ts';
import type { ApiHandler } from '../elements/support/server.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-worker-list': OpsJobsWorkerList });

const documented = new DocumentedParts('elements/worker-list/worker-list.ts');
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

function instance(name: string | null, status: WorkerInstanceResponse['status'], crashRestarts = 0): WorkerInstanceResponse {
  return {
    id: `w-${name ?? 'anon'}`, name, host: 'app-7f9c', pid: 4242, version: '10.1.5', runtime: 'v24.11.0', heartbeatSeconds: 30,
    startedAt: ago(3600), lastSeenAt: ago(status === 'missing' ? 600 : 10), stoppedAt: status === 'stopped' ? ago(60) : null,
    crashRestarts, status, otherQueues: 0,
    workers: [{ queue: 'email-send', concurrency: 4, active: 3, lastFetchedAt: ago(5), lastFinishedAt: ago(6), lastErrorAt: null }],
  };
}

const LIST: WorkerListResponse = {
  instances: [instance('mailer', 'missing', 2), instance('reports', 'late'), instance(null, 'healthy'), instance('old', 'stopped')],
  more: true,
  asOf: new Date().toISOString(),
  thresholds: { lateAfterHeartbeats: 2, missingAfterHeartbeats: 5 },
};
const answer: ApiHandler = (path) => (path === 'workers' ? { body: LIST } : problem(404, 'Not found', path));
const api = stubApi(answer);

const inside = (element: OpsJobsWorkerList) => {
  documented.see(element);
  return element.shadowRoot!;
};
const rows = (element: OpsJobsWorkerList) => [...inside(element).querySelectorAll('tbody tr')];

async function render(): Promise<OpsJobsWorkerList> {
  const element = await fixture<OpsJobsWorkerList>(html`<ops-jobs-worker-list root=${STUB_ROOT}></ops-jobs-worker-list>`);
  await until(() => rows(element).length > 0 || inside(element).querySelector('.empty, ops-jobs-problem') !== null, 'the workers');
  return element;
}

describe('<ops-jobs-worker-list>', () => {
  it('lists the processes, trouble first, with their state, restarts and the queues they work', async () => {
    const element = await render();
    expect(rows(element).map((row) => row.className)).to.deep.equal(['missing', 'late', 'healthy', 'stopped']);
    expect(inside(element).querySelector('.sub')!.textContent).to.contain('1 missing · 1 late · 1 healthy · 1 stopped');
    const [mailer, , anonymous] = rows(element);
    expect(mailer!.querySelector('.restarts')!.textContent).to.equal('2 restarts after a crash');
    expect(anonymous!.querySelector('.process strong')!.textContent).to.equal('app-7f9c:4242', 'a process without a name by its host and pid');
    expect(mailer!.querySelector<HTMLAnchorElement>('.works a')!.href).to.equal(new URL(`${STUB_ROOT}queues/email-send`, location.href).href);
    expect(inside(element).querySelector('.footer')!.textContent).to.contain('Showing the 4 most recently started.');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('leaves out what the engine cannot tell: no pid, no jobs in hand', async () => {
    const unknown: WorkerInstanceResponse = {
      ...instance(null, 'healthy'), host: '10.0.0.7:51234', pid: null, version: null, runtime: null, heartbeatSeconds: null,
      workers: [{ queue: 'email-send', concurrency: null, active: null, lastFetchedAt: null, lastFinishedAt: null, lastErrorAt: null }],
    };
    api.handler = () => ({ body: { ...LIST, instances: [unknown], more: false } });
    try {
      const element = await render();
      const [row] = rows(element);
      expect(row!.querySelector('.process strong')!.textContent).to.equal('10.0.0.7:51234');
      expect(row!.querySelector('.where')!.textContent).to.equal('10.0.0.7:51234');
      expect(row!.querySelector('.works')!.textContent).not.to.match(/\d\/\d|null/);
    } finally {
      api.handler = answer;
    }
  });

  it('reads them again from "Refresh", by pointer and by keyboard', async () => {
    const element = await render();
    const refresh = inside(element).querySelector<HTMLButtonElement>('button[aria-label="Refresh the workers"]')!;
    let start = api.calls.length;
    refresh.click();
    await until(() => api.calls.length > start, 'the click');
    start = api.calls.length;
    refresh.focus();
    await sendKeys({ press: 'Space' });
    await until(() => api.calls.length > start, 'the key');
    expect(api.calls.at(-1)).to.equal('workers');
  });

  it('says when no process has registered, and shows a failed load as a problem', async () => {
    api.handler = () => ({ body: { ...LIST, instances: [], more: false } });
    try {
      const none = await render();
      expect(inside(none).querySelector('.empty strong')!.textContent).to.equal('No process has registered');
      api.handler = () => problem(403, 'Forbidden', 'Only the platform team sees workers.');
      const refused = await render();
      const shown = inside(refused).querySelector('ops-jobs-problem')!;
      await until(() => shown.shadowRoot?.querySelector('h2') != null, 'the problem');
      expect(shown.shadowRoot!.querySelector('h2')!.textContent).to.equal('You are not allowed to see this');
    } finally {
      api.handler = answer;
    }
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    const element = await render();
    expect(getComputedStyle(inside(element).querySelector('[part="table"]')!).display).to.not.equal('none');
    await documented.check();
  });
});
