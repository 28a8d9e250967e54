// <ops-jobs-chronology> on its own through a stand-in for the API: a job's life and the actions on
// it in one list, oldest first, with what is not known; a job only the audit log still names; a
// queue's chronology as a page; a schedule's, and one an operator removed; records hidden from the
// operator; parts it documents.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { OpsJobsChronology } from '../../elements/chronology/chronology.ts';
import { OpsJobsOutcomeBadge } from '../../elements/outcome-badge/outcome-badge.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { actionApi, auditRecords, PRUNED_JOB } from '../elements/support/action-fixtures.ts';
import { madeJobId, REMOVED_SCHEDULE, SCHEDULE_STORY } from '../elements/support/chronology-fixtures.ts';
import { failedJobDetail } from '../elements/support/fixtures.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-chronology': OpsJobsChronology, 'ops-jobs-outcome-badge': OpsJobsOutcomeBadge });

const documented = new DocumentedParts('elements/chronology/chronology.ts');
const now = Date.now();
const job = failedJobDetail(now);
const records = auditRecords(now);
const base = actionApi(now).api;
const api = stubApi((path, url, request) => base(path, url, request));

async function render(template: ReturnType<typeof html>): Promise<OpsJobsChronology> {
  const element = await fixture<OpsJobsChronology>(template);
  await until(() => element.shadowRoot!.querySelector('[part="list"], [part="gaps"], .none') !== null, 'the chronology');
  documented.see(element);
  return element;
}
const items = (element: OpsJobsChronology) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="list"] > li')];
const gaps = (element: OpsJobsChronology) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="gaps"] > li')].map((item) => item.dataset.gap);

