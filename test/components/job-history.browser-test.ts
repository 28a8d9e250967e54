// <ops-jobs-job-history> on its own, reading the audit records of one job through a stand-in
// for the API: the five newest, each linking its record, a link to all of them; "Try again"
// after a failed load; links followed by pointer and keyboard; parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OpsJobsJobHistory } from '../../elements/job-history/job-history.ts';
import { OpsJobsOutcomeBadge } from '../../elements/outcome-badge/outcome-badge.ts';
import { OpsJobsRelativeTime } from '../../elements/time/relative-time.ts';
import { auditRecords } from '../elements/support/action-fixtures.ts';
import { problem } from '../elements/support/fixtures.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { catchLinks, STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

customElements.define('ops-jobs-job-history', OpsJobsJobHistory);
customElements.define('ops-jobs-outcome-badge', OpsJobsOutcomeBadge);
customElements.define('ops-jobs-relative-time', OpsJobsRelativeTime);

const documented = new DocumentedParts('elements/job-history/job-history.ts');
const records = auditRecords(Date.now());
const JOB = 'job-7';
const api = stubApi((path) => (path.startsWith('audit?') ? { body: { records: records.slice(0, 6), nextCursor: 'c' } } : problem(404, 'Not found', path)));

async function render(): Promise<OpsJobsJobHistory> {
  const element = await fixture<OpsJobsJobHistory>(html`<ops-jobs-job-history root=${STUB_ROOT} queue="email-send" job-id=${JOB}></ops-jobs-job-history>`);
  await until(() => element.shadowRoot!.querySelector('[part="list"], .none, .muted') !== null, 'the history');
  documented.see(element);
  return element;
}

const items = (element: OpsJobsJobHistory) => [...element.shadowRoot!.querySelectorAll('[part="list"] > li')];

describe('<ops-jobs-job-history>', () => {
  it('asks for the records of its job and lists the five newest, each linking its record', async () => {
    const start = api.calls.length;
    const element = await render();
    expect(api.calls.slice(start)).to.deep.equal([`audit?job=${JOB}&limit=6`]);
    expect(items(element)).to.have.length(5);
    const first = items(element)[0]!.querySelector('a')!;
    expect(first.href).to.equal(new URL(`${STUB_ROOT}audit/${records[0]!.id}`, location.href).href);
    expect(first.textContent).to.contain(records[0]!.principal.label!);
    expect(items(element)[0]!.querySelector('ops-jobs-outcome-badge')!.getAttribute('outcome')).to.equal(records[0]!.outcome);
    const all = element.shadowRoot!.querySelector<HTMLAnchorElement>('a.all')!;
    expect(new URL(all.href).search).to.equal(`?job=${JOB}`);
    expect(element.shadowRoot!.querySelector('[part="list"]')!.getAttribute('aria-labelledby')).to.equal('history-h');
  });

  it('says when no operator has acted on the job', async () => {
    api.handler = () => ({ body: { records: [], nextCursor: null } });
    try {
      const element = await render();
      expect(element.shadowRoot!.querySelector('.none')!.textContent).to.contain('No operator has acted on this job.');
      expect(element.shadowRoot!.querySelector('[part="list"]')).to.equal(null);
    } finally {
      api.handler = (path) => (path.startsWith('audit?') ? { body: { records: records.slice(0, 6), nextCursor: 'c' } } : problem(404, 'Not found', path));
    }
  });

  it('offers "Try again" after a failed load, which loads it again', async () => {
    const good = api.handler;
    api.handler = () => problem(500, 'Server error', 'The store did not answer.');
    try {
      const element = await render();
      const retry = [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again')!;
      expect(element.shadowRoot!.textContent).to.contain('Could not load the history.');
      api.handler = good;
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => items(element).length === 5, 'the records after trying again');
    } finally {
      api.handler = good;
    }
  });

  it('follows its links by pointer and by keyboard', async () => {
    const element = await render();
    const links = catchLinks();
    try {
      const [first, second] = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="list"] a')];
      first!.click();
      second!.focus();
      await sendKeys({ press: 'Enter' });
      expect(links.followed).to.deep.equal([first!.href, second!.href]);
    } finally {
      links.stop();
    }
    await expect(element).shadowDom.to.be.accessible();
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
