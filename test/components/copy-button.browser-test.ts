// <ops-jobs-copy-button> on its own: its name and text from attributes, copying by pointer and by
// keyboard with the result said politely, its part and the custom properties it reads.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OpsJobsCopyButton } from '../../elements/copy-button/copy-button.ts';
import { DocumentedParts } from './support/element-docs.ts';
import { until } from './support/fetch-stub.ts';

customElements.define('ops-jobs-copy-button', OpsJobsCopyButton);

const documented = new DocumentedParts('elements/copy-button/copy-button.ts');

const buttonOf = (element: OpsJobsCopyButton) => {
  documented.see(element);
  return element.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
};
const statusOf = (element: OpsJobsCopyButton) => element.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;

/** Records what is written to the clipboard, and can refuse it as a page without permission would. */
function watchClipboard(refuse = false): string[] {
  const written: string[] = [];
  Object.defineProperty(navigator.clipboard, 'writeText', {
    configurable: true,
    value: async (text: string) => {
      if (refuse) throw new DOMException('Write permission denied.', 'NotAllowedError');
      written.push(text);
    },
  });
  return written;
}

describe('<ops-jobs-copy-button>', () => {
  it('is named by its label and shows its text beside the icon', async () => {
    const element = await fixture<OpsJobsCopyButton>(html`<ops-jobs-copy-button value="job-42" label="Copy job id" text="Copy id"></ops-jobs-copy-button>`);
    const button = buttonOf(element);
    expect(button.getAttribute('aria-label')).to.equal('Copy job id');
    expect(button.title).to.equal('Copy job id');
    expect(button.textContent?.trim()).to.equal('Copy id');
    const plain = await fixture<OpsJobsCopyButton>(html`<ops-jobs-copy-button value="x"></ops-jobs-copy-button>`);
    expect(buttonOf(plain).getAttribute('aria-label')).to.equal('Copy');
    expect(buttonOf(plain).textContent?.trim()).to.equal('');
  });

  it('copies its value on a click and says "Copied" politely', async () => {
    const written = watchClipboard();
    const element = await fixture<OpsJobsCopyButton>(html`<ops-jobs-copy-button value="0190a2b4-job" text="Copy"></ops-jobs-copy-button>`);
    buttonOf(element).click();
    await until(() => statusOf(element).textContent === 'Copied', 'the status');
    expect(written).to.deep.equal(['0190a2b4-job']);
    expect(buttonOf(element).textContent?.trim()).to.equal('Copied');
    expect(buttonOf(element).querySelector('.done')).to.not.equal(null);
  });

  it('copies from the keyboard: Tab to it, then Enter or Space', async () => {
    const written = watchClipboard();
    const element = await fixture<OpsJobsCopyButton>(html`<div><button>before</button><ops-jobs-copy-button value="by-keyboard"></ops-jobs-copy-button></div>`);
    const copy = element.querySelector<OpsJobsCopyButton>('ops-jobs-copy-button')!;
    element.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(copy.shadowRoot!.activeElement).to.equal(buttonOf(copy));
    await sendKeys({ press: 'Enter' });
    await until(() => written.length === 1, 'the first copy');
    await sendKeys({ press: 'Space' });
    await until(() => written.length === 2, 'the second copy');
    expect(written).to.deep.equal(['by-keyboard', 'by-keyboard']);
  });

  it('says "Copy failed" when neither the clipboard nor the fallback will take it', async () => {
    watchClipboard(true);
    const exec = document.execCommand;
    document.execCommand = () => false;
    try {
      const element = await fixture<OpsJobsCopyButton>(html`<ops-jobs-copy-button value="nope" text="Copy"></ops-jobs-copy-button>`);
      buttonOf(element).click();
      await until(() => statusOf(element).textContent === 'Copy failed', 'the failure');
      expect(buttonOf(element).querySelector('.done')).to.equal(null);
    } finally {
      document.execCommand = exec;
    }
  });

  it('is styleable from outside through its part', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>ops-jobs-copy-button::part(button) { outline: 3px solid rgb(4, 5, 6); }</style><ops-jobs-copy-button value="x"></ops-jobs-copy-button></div>`);
    const element = host.querySelector<OpsJobsCopyButton>('ops-jobs-copy-button')!;
    await element.updateComplete;
    expect(getComputedStyle(buttonOf(element)).outlineColor).to.equal('rgb(4, 5, 6)');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
