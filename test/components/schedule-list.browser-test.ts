// <ops-jobs-schedule-list> reading the schedules through a stand-in for the API: each schedule
// in words and as written, its next runs in its zone, its last job or that it is gone, its data
// folded and opened from the keyboard, paging, a queue filter; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ScheduleResponse } from '../../core/vocabulary/wire.ts';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { OpsJobsScheduleList } from '../../elements/schedule-list/schedule-list.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-schedule-list': OpsJobsScheduleList });

const documented = new DocumentedParts('elements/schedule-list/schedule-list.ts');
const hour = 3_600_000;
const next = (hours: number) => new Date(Math.ceil(Date.now() / hour) * hour + hours * hour).toISOString();

function schedule(queue: string, key: string, expression: string, lastJob: ScheduleResponse['lastJob'], data: ScheduleResponse['data'] = { value: { report: 'daily' } }): ScheduleResponse {
  return {
    queue, key, kind: 'cron', expression, timeZone: 'Europe/Berlin', data,
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    nextRuns: [next(1), next(25), next(49)], lastJob,
  };
}

const FIRST_PAGE = [
  schedule('reports/daily', '', '0 6 * * *', { id: '0190a2b4-0000-4000-a000-000000000001', state: 'completed' }),
  schedule('invoice-sync', 'eu', '*/15 * * * *', { id: '0190a2b4-0000-4000-a000-000000000002', state: null }, { hidden: true }),
];
const SECOND_PAGE = [schedule('invoice-sync', 'us', '*/30 * * * *', null, { value: null })];

const api = stubApi((path, url) => {
  if (!path.startsWith('schedules')) return { status: 404, body: { type: 'about:blank', title: 'Not found', status: 404, detail: path } };
  const queue = url.searchParams.get('queue');
  if (queue) return { body: { schedules: [...FIRST_PAGE, ...SECOND_PAGE].filter((item) => item.queue === queue), nextCursor: null } };
  return url.searchParams.get('cursor') === 'p2' ? { body: { schedules: SECOND_PAGE, nextCursor: null } } : { body: { schedules: FIRST_PAGE, nextCursor: 'p2' } };
});

const inside = (element: OpsJobsScheduleList) => {
  documented.see(element);
  return element.shadowRoot!;
};
const rows = (element: OpsJobsScheduleList) => [...inside(element).querySelectorAll('tbody tr')];

async function render(queue = ''): Promise<OpsJobsScheduleList> {
  const element = await fixture<OpsJobsScheduleList>(html`<ops-jobs-schedule-list root=${STUB_ROOT} queue=${queue}></ops-jobs-schedule-list>`);
  await until(() => rows(element).length > 0 || inside(element).querySelector('.empty') !== null, 'the schedules');
  return element;
}

describe('<ops-jobs-schedule-list>', () => {
  it('shows each schedule as written with its zone, its next runs, and its last job', async () => {
    const element = await render();
    expect(api.calls.at(-1)).to.equal('schedules?limit=50');
    expect(rows(element)).to.have.length(2);
    const [daily, sync] = rows(element);
    expect(daily!.querySelector('code.expression')!.textContent).to.equal('0 6 * * *');
    expect(daily!.querySelector('.zone')!.textContent).to.contain('Europe/Berlin');
    expect(daily!.querySelectorAll('.next li')).to.have.length(3);
    const last = daily!.querySelector<HTMLAnchorElement>('.last a')!;
    expect(last.title).to.equal('0190a2b4-0000-4000-a000-000000000001');
    expect(last.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Last job 0190a2b4');
    expect(last.querySelector('ops-jobs-state-badge')!.getAttribute('state')).to.equal('completed');
    expect(sync!.querySelector('.key')!.textContent).to.equal('eu');
    expect(sync!.querySelector('.last .gone')!.textContent).to.contain('is gone');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('opens a schedule\'s data from the keyboard, and says hidden data is hidden', async () => {
    const element = await render();
    const [daily, sync] = rows(element);
    const details = daily!.querySelector<HTMLDetailsElement>('td.data details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => details.open, 'the data open');
    const viewer = details.querySelector<HTMLElement>('ops-jobs-json-viewer')!;
    await until(() => viewer.shadowRoot?.textContent?.includes('daily') === true, 'the data');
    const hidden = sync!.querySelector<HTMLElement>('td.data ops-jobs-json-viewer')!;
    sync!.querySelector<HTMLElement>('td.data summary')!.click();
    await until(() => /hidden/i.test(hidden.shadowRoot?.textContent ?? ''), 'the hidden note');
  });

  it('loads the next page from "Load 50 more" and says so', async () => {
    const element = await render();
    const more = inside(element).querySelector<HTMLButtonElement>('[part="load-more"]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rows(element).length === 3, 'the next page');
    expect(api.calls.at(-1)).to.equal('schedules?limit=50&cursor=p2');
    expect(rows(element)[2]!.querySelector('.last')!.textContent).to.contain('None yet');
    expect(rows(element)[2]!.querySelector('td.data')!.textContent!.trim()).to.equal('None');
  });

  it('lists one queue\'s schedules when given its queue attribute', async () => {
    const element = await render('invoice-sync');
    expect(api.calls.at(-1)).to.equal('schedules?queue=invoice-sync&limit=50');
    expect(rows(element)).to.have.length(2);
    expect(inside(element).querySelector('h1')!.textContent).to.contain('in invoice-sync');
    const none = await render('nothing-here');
    expect(inside(none).querySelector('.empty')!.textContent).to.contain('No schedules send to nothing-here');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
