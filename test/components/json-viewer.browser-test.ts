// <ops-jobs-json-viewer> on its own: a value as the display policy lets it through, and a large one
// rendered a step at a time, driven by the keyboard.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OpsJobsCopyButton } from '../../elements/copy-button/copy-button.ts';
import { OpsJobsJsonViewer } from '../../elements/json-viewer/json-viewer.ts';

customElements.define('ops-jobs-json-viewer', OpsJobsJsonViewer);
customElements.define('ops-jobs-copy-button', OpsJobsCopyButton);

const part = (element: HTMLElement, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

describe('<ops-jobs-json-viewer>', () => {
  it('pretty-prints a value in a focusable, labelled region', async () => {
    const element = await fixture<OpsJobsJsonViewer>(html`<ops-jobs-json-viewer label="Data" .shown=${{ value: { invoice: 'inv-42', amount: 1200 } }}></ops-jobs-json-viewer>`);
    const code = part(element, 'code')!;
    expect(code.textContent).to.equal('{\n  "invoice": "inv-42",\n  "amount": 1200\n}');
    expect(code.getAttribute('role')).to.equal('region');
    expect(code.getAttribute('aria-label')).to.equal('Data');
    expect(code.tabIndex).to.equal(0);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('says a hidden value is hidden by the display policy, and shows nothing of it', async () => {
    const element = await fixture<OpsJobsJsonViewer>(html`<ops-jobs-json-viewer .shown=${{ hidden: true }}></ops-jobs-json-viewer>`);
    expect(part(element, 'notice')!.textContent).to.contain('Hidden by display policy');
    expect(part(element, 'code')).to.equal(null);
  });

  it('renders a large value a step at a time: "Show more", reached by Tab and pressed with Enter, adds the next step', async () => {
    const lines = Array.from({ length: 3000 }, (_, index) => `line ${index} ${'x'.repeat(20)}`);
    const element = await fixture<OpsJobsJsonViewer>(html`<ops-jobs-json-viewer .shown=${{ value: lines }}></ops-jobs-json-viewer>`);
    const shownChars = () => part(element, 'code')!.textContent!.length;
    const first = shownChars();
    expect(first).to.be.below(JSON.stringify(lines, null, 2).length);
    const more = part(element, 'more')!;
    expect(more.textContent).to.match(/Show more \([\d,]+ more lines\)/);
    part(element, 'code')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(more);
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(shownChars()).to.be.above(first);
  });
});
