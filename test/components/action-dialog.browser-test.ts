// <ops-jobs-action-dialog> on its own, driven by the keyboard: Escape over a written reason asks
// before discarding it. The API is a stand-in that answers a preview, since the dialog's own
// behaviour is under test here; test/elements/actions.test.ts runs it against a real server.
/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PreviewResponse } from '../../core/vocabulary/wire.ts';
import { OpsJobsActionDialog } from '../../elements/action-dialog/action-dialog.ts';
import type { ApiClient } from '../../elements/api/api-client.ts';
import { OpsJobsStateBadge } from '../../elements/state-badge/state-badge.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-action-dialog', OpsJobsActionDialog);
customElements.define('ops-jobs-state-badge', OpsJobsStateBadge);

const PREVIEW: PreviewResponse = {
  token: 'preview-token',
  expiresAt: '2030-01-01T12:00:00Z',
  action: 'job.retry',
  queue: 'email.send',
  count: 1,
  sample: [],
  warnings: [],
};

const previewingApi = { preview: async () => PREVIEW } as unknown as ApiClient;

const documented = new DocumentedParts('elements/action-dialog/action-dialog.ts');
const inside = (element: OpsJobsActionDialog) => {
  documented.see(element);
  return element.shadowRoot!;
};
const focused = (element: OpsJobsActionDialog) => inside(element).activeElement as HTMLElement | null;

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Opens the dialog on a retry and goes on to the reason, where the text area has focus. */
async function atReason(): Promise<OpsJobsActionDialog> {
  const element = await fixture<OpsJobsActionDialog>(html`<ops-jobs-action-dialog reason-min-length="8" .api=${previewingApi}></ops-jobs-action-dialog>`);
  await element.show({ action: 'job.retry', target: { queue: 'email.send', ids: ['1'] }, subject: 'job 1' });
  await until(() => [...inside(element).querySelectorAll('button')].some((button) => button.textContent?.includes('Continue')));
  [...inside(element).querySelectorAll('button')].find((button) => button.textContent?.includes('Continue'))!.click();
  await until(() => focused(element)?.localName === 'textarea');
  return element;
}

describe('<ops-jobs-action-dialog>', () => {
  it('closes on Escape at once when no reason has been written', async () => {
    const element = await atReason();
    const closed = oneEvent(element, 'ops-jobs-action-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(element.open).to.equal(false);
  });

  it('asks before Escape discards a written reason; "Keep writing" returns to it intact', async () => {
    const element = await atReason();
    await sendKeys({ type: 'Provider outage is over' });
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.open).to.equal(true);
    const question = inside(element).querySelector<HTMLElement>('.discard')!;
    expect(question.textContent).to.contain('Discard the reason you wrote?');
    expect(focused(element)?.textContent?.trim()).to.equal('Keep writing');
    await expect(element).shadowDom.to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(inside(element).querySelector('.discard')).to.equal(null);
    expect(focused(element)?.localName).to.equal('textarea');
    expect((focused(element) as HTMLTextAreaElement).value).to.equal('Provider outage is over');
  });

  it('discards the reason and closes on a second Escape, or on "Discard and close"', async () => {
    const element = await atReason();
    await sendKeys({ type: 'Provider outage is over' });
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.open).to.equal(true);
    let closed = oneEvent(element, 'ops-jobs-action-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(element.open).to.equal(false);

    const again = await atReason();
    await sendKeys({ type: 'Another reason' });
    await sendKeys({ press: 'Escape' });
    await again.updateComplete;
    closed = oneEvent(again, 'ops-jobs-action-close');
    await sendKeys({ press: 'Tab' });
    expect(focused(again)?.textContent?.trim()).to.equal('Discard and close');
    await sendKeys({ press: 'Enter' });
    await closed;
    expect(again.open).to.equal(false);
  });

  it('offers Ctrl+Enter only where there is a keyboard to press it', async () => {
    const element = await atReason();
    const hint = inside(element).querySelector<HTMLElement>('.kbd-hint')!;
    expect(hint.textContent).to.contain('Ctrl+Enter confirms');
    const shown = getComputedStyle(hint).display !== 'none';
    expect(shown).to.equal(!matchMedia('(max-width: 560px), (hover: none), (pointer: coarse)').matches);
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
