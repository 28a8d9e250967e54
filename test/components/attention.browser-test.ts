// <ops-jobs-attention> reading the last diagnosis through a stand-in for the API: each finding
// with its sentence, severity and next step, all clear, what the engine cannot check, nothing on
// a failed read; its links by keyboard; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AttentionResponse } from '../../core/vocabulary/wire.ts';
import { OpsJobsAttention } from '../../elements/attention/attention.ts';
import { OpsJobsRelativeTime } from '../../elements/time/relative-time.ts';
import { attentionFixture, problem } from '../elements/support/fixtures.ts';
import type { ApiHandler } from '../elements/support/server.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { catchLinks, STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

customElements.define('ops-jobs-attention', OpsJobsAttention);
customElements.define('ops-jobs-relative-time', OpsJobsRelativeTime);

const documented = new DocumentedParts('elements/attention/attention.ts');
const answering = (body: AttentionResponse): ApiHandler => (path) => (path === 'attention' ? { body } : problem(404, 'Not found', path));
const api = stubApi(answering(attentionFixture()));

const inside = (element: OpsJobsAttention) => {
  documented.see(element);
  return element.shadowRoot!;
};
const findings = (element: OpsJobsAttention) => [...inside(element).querySelectorAll<HTMLElement>('[part="finding"]')];

async function render(): Promise<OpsJobsAttention> {
  const start = api.calls.length;
  const element = await fixture<OpsJobsAttention>(html`<ops-jobs-attention root=${STUB_ROOT}></ops-jobs-attention>`);
  await until(() => api.calls.length > start, 'the read');
  await element.updateComplete;
  return element;
}

describe('<ops-jobs-attention>', () => {
  it('lists each finding, most urgent first, with its severity said in words and its next step', async () => {
    const element = await render();
    await until(() => findings(element).length === 4, 'the findings');
    expect(inside(element).querySelector('h2')!.textContent!.trim()).to.equal('Needs attention');
    const [overdue, failing] = findings(element);
    expect(overdue!.classList.contains('critical')).to.equal(true);
    expect(overdue!.querySelector('.severity')!.textContent).to.equal('Critical:');
    expect(overdue!.querySelector('.sentence')!.textContent).to.contain('2 running jobs are past their expiry, heartbeat or lock');
    expect(failing!.querySelector('.sentence')!.textContent).to.contain('42 jobs failed in the last 5 min, against 6');
    const next = failing!.querySelector<HTMLAnchorElement>('a.next')!;
    expect(next.textContent!.trim()).to.equal('See failed jobs');
    expect(next.href).to.equal(new URL(`${STUB_ROOT}queues/email-send?state=failed`, location.href).href);
    expect(inside(element).querySelector('.checked')!.textContent).to.contain('checked');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('follows a next step by keyboard and by pointer', async () => {
    const element = await render();
    await until(() => findings(element).length === 4, 'the findings');
    const links = catchLinks();
    try {
      const [first, second] = findings(element).map((finding) => finding.querySelector<HTMLAnchorElement>('a.next')!);
      first!.focus();
      await sendKeys({ press: 'Enter' });
      second!.click();
      expect(links.followed).to.deep.equal([first!.href, second!.href]);
    } finally {
      links.stop();
    }
  });

  it('says nothing needs attention, and what this engine cannot check', async () => {
    api.handler = answering({ checkedAt: new Date().toISOString(), failedAt: null, findings: [], unchecked: ['overdue', 'no-workers'] });
    try {
      const element = await render();
      await until(() => inside(element).querySelector('h2') !== null, 'the panel');
      expect(inside(element).querySelector('h2')!.textContent!.trim()).to.equal('Nothing needs attention');
      expect(inside(element).querySelector('.unchecked')!.textContent).to.equal('This engine cannot tell the console about running jobs past their expiry and queues nobody works.');
      expect(findings(element)).to.have.length(0);
    } finally {
      api.handler = answering(attentionFixture());
    }
  });

  it('says when the last check could not read the queues, before and after a pass has finished', async () => {
    const failedAt = new Date().toISOString();
    api.handler = answering({ checkedAt: null, failedAt, findings: [], unchecked: [] });
    try {
      const never = await render();
      await until(() => inside(never).querySelector('.failed') !== null, 'the failure');
      expect(inside(never).querySelector('.checked')!.textContent).to.contain('not checked');
      expect(inside(never).querySelector('.failed')!.textContent).to.contain('The queues could not be checked');
      api.handler = answering({ ...attentionFixture(), failedAt });
      const stale = await render();
      await until(() => inside(stale).querySelector('.failed') !== null, 'the failure');
      expect(inside(stale).querySelector('.failed')!.textContent).to.contain('What is shown is from the check before.');
      expect(findings(stale).length).to.be.greaterThan(0, 'the findings of the check before stay');
    } finally {
      api.handler = answering(attentionFixture());
    }
  });

  it('says it is still checking before the first pass, and shows nothing when the read fails', async () => {
    api.handler = answering({ checkedAt: null, failedAt: null, findings: [], unchecked: [] });
    try {
      const checking = await render();
      await until(() => inside(checking).querySelector('.checked') !== null, 'the panel');
      expect(inside(checking).querySelector('.checked')!.textContent).to.contain('checking the queues');
      api.handler = () => problem(500, 'Server error', 'down');
      const failed = await render();
      await failed.updateComplete;
      expect(inside(failed).querySelector('[part="panel"]') === null).to.equal(true);
    } finally {
      api.handler = answering(attentionFixture());
    }
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
