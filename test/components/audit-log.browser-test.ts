// <ops-jobs-audit-log> reading the audit log through a stand-in for the API: records newest
// first, filters from its query attribute and from its form (typed and submitted from the
// keyboard), exports carrying the filters, paging; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OpsJobsAuditLog } from '../../elements/audit-log/audit-log.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { actionApi, auditRecords, OPERATOR_SESSION } from '../elements/support/action-fixtures.ts';
import { provideConsole, TestLive, TestRouter } from './support/console-context.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-audit-log': OpsJobsAuditLog });

const documented = new DocumentedParts('elements/audit-log/audit-log.ts');
const now = Date.now();
const records = auditRecords(now);
const api = stubApi(actionApi(now).api);

const inside = (element: OpsJobsAuditLog) => {
  documented.see(element);
  return element.shadowRoot!;
};
const rows = (element: OpsJobsAuditLog) => [...inside(element).querySelectorAll('tbody tr:has(a.record)')];
const loaded = (element: OpsJobsAuditLog) => until(() => rows(element).length > 0 || inside(element).querySelector('.empty, ops-jobs-problem') !== null, 'the records');

async function alone(query = ''): Promise<OpsJobsAuditLog> {
  const element = await fixture<OpsJobsAuditLog>(html`<ops-jobs-audit-log root=${STUB_ROOT} query=${query}></ops-jobs-audit-log>`);
  await loaded(element);
  return element;
}

