// <ops-jobs-job-detail> reading one job through a stand-in for the API: its facts, error,
// values, timeline and chronology; folding sections by keyboard and pointer; its actions opening the
// action dialog; reloading on ops-jobs-action-done; a missing job, and one only the audit log still
// names; its parts and properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { OpsJobsActionDoneEvent } from '../../elements/events/ops-jobs-action-done.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { OpsJobsJobDetail } from '../../elements/job-detail/job-detail.ts';
import { OpsJobsJobTimeline } from '../../elements/job-timeline/job-timeline.ts';
import { OpsJobsChronology } from '../../elements/chronology/chronology.ts';
import { auditRecords, PRUNED_JOB } from '../elements/support/action-fixtures.ts';
import { actionApi, OPERATOR_SESSION } from '../elements/support/action-fixtures.ts';
import { failedJobDetail, SESSION } from '../elements/support/fixtures.ts';
import { provideConsole, TestLive, TestRouter } from './support/console-context.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

// A job's page loads on first use in the console; here it is defined up front, with its timeline.
defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-job-detail': OpsJobsJobDetail, 'ops-jobs-job-timeline': OpsJobsJobTimeline, 'ops-jobs-chronology': OpsJobsChronology });

const documented = new DocumentedParts('elements/job-detail/job-detail.ts');
const now = Date.now();
const job = failedJobDetail(now);
const operatorApi = actionApi(now).api;
// Alone in a page, the detail reads the session of a view-only operator; inside the stand-in
// console it gets the operator's session from there.
/** A job of a flow that reports its progress in words and keeps log lines. */
const flowJob = {
  ...job,
  id: 'flow-step-2',
  progress: { value: { stage: 'rendering', page: 3 } },
  logs: { lines: { value: ['fetching the template', 'rendering page 3'] }, total: 2 },
  family: {
    parent: { queue: 'reports/daily', id: 'flow-root' },
    children: { pending: 1, processed: 1, failed: 0, sample: [{ queue: 'email-send', id: 'flow-child', outcome: 'pending' as const }] },
  },
};
const records = auditRecords(now);
const api = stubApi((path, url, request) => {
  if (path === 'session') return { body: SESSION };
  if (path === 'queues/email-send/jobs/flow-step-2') return { body: flowJob };
  return operatorApi(path, url, request);
});

const inside = (element: OpsJobsJobDetail) => {
  documented.see(element);
  return element.shadowRoot!;
};
const part = (element: OpsJobsJobDetail, name: string) => inside(element).querySelector<HTMLElement>(`[part="${name}"]`);
const summaryOf = (element: OpsJobsJobDetail, heading: string) =>
  [...inside(element).querySelectorAll<HTMLElement>('summary')].find((summary) => summary.textContent!.trim() === heading)!;
const loaded = (element: OpsJobsJobDetail) => until(() => part(element, 'facts') !== null || inside(element).querySelector('ops-jobs-problem') !== null, 'the job');

/** The detail alone in a page, on its own client (its `root`); the stand-in API answers. */
async function alone(id = job.id): Promise<OpsJobsJobDetail> {
  const element = await fixture<OpsJobsJobDetail>(html`<ops-jobs-job-detail root=${STUB_ROOT} queue="email-send" job-id=${id}></ops-jobs-job-detail>`);
  await loaded(element);
  return element;
}

async function inConsole(session: SessionResponse = OPERATOR_SESSION, id = job.id): Promise<OpsJobsJobDetail> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provideConsole(host, { session, router: new TestRouter(), live: new TestLive() });
  const element = document.createElement('ops-jobs-job-detail') as OpsJobsJobDetail;
  element.queue = 'email-send';
  element.jobId = id;
  host.append(element);
  await loaded(element);
  return element;
}

