// <ops-jobs-json-viewer> on its own: a value as the display policy lets it through, and a large one
// rendered a step at a time, driven by the keyboard.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OpsJobsCopyButton } from '../../elements/copy-button/copy-button.ts';
import { OpsJobsJsonViewer } from '../../elements/json-viewer/json-viewer.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-json-viewer', OpsJobsJsonViewer);
customElements.define('ops-jobs-copy-button', OpsJobsCopyButton);

const documented = new DocumentedParts('elements/json-viewer/json-viewer.ts');
const part = (element: HTMLElement, name: string) => {
  documented.see(element);
  return element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
};

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

describe('<ops-jobs-json-viewer> with a value too large to send whole', () => {
  const preview = JSON.stringify({ rows: Array.from({ length: 2000 }, (_, index) => ({ index })) }).slice(0, 4000);

  it('shows the preview and its size, and no load button without a loader', async () => {
    const element = await fixture<OpsJobsJsonViewer>(html`<ops-jobs-json-viewer .shown=${{ truncated: true, bytes: 5_242_880, preview }}></ops-jobs-json-viewer>`);
    expect(part(element, 'notice')!.textContent).to.match(/Too large to send whole\s+\(5\.2 MB\)\. Showing its first 4,000 characters\./);
    expect(part(element, 'code')!.textContent).to.equal(`${preview} …`);
    expect(part(element, 'load')).to.equal(null);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('"Load the whole value" fetches it once and shows it a step at a time, with "Show all" below a million characters', async () => {
    const whole = Array.from({ length: 3000 }, (_, index) => `line ${index} ${'x'.repeat(20)}`);
    let calls = 0;
    let release!: () => void;
    const loadWhole = (signal: AbortSignal) => {
      calls++;
      expect(signal.aborted).to.equal(false);
      return new Promise<{ value: unknown }>((resolve) => (release = () => resolve({ value: whole })));
    };
    const element = await fixture<OpsJobsJsonViewer>(html`<ops-jobs-json-viewer .shown=${{ truncated: true, bytes: 5_242_880, preview }} .loadWhole=${loadWhole}></ops-jobs-json-viewer>`);
    const load = part(element, 'load')!;
    expect(load.textContent!.trim()).to.equal('Load the whole value (5.2 MB)');
    load.click();
    await element.updateComplete;
    expect(part(element, 'load')!.textContent!.trim()).to.equal('Loading…');
    expect(part(element, 'load')!.getAttribute('aria-disabled')).to.equal('true');
    part(element, 'load')!.click();
    expect(calls).to.equal(1);
    release();
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(part(element, 'notice')).to.equal(null);
    const text = JSON.stringify(whole, null, 2);
    const shown = () => part(element, 'code')!.textContent!.replace(/ …$/, '');
    expect(text.startsWith(shown())).to.equal(true);
    expect(shown().length).to.be.below(text.length);
    part(element, 'all')!.click();
    await element.updateComplete;
    expect(shown()).to.equal(text);
    expect(part(element, 'more')).to.equal(null);
    expect(part(element, 'all')).to.equal(null);
  });

  it('says so when the whole value cannot be loaded, and lets the operator try again', async () => {
    let fail = true;
    const loadWhole = async () => {
      if (fail) throw new Error('offline');
      return { value: { ok: true } };
    };
    const element = await fixture<OpsJobsJsonViewer>(html`<ops-jobs-json-viewer .shown=${{ truncated: true, bytes: 300_000, preview }} .loadWhole=${loadWhole}></ops-jobs-json-viewer>`);
    part(element, 'load')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Could not load the whole value. Try again.');
    fail = false;
    part(element, 'load')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(part(element, 'code')!.textContent).to.equal('{\n  "ok": true\n}');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
