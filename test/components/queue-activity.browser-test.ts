// <ops-jobs-queue-activity> reading a queue's activity and settings through a stand-in for the
// API: a chart per figure, each with its figures as a table; the window switched by pointer and
// keyboard; no history; its parts and custom properties.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineElements } from '../../elements/define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from '../../elements/first-screen-elements.ts';
import { OpsJobsQueueActivity } from '../../elements/queue-activity/queue-activity.ts';
import { fixtureApi } from '../elements/support/fixtures.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { STUB_ROOT, stubApi, until } from './support/fetch-stub.ts';

defineElements({ ...FIRST_SCREEN_ELEMENTS, 'ops-jobs-queue-activity': OpsJobsQueueActivity });

const documented = new DocumentedParts('elements/queue-activity/queue-activity.ts');
const answer = fixtureApi(Date.now());
const api = stubApi(answer);

const inside = (element: OpsJobsQueueActivity) => {
  documented.see(element);
  return element.shadowRoot!;
};

async function render(): Promise<OpsJobsQueueActivity> {
  const element = await fixture<OpsJobsQueueActivity>(html`<ops-jobs-queue-activity root=${STUB_ROOT} queue="email-send"></ops-jobs-queue-activity>`);
  await until(() => inside(element).querySelector('figure, .empty, ops-jobs-problem') !== null, 'the activity');
  await until(() => inside(element).querySelector('[part="settings"]') !== null, 'the settings');
  return element;
}

describe('<ops-jobs-queue-activity>', () => {
  it('draws a chart per figure, each named in words with its latest and highest values', async () => {
    const element = await render();
    const figures = [...inside(element).querySelectorAll('figure')];
    expect(figures.map((figure) => figure.querySelector('figcaption')!.textContent)).to.deep.equal(['Jobs per minute', 'Waited before running', 'Ran for', 'Oldest ready job had waited']);
    expect(figures[0]!.querySelector('svg')!.getAttribute('aria-label')).to.match(/^Jobs per minute\. Made: latest [\d.]+\/min, highest [\d.]+\/min; Completed/);
    expect(inside(element).querySelector('[part="settings"]')!.textContent).to.contain('Retry limit');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('opens a chart as a table, a row per stretch', async () => {
    const element = await render();
    const details = inside(element).querySelector('details')!;
    details.querySelector('summary')!.click();
    await until(() => details.open, 'the table');
    expect(details.querySelectorAll('tbody tr')).to.have.length(47);
    expect([...details.querySelectorAll('thead th')].map((cell) => cell.textContent)).to.deep.equal(['Until', 'Made', 'Completed', 'Failed']);
  });

  it('switches the window by pointer and by keyboard, saying which is pressed', async () => {
    const element = await render();
    const [hour, day] = [...inside(element).querySelectorAll<HTMLButtonElement>('.windows button')];
    expect(day!.getAttribute('aria-pressed')).to.equal('true');
    const start = api.calls.length;
    hour!.click();
    await until(() => api.calls.slice(start).some((call) => call.endsWith('activity?window=1h')), 'the hour');
    await until(() => hour!.getAttribute('aria-pressed') === 'true', 'the pressed state');
    day!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => day!.getAttribute('aria-pressed') === 'true', 'the day again');
  });

  it('says when the engine recorded no history of the queue', async () => {
    api.handler = (path, url, request) => (path.includes('/activity')
      ? { body: { queue: 'email-send', window: '24h', from: new Date().toISOString(), to: new Date().toISOString(), bucketSeconds: 1800, points: [], recorded: false } }
      : answer(path, url, request));
    try {
      const element = await render();
      expect(inside(element).querySelector('.empty strong')!.textContent).to.equal('No history of this queue');
    } finally {
      api.handler = answer;
    }
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await render();
    await documented.check();
  });
});
