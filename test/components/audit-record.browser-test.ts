// <ops-jobs-audit-record> reading one record through a stand-in for the API: what was done, by
// whom, why and to which jobs; copying its ids from the keyboard; a missing record; its parts
// and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OpsJobsAuditRecord } from '../../elements/audit-record/audit-record.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { actionApi, auditRecords } from '../elements/support/action-fixtures.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-audit-record': OpsJobsAuditRecord });

const documented = new DocumentedParts('elements/audit-record/audit-record.ts');
const now = Date.now();
const records = auditRecords(now);
const api = stubApi(actionApi(now).api);
/** A record of several selected jobs. */
const many = records.find((record) => record.resource !== null && record.resource.ids.length > 3)!;

const inside = (element: OpsJobsAuditRecord) => {
  documented.see(element);
  return element.shadowRoot!;
};
const part = (element: OpsJobsAuditRecord, name: string) => inside(element).querySelector<HTMLElement>(`[part="${name}"]`);

async function render(id: string): Promise<OpsJobsAuditRecord> {
  const element = await fixture<OpsJobsAuditRecord>(html`<ops-jobs-audit-record root=${STUB_ROOT} record-id=${id}></ops-jobs-audit-record>`);
  await until(() => part(element, 'facts') !== null || inside(element).querySelector('ops-jobs-problem') !== null, 'the record');
  return element;
}

describe('<ops-jobs-audit-record>', () => {
  it('shows what was done, by whom and why, and links every job it planned', async () => {
    const element = await render(many.id);
    expect(api.calls.at(-1)).to.equal(`audit/${encodeURIComponent(many.id)}`);
    expect(inside(element).querySelector('h1')!.textContent).to.contain(`${many.resource!.ids.length} jobs`);
    expect(part(element, 'reason')!.textContent).to.contain(many.reason!);
    expect(part(element, 'facts')!.textContent).to.contain(many.principal.label!);
    const jobs = [...part(element, 'jobs')!.querySelectorAll<HTMLAnchorElement>('a')];
    expect(jobs).to.have.length(many.resource!.ids.length);
    expect(jobs[0]!.href).to.equal(new URL(`${STUB_ROOT}queues/${many.resource!.queue}/jobs/${many.resource!.ids[0]}`, location.href).href);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('says when the reason is hidden by the display policy', async () => {
    const element = await render(records[5]!.id);
    expect(part(element, 'reason')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Reason Hidden by display policy');
  });

  it('copies its record id from the keyboard', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: async (text: string) => void written.push(text) });
    const element = await render(many.id);
    const copy = inside(element).querySelector<HTMLElement>('ops-jobs-copy-button[label="Copy record ID"]')!;
    // The copy button's code loads on first use.
    await until(() => copy.shadowRoot?.querySelector('button') != null, 'the copy button');
    copy.shadowRoot!.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => written.length === 1, 'the copy');
    expect(written).to.deep.equal([many.id]);
  });

  it('says there is no such record, linking back to the audit log', async () => {
    const element = await render('aud-missing');
    const shown = inside(element).querySelector('ops-jobs-problem')!;
    await until(() => shown.shadowRoot?.querySelector('h2') != null, 'the problem');
    expect(shown.shadowRoot!.querySelector('h2')!.textContent).to.equal('No such audit record');
    expect(shown.querySelector('a[slot="actions"]')!.textContent).to.equal('Audit log');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