describe('<ops-jobs-chronology>', () => {
  it("merges the job's life with the actions on it, oldest first, its error on the failure", async () => {
    const start = api.calls.length;
    const element = await render(html`<ops-jobs-chronology root=${STUB_ROOT} queue="email-send" job-id=${job.id}></ops-jobs-chronology>`);
    expect(api.calls.slice(start)).to.include(`queues/email-send/jobs/${job.id}/chronology`);
    const list = items(element);
    expect(list.map((item) => item.dataset.point ?? 'audit')).to.deep.equal(['created', 'started', 'failed', 'audit', 'kept_until']);
    expect(list[2]!.classList.contains('failed')).to.equal(true);
    expect(list[2]!.querySelector('.label')!.textContent).to.contain('Failed');
    expect(list[3]!.querySelector('a')!.href).to.equal(new URL(`${STUB_ROOT}audit/${records[0]!.id}`, location.href).href);
    expect(list[3]!.textContent).to.contain(records[0]!.principal.label!);
    expect(gaps(element)).to.deep.equal(['earlier_attempts_untimed']);
    expect(element.shadowRoot!.querySelector('[part="gaps"]')!.textContent).to.contain('the 2 attempts before it');
    expect(new URL(element.shadowRoot!.querySelector<HTMLAnchorElement>('a.all')!.href).search).to.equal(`?job=${job.id}`);
  });

  it('tells a job the engine no longer has from the records that name it, saying so', async () => {
    const element = await render(html`<ops-jobs-chronology root=${STUB_ROOT} queue=${PRUNED_JOB.queue} job-id=${PRUNED_JOB.id}></ops-jobs-chronology>`);
    expect(items(element).map((item) => item.dataset.record)).to.deep.equal([records[14]!.id, records[9]!.id, records[3]!.id]);
    expect(gaps(element)).to.deep.equal(['job_gone', 'outcome_unrecorded']);
    expect(element.shadowRoot!.querySelector('[data-gap="outcome_unrecorded"]')!.textContent).to.contain('its outcome was never recorded');
  });

  it("shows a queue's chronology as a page, with breadcrumbs, and says the engine keeps no history of the queue", async () => {
    const element = await render(html`<ops-jobs-chronology root=${STUB_ROOT} queue="invoice-sync" page></ops-jobs-chronology>`);
    expect(element.shadowRoot!.querySelector('h1')!.textContent).to.equal('Chronology');
    expect(element.shadowRoot!.querySelector('.crumbs')!.textContent).to.contain('invoice-sync');
    const shown = items(element).map((item) => item.dataset.record);
    const expected = records.filter((record) => record.resource?.queue === 'invoice-sync').map((record) => record.id).reverse();
    expect(shown).to.deep.equal(expected);
    expect(gaps(element)[0]).to.equal('queue_history_not_kept');
    // Each action names what it touched: the one job, linked, or how its jobs were chosen.
    const single = records.find((record) => record.resource?.queue === 'invoice-sync' && 'ids' in record.resource.selection && record.resource.selection.ids.length === 1)!;
    const item = items(element).find((entry) => entry.dataset.record === single.id)!;
    expect(item.querySelector<HTMLAnchorElement>('.sub a')!.href).to.equal(new URL(`${STUB_ROOT}queues/invoice-sync/jobs/${single.resource!.ids[0]}`, location.href).href);
    const chosen = records.find((record) => record.resource?.queue === 'invoice-sync' && 'filter' in record.resource.selection)!;
    const subs = items(element).find((entry) => entry.dataset.record === chosen.id)!.querySelectorAll('.sub');
    expect(subs[subs.length - 1]!.textContent).to.match(/All \w+ jobs/);
  });

  it("tells a schedule's story as a page: written, its last job linked, the run it missed, the operator's run, its next run", async () => {
    const start = api.calls.length;
    const element = await render(html`<ops-jobs-chronology root=${STUB_ROOT} queue=${SCHEDULE_STORY.queue} schedule=${SCHEDULE_STORY.key} page></ops-jobs-chronology>`);
    expect(api.calls.slice(start)).to.include(`queues/email-send/schedules/nightly-digest/chronology`);
    expect(element.shadowRoot!.querySelector('.crumbs')!.textContent).to.contain('Schedules');
    expect(element.shadowRoot!.querySelector<HTMLAnchorElement>('.crumbs a:last-of-type')!.href).to.equal(new URL(`${STUB_ROOT}schedules?queue=email-send`, location.href).href);
    expect(element.shadowRoot!.querySelector('.head .sub')!.textContent).to.contain('Schedule nightly-digest');
    const list = items(element);
    expect(list.map((item) => item.dataset.point ?? 'audit')).to.deep.equal(['created', 'updated', 'last_job', 'missed_run', 'audit', 'next_run']);
    expect(list[2]!.querySelector('.label')!.textContent).to.equal('Made its last job');
    expect(new URL(list[2]!.querySelector<HTMLAnchorElement>('.sub a')!.href).pathname).to.match(/\/queues\/email-send\/jobs\/[^/]+$/);
    expect(list[2]!.querySelector('ops-jobs-state-badge')!.getAttribute('state')).to.equal('completed');
    expect(list[3]!.classList.contains('failed')).to.equal(true);
    expect(list[3]!.querySelector('.label')!.textContent).to.equal('Run due, no job made');
    expect(list[4]!.querySelector('.label a')!.textContent).to.equal('Ran now');
    // The run now links the job it made.
    const made = list[4]!.querySelector<HTMLAnchorElement>('.sub a.made')!;
    expect(made.href).to.equal(new URL(`${STUB_ROOT}queues/email-send/jobs/${madeJobId(SCHEDULE_STORY.key, 0)}`, location.href).href);
    expect(made.textContent).to.contain('made job 4a7c9e21');
    expect(list[5]!.classList.contains('future')).to.equal(true);
    expect(gaps(element)).to.deep.equal(['schedule_runs_not_kept']);
    const all = element.shadowRoot!.querySelector<HTMLAnchorElement>('a.all')!;
    expect(all.textContent!.trim()).to.equal('All records for this schedule');
    expect(new URL(all.href).search).to.equal('?queue=email-send&schedule=nightly-digest');
  });

  it('tells a removed schedule from its records, and the empty key of a schedule without one is ~ in the path', async () => {
    const element = await render(html`<ops-jobs-chronology root=${STUB_ROOT} queue=${REMOVED_SCHEDULE.queue} schedule=${REMOVED_SCHEDULE.key}></ops-jobs-chronology>`);
    expect(items(element).map((item) => item.dataset.record)).to.deep.equal(['aud-sched-pulse-0', 'aud-sched-pulse-1']);
    expect(gaps(element)).to.deep.equal(['schedule_gone']);
    expect(element.shadowRoot!.querySelector('[data-gap="schedule_gone"]')!.textContent).to.contain('no longer has this schedule');
    const start = api.calls.length;
    const unknown = await fixture<OpsJobsChronology>(html`<ops-jobs-chronology root=${STUB_ROOT} queue="email-send" schedule=""></ops-jobs-chronology>`);
    await until(() => unknown.shadowRoot!.querySelector('p.muted:not([aria-busy])') !== null, 'the answer');
    expect(api.calls.slice(start)).to.include('queues/email-send/schedules/~/chronology');
    expect(unknown.shadowRoot!.textContent).to.contain('The audit log has no record of this schedule either.');
  });

  it('says the records are hidden from an operator who may not read the audit log, and a missing job plainly', async () => {
    const hidden = { subject: { kind: 'job', queue: 'email-send', id: 'j-1' }, job: null, entries: [], audit: 'hidden', gaps: [{ code: 'audit_hidden', detail: '' }] };
    api.handler = (path) => (path.endsWith('/chronology') && path.includes('j-1') ? { body: hidden } : { status: 404, body: { type: 'about:blank', title: 'Job not found', status: 404, detail: 'none' } });
    try {
      const element = await render(html`<ops-jobs-chronology root=${STUB_ROOT} queue="email-send" job-id="j-1"></ops-jobs-chronology>`);
      expect(element.shadowRoot!.querySelector('[part="gaps"]')!.textContent).to.contain('Operator actions are not shown');
      expect(element.shadowRoot!.querySelector('.none')).to.equal(null);
      const missing = await fixture<OpsJobsChronology>(html`<ops-jobs-chronology root=${STUB_ROOT} queue="email-send" job-id="j-2"></ops-jobs-chronology>`);
      await until(() => missing.shadowRoot!.querySelector('p.muted:not([aria-busy])') !== null, 'the answer');
      expect(missing.shadowRoot!.textContent).to.contain('The audit log has no record of this job either.');
    } finally {
      api.handler = (path, url, request) => base(path, url, request);
    }
  });

  it('renders the parts its documentation lists', async () => {
    await documented.check();
  });
});
