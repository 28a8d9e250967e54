// <ops-jobs-job-search> looking jobs up by id through a stand-in for the API: the matches of its
// query attribute, a search typed and submitted from the keyboard, a single match opened in place
// inside a console, no match; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JobSummaryResponse } from '../../core/vocabulary/wire.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { OpsJobsJobSearch } from '../../elements/job-search/job-search.ts';
import { jobsOf, QUEUES, SESSION } from '../elements/support/fixtures.ts';
import { provideConsole, TestLive, TestRouter } from './support/console-context.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-job-search': OpsJobsJobSearch });

const documented = new DocumentedParts('elements/job-search/job-search.ts');
const everyJob: JobSummaryResponse[] = QUEUES.flatMap((queue) => jobsOf(queue.name, null));
const api = stubApi((path, url) => {
  if (path.startsWith('jobs?')) {
    const prefix = url.searchParams.get('id') ?? '';
    const found = everyJob.filter((job) => job.id.startsWith(prefix)).sort((a, b) => a.id.localeCompare(b.id));
    return { body: { jobs: found.slice(0, 20), more: found.length > 20 } };
  }
  return { status: 404, body: { type: 'about:blank', title: 'Not found', status: 404, detail: path } };
});

const inside = (element: OpsJobsJobSearch) => {
  documented.see(element);
  return element.shadowRoot!;
};
const rows = (element: OpsJobsJobSearch) => [...inside(element).querySelectorAll('tbody tr')];
const settled = (element: OpsJobsJobSearch) => until(() => inside(element).querySelector('[aria-busy="true"]') === null && (rows(element).length > 0 || inside(element).querySelector('.empty') !== null), 'the search');

/** An id prefix shared by a few jobs, and one that picks out a single job. */
const few = everyJob[0]!.id.slice(0, 4);
const one = everyJob[0]!.id;

describe('<ops-jobs-job-search>', () => {
  it('lists the jobs whose id starts with its query, each linking the job and its queue', async () => {
    const element = await fixture<OpsJobsJobSearch>(html`<ops-jobs-job-search root=${STUB_ROOT} query=${few}></ops-jobs-job-search>`);
    await settled(element);
    expect(api.calls.at(-1)).to.equal(`jobs?id=${few}`);
    const expected = everyJob.filter((job) => job.id.startsWith(few));
    expect(rows(element)).to.have.length(Math.min(expected.length, 20));
    const link = rows(element)[0]!.querySelector<HTMLAnchorElement>('a.mono')!;
    expect(link.getAttribute('aria-label')).to.match(new RegExp(`^Job ${few}`));
    expect(inside(element).querySelector<HTMLInputElement>('form.find input')!.value).to.equal(few);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('searches for what is typed and submitted with Enter', async () => {
    const element = await fixture<OpsJobsJobSearch>(html`<ops-jobs-job-search root=${STUB_ROOT}></ops-jobs-job-search>`);
    expect(rows(element)).to.have.length(0);
    inside(element).querySelector<HTMLInputElement>('form.find input')!.focus();
    await sendKeys({ type: one.slice(0, 12) });
    await sendKeys({ press: 'Enter' });
    await settled(element);
    expect(element.query).to.equal(one.slice(0, 12));
    expect(rows(element)).to.have.length(1);
  });

  it('searches again from the Find button', async () => {
    const element = await fixture<OpsJobsJobSearch>(html`<ops-jobs-job-search root=${STUB_ROOT} query=${few}></ops-jobs-job-search>`);
    await settled(element);
    const start = api.calls.length;
    [...inside(element).querySelectorAll<HTMLButtonElement>('form.find button')].find((button) => button.textContent!.trim() === 'Find')!.click();
    await until(() => api.calls.length > start, 'the search again');
    expect(api.calls.at(-1)).to.equal(`jobs?id=${few}`);
  });

  it('says when no job matches', async () => {
    const element = await fixture<OpsJobsJobSearch>(html`<ops-jobs-job-search root=${STUB_ROOT} query="zzzz"></ops-jobs-job-search>`);
    await settled(element);
    expect(inside(element).querySelector('.empty')!.textContent).to.contain("No job's id starts with zzzz");
  });

  it('inside a console, opens the one job that matches in place of the results', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const router = new TestRouter();
    provideConsole(host, { session: { ...SESSION, engine: { ...SESSION.engine, jobLookup: true } }, router, live: new TestLive() });
    const element = document.createElement('ops-jobs-job-search') as OpsJobsJobSearch;
    element.query = one;
    host.append(element);
    await until(() => router.navigated.length > 0, 'the job to open');
    expect(router.navigated).to.deep.equal([{ name: 'job', queue: everyJob[0]!.queue, id: one }]);
  });

  it('promises prefixes only where the engine finds them: BullMQ finds whole ids, however short', async () => {
    for (const [byPrefix, sub, minLength, empty] of [
      [true, 'By its id, or the first characters of it, in every queue you may see.', '4', "No job's id starts with zzzz"],
      [false, 'By its whole id, in every queue you may see.', '1', 'No job has the id zzzz'],
    ] as const) {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      provideConsole(host, { session: { ...SESSION, engine: { ...SESSION.engine, jobLookup: true, jobLookupByPrefix: byPrefix } }, router: new TestRouter(), live: new TestLive() });
      const element = document.createElement('ops-jobs-job-search') as OpsJobsJobSearch;
      element.query = 'zzzz';
      host.append(element);
      await settled(element);
      expect(inside(element).querySelector('.sub')!.textContent!.trim()).to.equal(sub);
      expect(inside(element).querySelector('form.find input')!.getAttribute('minlength')).to.equal(minLength);
      expect(inside(element).querySelector('.empty strong')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(empty);
    }
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
