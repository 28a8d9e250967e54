// <ops-jobs-job-flow> reading a job's flow through a stand-in for the API: each step drawn after
// the steps it waits on, a link to its job, the job itself marked; why waiting steps wait, in
// words; the failed step retried from there by an operator who may (and not by one who may not);
// nothing for a job in no flow; steps the operator may not see counted; its parts and custom
// properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { OpsJobsJobFlow } from '../../elements/job-flow/job-flow.ts';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { failedJobDetail, flowFixture, SESSION } from '../elements/support/fixtures.ts';
import type { ApiHandler, ApiRequest } from '../elements/support/server.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-job-flow': OpsJobsJobFlow });

const documented = new DocumentedParts('elements/job-flow/job-flow.ts');
const now = Date.now();
const job = failedJobDetail(now);
const FLOW = flowFixture(now);
const NONE = { steps: [], dependencies: [], more: false, hidden: 0 };
const RETRIER: SessionResponse = { ...SESSION, permissions: { ...SESSION.permissions, 'job.retry': true } };
let session: SessionResponse = RETRIER;
const previews: unknown[] = [];
const answer: ApiHandler = (path, _url, request?: ApiRequest) => {
  if (path === 'session') return { body: session };
  if (path === 'actions/preview') {
    previews.push(request?.body);
    return { status: 503, body: { type: 'about:blank', title: 'Unavailable', status: 503, detail: 'Not in this test.' } };
  }
  return { body: path.startsWith(`queues/email-send/jobs/${job.id}/flow`) ? FLOW : NONE };
};
const api = stubApi(answer);

const inside = (element: OpsJobsJobFlow) => {
  documented.see(element);
  return element.shadowRoot!;
};

async function render(id = job.id): Promise<OpsJobsJobFlow> {
  const start = api.calls.length;
  const element = await fixture<OpsJobsJobFlow>(html`<ops-jobs-job-flow root=${STUB_ROOT} .queue=${'email-send'} .jobId=${id}></ops-jobs-job-flow>`);
  await until(() => api.calls.length > start && (inside(element).querySelector('section') !== null || api.calls.length > start), 'the flow');
  await element.updateComplete;
  return element;
}

describe('<ops-jobs-job-flow>', () => {
  it('draws every step after the steps it waits on, each a link to its job, the job itself marked', async () => {
    const element = await render();
    await until(() => inside(element).querySelector('svg') !== null, 'the drawing');
    const steps = [...inside(element).querySelectorAll<SVGAElement>('a.step')];
    expect(steps).to.have.length(4);
    const here = inside(element).querySelector('a[aria-current="page"]')!;
    expect(here.getAttribute('aria-label')).to.equal(`email-send ${job.id.slice(0, 8)} · Failed, this job`);
    const column = (queue: string) => Number(steps.find((step) => step.getAttribute('aria-label')!.startsWith(queue))!.querySelector('rect')!.getAttribute('x'));
    expect([column('image-resize'), column('email-send'), column('invoice-sync'), column('reports/daily')]).to.deep.equal([0, 224, 448, 672]);
    expect(inside(element).querySelectorAll('path.edge')).to.have.length(3);
    expect(new URL(steps[0]!.getAttribute('href')!, location.href).pathname).to.match(new RegExp(`^${STUB_ROOT}queues/`));
    await expect(element).shadowDom.to.be.accessible();
  });

  it('says in words why each waiting step waits, and names a failed step it waits for', async () => {
    const element = await render();
    await until(() => inside(element).querySelector('.reasons') !== null, 'the reasons');
    const reasons = [...inside(element).querySelectorAll('.reasons li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
    expect(reasons[0]).to.match(/^invoice-sync job \w{8} waits for email-send job \w{8}, which failed \(upstream 503/);
    expect(reasons[1]).to.match(/^reports\/daily job \w{8} waits for invoice-sync job \w{8}, which is blocked\.$/);
  });

  it('offers to retry the failed step that holds the flow up, through the action dialog', async () => {
    const element = await render();
    await until(() => inside(element).querySelector('.release') !== null, 'the retry, once the session is read');
    const release = inside(element).querySelector<HTMLButtonElement>('.release')!;
    expect(release.textContent).to.equal(`Retry email-send job ${job.id.slice(0, 8)}…`);
    expect(inside(element).querySelectorAll('.release')).to.have.length(1, 'only the failed step, not the blocked one');
    previews.length = 0;
    release.click();
    await until(() => previews.length > 0, 'the preview asked for');
    expect(previews[0]).to.deep.include({ action: 'job.retry', target: { queue: 'email-send', ids: [job.id] } });
    await expect(element).shadowDom.to.be.accessible();
  });

  it('offers no retry to an operator who may not retry jobs', async () => {
    session = SESSION;
    try {
      const element = await render();
      await until(() => api.calls.includes('session'), 'the session read');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(inside(element).querySelector('.reasons')).to.not.equal(null);
      expect(inside(element).querySelector('.release')).to.equal(null);
    } finally {
      session = RETRIER;
    }
  });

  it('moves between the steps with the keyboard, one Tab stop each', async () => {
    const element = await render();
    await until(() => inside(element).querySelector('a.step') !== null, 'the steps');
    inside(element).querySelector<SVGAElement>('a.step')!.focus();
    const first = inside(element).activeElement;
    await sendKeys({ press: 'Tab' });
    expect(inside(element).activeElement).to.not.equal(first);
    expect(inside(element).activeElement!.classList.contains('step')).to.equal(true);
  });

  it('shows nothing for a job in no flow, and counts the steps the operator may not see', async () => {
    const alone = await render('00000000-0000-4000-8000-000000000000');
    await until(() => api.calls.some((call) => call.includes('00000000-0000-4000-8000-000000000000')), 'the read');
    await alone.updateComplete;
    expect(inside(alone).querySelector('section')).to.equal(null);
    api.handler = (path, url, request) => (path.includes('/flow') ? { body: { ...FLOW, more: true, hidden: 2 } } : answer(path, url, request));
    try {
      const partial = await render();
      await until(() => inside(partial).querySelector('.note') !== null, 'the note');
      expect(inside(partial).querySelector('.note')!.textContent).to.equal('The flow goes on beyond these steps. 2 steps are in queues you may not see.');
    } finally {
      api.handler = answer;
    }
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    const element = await render();
    await until(() => inside(element).querySelector('[part="flow"]') !== null, 'the flow');
    await documented.check();
  });
});
