// <ops-jobs-incident-list> reading the kept incidents through a stand-in for the API: open ones
// first with their kind, sentence, job and queue links and seen times; the repairs a stuck job
// offers to an operator who may run them (and none to one who may not); the next page; an
// engine's store that keeps none; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { IncidentResponse } from '../../core/vocabulary/incident-wire.ts';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { OpsJobsIncidentList } from '../../elements/incident-list/incident-list.ts';
import { problem, SESSION } from '../elements/support/fixtures.ts';
import type { ApiHandler } from '../elements/support/server.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-incident-list': OpsJobsIncidentList });

const documented = new DocumentedParts('elements/incident-list/incident-list.ts');
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
const JOB = '0190a2b4-0000-4000-a000-00000000abcd';

const incident = (id: string, kind: IncidentResponse['kind'], queue: string, jobId: string | null, resolved: IncidentResponse['resolution'] = null): IncidentResponse => ({
  id, kind, queue, jobId, count: jobId ? 1 : 3, firstSeenAt: ago(300), lastSeenAt: ago(5),
  resolvedAt: resolved ? ago(60) : null, resolution: resolved,
});

const FIRST_PAGE = [incident('3', 'stuck-job', 'email-send', JOB), incident('2', 'no-workers', 'invoice-sync', null)];
const SECOND_PAGE = [incident('1', 'stuck-flows', 'invoice-sync', null, 'cleared')];

const operator: SessionResponse = {
  ...SESSION,
  permissions: { ...SESSION.permissions, 'incidents.view': true, 'job.cancel': true, 'job.fail': true },
  engine: { ...SESSION.engine, actions: { ...SESSION.engine.actions, 'job.fail': ['active'] } },
};
let session: SessionResponse = operator;

const answer: ApiHandler = (path, url) => {
  if (path === 'session') return { body: session };
  if (!path.startsWith('incidents')) return problem(404, 'Not found', path);
  const page = url.searchParams.get('cursor') === 'p2' ? { incidents: SECOND_PAGE, nextCursor: null } : { incidents: FIRST_PAGE, nextCursor: 'p2' };
  return { body: { kept: true, resolvedWithinHours: 24, ...page } };
};
const api = stubApi(answer);

const inside = (element: OpsJobsIncidentList) => {
  documented.see(element);
  return element.shadowRoot!;
};
const rows = (element: OpsJobsIncidentList) => [...inside(element).querySelectorAll('tbody tr')];

async function render(): Promise<OpsJobsIncidentList> {
  const element = await fixture<OpsJobsIncidentList>(html`<ops-jobs-incident-list root=${STUB_ROOT}></ops-jobs-incident-list>`);
  await until(() => rows(element).length > 0 || inside(element).querySelector('.empty, ops-jobs-problem') !== null, 'the incidents');
  return element;
}

describe('<ops-jobs-incident-list>', () => {
  afterEach(() => {
    session = operator;
    api.handler = answer;
  });

  it('lists open incidents with what each is about, links to the job and the queue, and the repairs a stuck job offers', async () => {
    const element = await render();
    await until(() => inside(element).querySelector('.repairs') !== null, 'the repairs, once the session is read');
    const [stuck, unworked] = rows(element);
    expect(stuck!.querySelector('.kind')!.textContent).to.equal('Stuck job');
    expect(stuck!.querySelector<HTMLAnchorElement>('.what a')!.href).to.equal(new URL(`${STUB_ROOT}queues/email-send/jobs/${JOB}`, location.href).href);
    expect(stuck!.querySelector<HTMLAnchorElement>('.queue a')!.href).to.equal(new URL(`${STUB_ROOT}queues/email-send?state=active`, location.href).href);
    expect([...stuck!.querySelectorAll('.repairs button')].map((button) => button.textContent)).to.deep.equal(['Fail job…', 'Cancel job…']);
    expect(unworked!.querySelector('.sentence')!.textContent).to.equal('3 jobs are ready and no running worker takes jobs from this queue.');
    expect(unworked!.querySelector('.repairs')).to.equal(null);
    expect(inside(element).querySelector('.sub')!.textContent).to.contain('2 open');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('offers no repair to an operator who may not act on jobs', async () => {
    session = { ...operator, permissions: { ...operator.permissions, 'job.cancel': false, 'job.fail': false } };
    const element = await render();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inside(element).querySelector('.repairs')).to.equal(null);
  });

  it('loads the next page, with resolved incidents and how they ended', async () => {
    const element = await render();
    inside(element).querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    await until(() => rows(element).length === 3, 'the second page');
    const resolved = rows(element)[2]!;
    expect(resolved.className).to.equal('resolved');
    expect(resolved.querySelector('.status')!.textContent!.trim()).to.equal('Cleared');
  });

  it('says when the store keeps no incidents', async () => {
    api.handler = (path) => (path === 'session' ? { body: session } : { body: { kept: false, resolvedWithinHours: 24, incidents: [], nextCursor: null } });
    const element = await render();
    expect(inside(element).querySelector('.empty strong')!.textContent).to.equal('This console keeps no incidents');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    const element = await render();
    expect(getComputedStyle(inside(element).querySelector('[part="table"]')!).display).to.not.equal('none');
    await documented.check();
  });
});
