// <ops-jobs-relative-time> on its own: a relative time never stands without the exact one, and
// every exact time names its time zone.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { formatExact } from '../../elements/shared/format.ts';
import { OpsJobsRelativeTime } from '../../elements/time/relative-time.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-relative-time', OpsJobsRelativeTime);

const documented = new DocumentedParts('elements/time/relative-time.ts');
const timeOf = (element: OpsJobsRelativeTime) => {
  documented.see(element);
  return element.shadowRoot!.querySelector<HTMLTimeElement>('time')!;
};
const zone = (date: Date) => new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(date).find((part) => part.type === 'timeZoneName')!.value;

describe('<ops-jobs-relative-time>', () => {
  it('shows "ago" and keeps the exact time, with its zone, in the text read out and the tooltip', async () => {
    const at = new Date(Date.now() - 5 * 60_000);
    const element = await fixture<OpsJobsRelativeTime>(html`<ops-jobs-relative-time datetime=${at.toISOString()}></ops-jobs-relative-time>`);
    const time = timeOf(element);
    expect(time.dateTime).to.equal(at.toISOString());
    const hidden = time.querySelector<HTMLElement>('.exact')!;
    expect(time.textContent!.replace(hidden.textContent!, '')).to.equal('5m ago');
    expect(hidden.getBoundingClientRect().width).to.be.at.most(1, 'the exact time is read out, not shown');
    expect(time.textContent).to.equal(`5m ago, ${formatExact(at)}`);
    expect(time.textContent).to.contain(zone(at));
    expect(time.title).to.equal(formatExact(at));
    await expect(element).shadowDom.to.be.accessible();
  });

  it('shows the exact time, or both side by side, or stacked', async () => {
    const at = new Date('2026-11-27T09:05:03Z');
    const exact = await fixture<OpsJobsRelativeTime>(html`<ops-jobs-relative-time datetime=${at.toISOString()} format="exact"></ops-jobs-relative-time>`);
    expect(timeOf(exact).textContent).to.equal(formatExact(at));
    expect(timeOf(exact).textContent).to.match(/2026/);

    const both = await fixture<OpsJobsRelativeTime>(html`<ops-jobs-relative-time datetime=${at.toISOString()} format="both"></ops-jobs-relative-time>`);
    const relative = both.shadowRoot!.querySelector<HTMLElement>('[part="relative"]')!;
    expect(timeOf(both).textContent).to.equal(formatExact(at));
    expect(relative.innerText).to.match(/^ · .+/);
    expect(relative.getBoundingClientRect().top).to.equal(timeOf(both).getBoundingClientRect().top);

    both.stacked = true;
    await both.updateComplete;
    expect(relative.innerText).to.not.contain('·');
    expect(relative.getBoundingClientRect().top).to.be.above(timeOf(both).getBoundingClientRect().top);
  });

  it('shows the placeholder for no time or an unreadable one', async () => {
    const element = await fixture<OpsJobsRelativeTime>(html`<ops-jobs-relative-time datetime="soon" placeholder="not yet"></ops-jobs-relative-time>`);
    expect(element.shadowRoot!.querySelector('time')).to.equal(null);
    expect(element.shadowRoot!.textContent?.trim()).to.equal('not yet');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
