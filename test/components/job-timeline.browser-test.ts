// <ops-jobs-job-timeline> on its own, fed a job as a property: the steps of a finished, a running
// and a waiting job, each with its exact time; it takes no focus of its own; its parts and the
// custom properties it reads.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JobDetailResponse } from '../../core/vocabulary/wire.ts';
import { OpsJobsJobTimeline } from '../../elements/job-timeline/job-timeline.ts';
import { OpsJobsRelativeTime } from '../../elements/time/relative-time.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-job-timeline', OpsJobsJobTimeline);
customElements.define('ops-jobs-relative-time', OpsJobsRelativeTime);

const documented = new DocumentedParts('elements/job-timeline/job-timeline.ts');

type Job = Pick<JobDetailResponse, 'state' | 'timings'>;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const timings = (created: number, started: number | null, finished: number | null, runAfter = created): Job['timings'] => ({
  createdAt: at(created),
  runAfter: at(runAfter),
  startedAt: started === null ? null : at(started),
  finishedAt: finished === null ? null : at(finished),
  keepUntil: null,
});

async function render(job: Job): Promise<OpsJobsJobTimeline> {
  const element = await fixture<OpsJobsJobTimeline>(html`<ops-jobs-job-timeline .job=${job}></ops-jobs-job-timeline>`);
  documented.see(element);
  return element;
}

const steps = (element: OpsJobsJobTimeline) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="step"]')];
const labels = (element: OpsJobsJobTimeline) => steps(element).map((step) => step.querySelector('.label')!.textContent!.trim());

describe('<ops-jobs-job-timeline>', () => {
  it('shows a failed job from creation to failure, with how long it waited and ran', async () => {
    const element = await render({ state: 'failed', timings: timings(30, 20, 10) });
    const list = element.shadowRoot!.querySelector('[part="list"]')!;
    expect(list.localName).to.equal('ol');
    expect(list.getAttribute('aria-label')).to.equal('Timeline');
    expect(labels(element)).to.deep.equal(['Created', 'Started', 'Failed']);
    const [, started, failed] = steps(element);
    expect(started!.textContent).to.match(/waited 10 min/);
    expect(failed!.textContent).to.match(/ran 10 min/);
    expect(failed!.classList.contains('failed')).to.equal(true, 'the failure stands out');
    expect(steps(element)[0]!.querySelectorAll('ops-jobs-relative-time')).to.have.length(2, 'exact and relative time');
  });

  it('shows a running job as running, and a delayed one with its run-after step still to come', async () => {
    const running = await render({ state: 'active', timings: timings(5, 1, null) });
    expect(labels(running)).to.deep.equal(['Created', 'Started', 'Running']);
    expect(steps(running).at(-1)!.classList.contains('now')).to.equal(true);

    const waiting = await render({ state: 'scheduled', timings: timings(5, null, null, -60) });
    expect(labels(waiting)).to.deep.equal(['Created', 'Run after', 'Not started yet']);
    expect(steps(waiting).slice(1).every((step) => step.classList.contains('future'))).to.equal(true);
  });

  it('follows a new job given as its property', async () => {
    const element = await render({ state: 'active', timings: timings(5, 1, null) });
    element.job = { state: 'completed', timings: timings(5, 1, 0) };
    await element.updateComplete;
    expect(labels(element)).to.deep.equal(['Created', 'Started', 'Completed']);
    element.job = undefined;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="list"]')).to.equal(null);
  });

  it('is read, not operated: Tab passes over it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><button id="a">a</button><ops-jobs-job-timeline .job=${{ state: 'failed', timings: timings(30, 20, 10) }}></ops-jobs-job-timeline><button id="b">b</button></div>`);
    host.querySelector<HTMLButtonElement>('#a')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('b');
    await expect(host.querySelector('ops-jobs-job-timeline')!).shadowDom.to.be.accessible();
  });

  it('takes the failed colour from --ops-jobs-state-failed and is styleable through its parts', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>
      ops-jobs-job-timeline { --ops-jobs-state-failed: rgb(10, 20, 30); }
      ops-jobs-job-timeline::part(step) { outline: 1px solid rgb(1, 2, 3); }
    </style><ops-jobs-job-timeline .job=${{ state: 'failed', timings: timings(30, 20, 10) }}></ops-jobs-job-timeline></div>`);
    const element = host.querySelector<OpsJobsJobTimeline>('ops-jobs-job-timeline')!;
    await element.updateComplete;
    const failed = steps(element).at(-1)!;
    expect(getComputedStyle(failed).outlineColor).to.equal('rgb(1, 2, 3)');
    const marker = getComputedStyle(failed.querySelector('.marker')!);
    expect([marker.backgroundColor, marker.borderColor, marker.color]).to.include('rgb(10, 20, 30)');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
