// <ops-jobs-job-error> on its own: the headline, the first stack lines, "Show all", and an error
// the server cut to the first lines of its stack, loaded whole on request.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OpsJobsCopyButton } from '../../elements/copy-button/copy-button.ts';
import { OpsJobsJobError } from '../../elements/job-error/job-error.ts';
import { OpsJobsJsonViewer } from '../../elements/json-viewer/json-viewer.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-job-error', OpsJobsJobError);
customElements.define('ops-jobs-json-viewer', OpsJobsJsonViewer);
customElements.define('ops-jobs-copy-button', OpsJobsCopyButton);

const documented = new DocumentedParts('elements/job-error/job-error.ts');
const part = (element: HTMLElement, name: string) => {
  documented.see(element);
  return element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
};
const frames = (count: number) => Array.from({ length: count }, (_, index) => (index % 10 < 5 ? `    at app${index} (/srv/app/src/a.ts:${index}:1)` : `    at lib${index} (/srv/app/node_modules/x/index.js:${index}:1)`));
const error = (count: number) => ({ name: 'TypeError', message: 'x is undefined', stack: ['TypeError: x is undefined', ...frames(count)].join('\n') });

describe('<ops-jobs-job-error>', () => {
  it('shows the headline and the first 60 stack lines, dimming library frames, and "Show all" the rest', async () => {
    const element = await fixture<OpsJobsJobError>(html`<ops-jobs-job-error .error=${{ value: error(500) }}></ops-jobs-job-error>`);
    expect(part(element, 'headline')!.textContent).to.equal('TypeError: x is undefined');
    const lines = () => part(element, 'stack')!.textContent!.split('\n');
    expect(lines()).to.have.length(60);
    expect(part(element, 'stack')!.querySelectorAll('span.lib')).to.have.length(6);
    const all = part(element, 'all')!;
    expect(all.textContent!.trim()).to.equal('Show all 500 lines');
    all.click();
    await element.updateComplete;
    expect(lines()).to.have.length(500);
    expect(lines()[499]).to.equal(frames(500)[499]);
    // One node per run of frames of one kind, not one per line.
    expect(part(element, 'stack')!.querySelectorAll('span')).to.have.length(100);
    expect(part(element, 'all')).to.equal(null);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('says an error was cut and loads it whole on request', async () => {
    const whole = error(10_000);
    const cut = { value: { ...whole, stack: whole.stack.split('\n').slice(0, 400).join('\n') }, cut: { bytes: 640_000, stackLines: 10_001 } };
    const asked: AbortSignal[] = [];
    const loadWhole = async (signal: AbortSignal) => {
      asked.push(signal);
      return { value: whole };
    };
    const element = await fixture<OpsJobsJobError>(html`<ops-jobs-job-error .error=${cut} .loadWhole=${loadWhole}></ops-jobs-job-error>`);
    expect(element.shadowRoot!.textContent).to.match(/The stack has 10,001 lines \(640 kB with the error\); only its first were sent\./);
    expect(part(element, 'all')!.textContent!.trim()).to.equal('Show all 399 lines');
    part(element, 'load')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(asked).to.have.length(1);
    expect(part(element, 'load')).to.equal(null);
    expect(part(element, 'all')!.textContent!.trim()).to.equal('Show all 10,000 lines');
    part(element, 'all')!.click();
    await element.updateComplete;
    expect(part(element, 'stack')!.textContent!.split('\n')).to.have.length(10_000);
  });

  it('"Show all" pressed from the keyboard hands focus to the stack it revealed', async () => {
    const element = await fixture<OpsJobsJobError>(html`<ops-jobs-job-error .error=${{ value: error(200) }}></ops-jobs-job-error>`);
    part(element, 'stack')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'all'));
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await element.updateComplete;
    expect(part(element, 'all')).to.equal(null);
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'stack'));
    expect(part(element, 'stack')!.textContent!.split('\n')).to.have.length(200);
  });

  it('hands a hidden error to the JSON viewer, which says so', async () => {
    const element = await fixture<OpsJobsJobError>(html`<ops-jobs-job-error .error=${{ hidden: true }}></ops-jobs-job-error>`);
    const viewer = element.shadowRoot!.querySelector<OpsJobsJsonViewer>('ops-jobs-json-viewer')!;
    await viewer.updateComplete;
    expect(part(viewer, 'notice')!.textContent).to.contain('Hidden by display policy');
    expect(part(element, 'headline')).to.equal(null);
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