describe('<ops-jobs-job-detail>', () => {
  it('shows the job: heading, state, facts, its error, values and timeline', async () => {
    const start = api.calls.length;
    const element = await alone();
    expect(api.calls.slice(start)).to.include(`queues/email-send/jobs/${job.id}`);
    expect(inside(element).querySelector('h1')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Job ${job.id.slice(0, 8)}`);
    expect(inside(element).querySelector('.title ops-jobs-state-badge')!.getAttribute('state')).to.equal('failed');
    expect(part(element, 'facts')!.textContent).to.contain(job.id);
    expect(part(element, 'facts')!.querySelector('ops-jobs-copy-button')!.getAttribute('value')).to.equal(job.id);
    await until(() => part(element, 'error')!.querySelector('ops-jobs-job-error')?.shadowRoot?.querySelector('[part="headline"]') != null, 'the error');
    expect(part(element, 'timeline')!.querySelector('ops-jobs-job-timeline') !== null).to.equal(true);
    expect(part(element, 'chronology') === null).to.equal(true, 'no chronology for an operator who may not read the audit log');
    const offered = [...part(element, 'actions')!.querySelectorAll('button')];
    expect(offered.map((button) => button.textContent!.trim())).to.include('Retry');
    expect(offered.every((button) => button.getAttribute('aria-disabled') === 'true')).to.equal(true, 'shown, but not allowed, to an operator who may take none');
  });

  it('folds a value by pointer and opens the options from the keyboard', async () => {
    const element = await alone();
    const data = summaryOf(element, 'Data');
    data.click();
    await until(() => !(data.parentElement as HTMLDetailsElement).open && data.parentElement!.querySelector('ops-jobs-json-viewer') === null, 'Data folded');
    const options = summaryOf(element, 'Options');
    expect(options.parentElement!.querySelector('ops-jobs-json-viewer') === null).to.equal(true, 'options load only when opened');
    options.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => options.parentElement!.querySelector('ops-jobs-json-viewer') !== null, 'the options');
    await sendKeys({ press: 'Space' });
    await until(() => options.parentElement!.querySelector('ops-jobs-json-viewer') === null, 'the options folded');
  });

  it('offers the actions that apply, whose button opens the action dialog', async () => {
    const element = await inConsole();
    const actions = part(element, 'actions')!;
    expect(actions.getAttribute('role')).to.equal('group');
    const retry = [...actions.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === 'Retry')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => inside(element).querySelector('ops-jobs-action-dialog')?.open === true, 'the dialog');
    await until(() => part(element, 'chronology')?.querySelector('ops-jobs-chronology')?.shadowRoot?.querySelector('[part="list"]') != null, 'the chronology');
    await sendKeys({ press: 'Escape' });
    await until(() => inside(element).querySelector('ops-jobs-action-dialog')?.open === false, 'the dialog closed');
  });

  it('loads the job and its chronology again when an action on it is done', async () => {
    const element = await inConsole();
    await until(() => part(element, 'chronology')?.querySelector('ops-jobs-chronology')?.shadowRoot?.querySelector('[part="list"]') != null, 'the chronology');
    const start = api.calls.length;
    part(element, 'facts')!.dispatchEvent(new OpsJobsActionDoneEvent({ action: 'job.retry', queue: 'email-send', affected: 1, auditId: 'a-1', replayed: false }));
    await until(() => api.calls.length >= start + 2, 'the reloads');
    expect(api.calls.slice(start).map((path) => path.split('?')[0]).sort()).to.deep.equal([`queues/email-send/jobs/${job.id}`, `queues/email-send/jobs/${job.id}/chronology`]);
  });

  it('shows the progress, the log lines and the flow of a job that has them', async () => {
    const element = await alone('flow-step-2');
    await until(() => part(element, 'logs-card') !== null, 'the logs');
    expect(part(element, 'progress')!.textContent).to.contain('Progress');
    const logs = part(element, 'logs')!;
    expect(logs.textContent).to.contain('rendering page 3');
    expect(logs.tabIndex).to.equal(0, 'the log block scrolls from the keyboard');
    const family = part(element, 'family')!;
    const links = [...family.querySelectorAll<HTMLAnchorElement>('a')].map((link) => link.getAttribute('aria-label'));
    expect(links.some((label) => label?.startsWith('Job flow-root in reports/daily'))).to.equal(true);
    expect(links.some((label) => label?.startsWith('Job flow-child in email-send'))).to.equal(true);
  });

  it('says so when there is no such job, linking back to its queue', async () => {
    const element = await alone('no-such-job');
    const shown = inside(element).querySelector('ops-jobs-problem')!;
    await until(() => shown.shadowRoot?.querySelector('h2') != null, 'the problem');
    expect(shown.shadowRoot!.querySelector('h2')!.textContent).to.equal('No such job');
    expect(shown.querySelector('a[slot="actions"]')!.textContent).to.equal('Jobs in email-send');
  });

  it('under a job the engine no longer has, shows its chronology from the audit records that name it', async () => {
    const element = await inConsole(OPERATOR_SESSION, PRUNED_JOB.id);
    expect(inside(element).querySelector('ops-jobs-problem') !== null).to.equal(true);
    const chronology = part(element, 'chronology')!.querySelector('ops-jobs-chronology')!;
    await until(() => chronology.shadowRoot?.querySelector('[part="gaps"]') != null, 'the chronology');
    expect([...chronology.shadowRoot!.querySelectorAll('[part="list"] > li')].map((item) => item.getAttribute('data-record'))).to.deep.equal([records[14]!.id, records[9]!.id, records[3]!.id], 'oldest first');
    expect(chronology.shadowRoot!.querySelector('[data-gap="job_gone"]')!.textContent).to.contain('The engine no longer has this job');
  });

  it('is styleable through its parts, and accessible', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>ops-jobs-job-detail::part(facts) { outline: 2px solid rgb(5, 6, 7); }</style>
      <ops-jobs-job-detail root=${STUB_ROOT} queue="email-send" job-id=${job.id}></ops-jobs-job-detail></div>`);
    const element = host.querySelector<OpsJobsJobDetail>('ops-jobs-job-detail')!;
    await loaded(element);
    expect(getComputedStyle(part(element, 'facts')!).outlineColor).to.equal('rgb(5, 6, 7)');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
