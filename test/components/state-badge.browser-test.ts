// <ops-jobs-state-badge> on its own: what it says for each state, its part, and what it reflects.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { OpsJobsStateBadge } from '../../elements/state-badge/state-badge.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-state-badge', OpsJobsStateBadge);

const documented = new DocumentedParts('elements/state-badge/state-badge.ts');
const badgeOf = (element: OpsJobsStateBadge) => {
  documented.see(element);
  return element.shadowRoot!.querySelector<HTMLElement>('[part="badge"]')!;
};

describe('<ops-jobs-state-badge>', () => {
  it('names a known state, explains it in its title, and colours it by state', async () => {
    const element = await fixture<OpsJobsStateBadge>(html`<ops-jobs-state-badge state="failed"></ops-jobs-state-badge>`);
    const badge = badgeOf(element);
    expect(badge.textContent?.trim()).to.equal('Failed');
    expect(badge.title).to.not.equal('');
    expect(badge.classList.contains('state-failed')).to.equal(true);
    expect(getComputedStyle(badge.querySelector('.dot')!).backgroundColor).to.not.equal(getComputedStyle(badge).color);
  });

  it('follows its state attribute and reflects the property back', async () => {
    const element = await fixture<OpsJobsStateBadge>(html`<ops-jobs-state-badge state="queued"></ops-jobs-state-badge>`);
    element.state = 'active';
    await element.updateComplete;
    expect(element.getAttribute('state')).to.equal('active');
    expect(badgeOf(element).textContent?.trim()).to.equal('Active');
    element.setAttribute('state', 'completed');
    await element.updateComplete;
    expect(badgeOf(element).textContent?.trim()).to.equal('Completed');
  });

  it('shows an unknown state as written, neutral and without a made-up meaning', async () => {
    const element = await fixture<OpsJobsStateBadge>(html`<ops-jobs-state-badge state="waiting-children"></ops-jobs-state-badge>`);
    const badge = badgeOf(element);
    expect(badge.textContent?.trim()).to.equal('waiting-children');
    expect(badge.title).to.equal('');
    expect(badge.classList.contains('state-cancelled')).to.equal(true);
  });

  it('is styleable from outside through its part', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>ops-jobs-state-badge::part(badge) { outline: 3px solid rgb(1, 2, 3); }</style><ops-jobs-state-badge state="failed"></ops-jobs-state-badge></div>`);
    const element = host.querySelector<OpsJobsStateBadge>('ops-jobs-state-badge')!;
    await element.updateComplete;
    expect(getComputedStyle(badgeOf(element)).outlineColor).to.equal('rgb(1, 2, 3)');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
