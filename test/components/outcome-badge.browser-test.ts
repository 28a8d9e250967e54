// <ops-jobs-outcome-badge> on its own: how an audited action ended, and an open intent told apart.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { OpsJobsOutcomeBadge } from '../../elements/outcome-badge/outcome-badge.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-outcome-badge', OpsJobsOutcomeBadge);

const documented = new DocumentedParts('elements/outcome-badge/outcome-badge.ts');
const badgeOf = (element: OpsJobsOutcomeBadge) => {
  documented.see(element);
  return element.shadowRoot!.querySelector<HTMLElement>('[part="badge"]')!;
};

describe('<ops-jobs-outcome-badge>', () => {
  it('names each outcome and wears the colour of the state it resembles', async () => {
    for (const [outcome, label, colour] of [['succeeded', 'Succeeded', 'state-completed'], ['failed', 'Failed', 'state-failed'], ['already_used', 'Already used', 'state-cancelled']] as const) {
      const element = await fixture<OpsJobsOutcomeBadge>(html`<ops-jobs-outcome-badge outcome=${outcome}></ops-jobs-outcome-badge>`);
      const badge = badgeOf(element);
      expect(badge.textContent?.trim()).to.equal(label);
      expect(badge.classList.contains(colour)).to.equal(true, outcome);
      expect(badge.title).to.not.equal('');
    }
  });

  it('says an open intent is one, to screen readers too, and draws it hollow', async () => {
    const element = await fixture<OpsJobsOutcomeBadge>(html`<ops-jobs-outcome-badge outcome="pending"></ops-jobs-outcome-badge>`);
    const badge = badgeOf(element);
    expect(badge.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Pending: open intent');
    expect(badge.classList.contains('pending')).to.equal(true);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('shows an outcome it does not know as written, with no meaning made up', async () => {
    const element = await fixture<OpsJobsOutcomeBadge>(html`<ops-jobs-outcome-badge outcome="rolled-back"></ops-jobs-outcome-badge>`);
    expect(badgeOf(element).textContent?.trim()).to.equal('rolled-back');
    expect(badgeOf(element).title).to.equal('');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