describe('<ops-jobs-audit-log>', () => {
  it('lists the records newest first, each linking its record, with the exports for who may export', async () => {
    const start = api.calls.length;
    const element = await alone();
    expect(api.calls.slice(start)).to.include('audit?limit=50');
    expect(rows(element)).to.have.length(50);
    const first = rows(element)[0]!.querySelector<HTMLAnchorElement>('a.record')!;
    expect(first.href).to.equal(new URL(`${STUB_ROOT}audit/${records[0]!.id}`, location.href).href);
    const exports = [...inside(element).querySelectorAll<HTMLAnchorElement>('a[download]')].map((link) => link.textContent!.replace(/\s+/g, ' ').trim());
    expect(exports).to.deep.equal(['Export CSV', 'Export JSON Lines']);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('filters by its query attribute, and its exports carry the filters', async () => {
    const element = await alone('queue=invoice-sync');
    expect(api.calls.at(-1)).to.equal('audit?queue=invoice-sync&limit=50');
    expect(rows(element).length).to.be.greaterThan(0);
    expect(rows(element).every((row) => row.querySelector('td.queue')!.textContent!.trim() === 'invoice-sync')).to.equal(true);
    const csv = inside(element).querySelector<HTMLAnchorElement>('a[download]')!;
    expect(new URL(csv.href).searchParams.get('queue')).to.equal('invoice-sync');
    expect(inside(element).querySelector('[part="filters"] summary')!.textContent).to.contain('1 active');
  });

  it('applies the filter form submitted from the keyboard', async () => {
    const element = await alone();
    const filters = inside(element).querySelector<HTMLDetailsElement>('[part="filters"]')!;
    const summary = filters.querySelector('summary')!;
    summary.focus();
    const wasOpen = filters.open;
    await sendKeys({ press: 'Enter' });
    await until(() => filters.open !== wasOpen, 'Enter to toggle the filters');
    if (!filters.open) await sendKeys({ press: 'Enter' });
    await until(() => filters.open, 'the filters open');
    inside(element).querySelector<HTMLInputElement>('#f-queue')!.focus();
    await sendKeys({ type: 'email-send-dlq' });
    await sendKeys({ press: 'Enter' });
    await until(() => element.query === 'queue=email-send-dlq', 'the query');
    await until(() => api.calls.at(-1) === 'audit?queue=email-send-dlq&limit=50', 'the filtered read');
    await loaded(element);
    expect(rows(element).every((row) => row.querySelector('td.queue')!.textContent!.trim() === 'email-send-dlq')).to.equal(true);
  });

  it('inside a console, puts the filters in the address through its router', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const router = new TestRouter();
    provideConsole(host, { session: OPERATOR_SESSION, router, live: new TestLive() });
    const element = document.createElement('ops-jobs-audit-log') as OpsJobsAuditLog;
    host.append(element);
    await loaded(element);
    inside(element).querySelector<HTMLDetailsElement>('[part="filters"]')!.open = true;
    const outcome = inside(element).querySelector<HTMLSelectElement>('#f-outcome')!;
    outcome.value = 'failed';
    inside(element).querySelector<HTMLFormElement>('form.filters')!.requestSubmit();
    expect(router.navigated).to.deep.equal([{ name: 'audit', filter: { outcome: 'failed' } }]);
  });

  it('loads the next page from "Load 50 more"', async () => {
    const element = await alone();
    inside(element).querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    await until(() => rows(element).length === records.length, 'every record');
    expect(api.calls.at(-1)).to.equal('audit?limit=50&cursor=50');
  });

  it('suggests operators by name and queue names as the filters are typed', async () => {
    const handler = api.handler;
    api.handler = (path, url, request) => {
      if (!path.startsWith('audit/suggestions?')) return handler(path, url, request);
      const field = url.searchParams.get('field');
      const prefix = url.searchParams.get('prefix') ?? '';
      const suggestions = field === 'operator'
        ? [{ value: 'user-dana', label: 'Dana Whitfield' }, { value: 'user-dan', label: 'dan ops' }].filter((entry) => entry.label.toLowerCase().startsWith(prefix.toLowerCase()))
        : ['invoice-sync', 'image-resize'].filter((name) => name.startsWith(prefix)).map((name) => ({ value: name, label: name }));
      return { body: { field, suggestions } };
    };
    try {
      const element = await alone();
      const actor = inside(element).querySelector<HTMLInputElement>('#f-actor')!;
      expect(actor.getAttribute('list')).to.equal('f-actor-options');
      actor.focus();
      await sendKeys({ type: 'Dana' });
      await until(() => api.calls.includes('audit/suggestions?field=operator&prefix=Dana'), 'the operator suggestions');
      const operators = () => [...inside(element).querySelectorAll<HTMLOptionElement>('#f-actor-options option')].map((option) => [option.value, option.label]);
      await until(() => operators().length === 1, 'the options');
      expect(operators()).to.deep.equal([['user-dana', 'Dana Whitfield']]);
      // A burst of typing asks once, for what was typed last.
      expect(api.calls.filter((call) => call.startsWith('audit/suggestions?field=operator&prefix=D'))).to.deep.equal(['audit/suggestions?field=operator&prefix=Dana']);
      const queue = inside(element).querySelector<HTMLInputElement>('#f-queue')!;
      queue.focus();
      await sendKeys({ type: 'in' });
      await until(() => inside(element).querySelectorAll('#f-queue-options option').length === 1, 'the queue suggestions');
      expect(inside(element).querySelector<HTMLOptionElement>('#f-queue-options option')!.value).to.equal('invoice-sync');
      expect(inside(element).querySelector('#f-job')!.hasAttribute('list')).to.equal(false);
      await expect(element).shadowDom.to.be.accessible();
    } finally {
      api.handler = handler;
    }
  });

  it('is styleable through its parts', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>ops-jobs-audit-log::part(table) { outline: 2px solid rgb(2, 4, 6); }</style>
      <ops-jobs-audit-log root=${STUB_ROOT}></ops-jobs-audit-log></div>`);
    const element = host.querySelector<OpsJobsAuditLog>('ops-jobs-audit-log')!;
    await loaded(element);
    expect(getComputedStyle(inside(element).querySelector('[part="table"]')!).outlineColor).to.equal('rgb(2, 4, 6)');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
