// <ops-jobs-problem> on its own: what it says for each kind of failure, "Try again" by pointer
// and keyboard dispatching ops-jobs-reload, the sign-in link, its slot, parts and properties.
/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ApiError } from '../../elements/api/api-error.ts';
import { OpsJobsProblem } from '../../elements/problem/problem.ts';
import { DocumentedParts } from './support/element-docs.ts';

customElements.define('ops-jobs-problem', OpsJobsProblem);

const documented = new DocumentedParts('elements/problem/problem.ts');

const part = (element: OpsJobsProblem, name: string) => {
  documented.see(element);
  return element.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
};
const heading = (element: OpsJobsProblem) => element.shadowRoot!.querySelector('h2')!.textContent!.trim();

describe('<ops-jobs-problem>', () => {
  it('names what is missing on a 404, and offers no retry that cannot help', async () => {
    const error = new ApiError(404, 'about:blank', 'Not found', '');
    const element = await fixture<OpsJobsProblem>(html`<ops-jobs-problem subject="job" .error=${error}></ops-jobs-problem>`);
    expect(heading(element)).to.equal('No such job');
    expect(part(element, 'problem')!.getAttribute('role')).to.equal('alert');
    expect(part(element, 'problem')!.classList.contains('bad')).to.equal(false);
    expect(part(element, 'retry')).to.equal(null);
    expect(element.shadowRoot!.textContent).to.contain('HTTP 404');
  });

  it('"Try again" after a server error dispatches ops-jobs-reload, by pointer and by keyboard', async () => {
    const error = new ApiError(503, 'about:blank', 'Service unavailable', 'The engine did not answer.');
    const element = await fixture<OpsJobsProblem>(html`<ops-jobs-problem .error=${error}></ops-jobs-problem>`);
    expect(heading(element)).to.equal('Service unavailable');
    expect(part(element, 'problem')!.classList.contains('bad')).to.equal(true);
    const retry = part(element, 'retry')!;
    let reload = oneEvent(element, 'ops-jobs-reload');
    retry.click();
    const event = await reload;
    expect(event.bubbles && event.composed).to.equal(true, 'it reaches the view around the problem');

    reload = oneEvent(element, 'ops-jobs-reload');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await reload;
  });

  it('links the host sign-in page on a 401 that names one', async () => {
    const error = new ApiError(401, 'about:blank', 'Unauthorized', '', null, 'https://example.test/login');
    const element = await fixture<OpsJobsProblem>(html`<ops-jobs-problem .error=${error}></ops-jobs-problem>`);
    expect(heading(element)).to.equal('You are signed out');
    const signIn = part(element, 'sign-in') as HTMLAnchorElement;
    expect(signIn.href).to.equal('https://example.test/login');
    expect(signIn.textContent?.trim()).to.equal('Sign in');
    const without = await fixture<OpsJobsProblem>(html`<ops-jobs-problem .error=${new ApiError(401, 'about:blank', 'Unauthorized', '')}></ops-jobs-problem>`);
    expect(part(without, 'sign-in')).to.equal(null);
  });

  it('says why access is refused on a 403, with the host reason', async () => {
    const error = new ApiError(403, 'about:blank', 'Forbidden', 'Only the payments team sees this queue.');
    const element = await fixture<OpsJobsProblem>(html`<ops-jobs-problem .error=${error}></ops-jobs-problem>`);
    expect(heading(element)).to.equal('You are not allowed to see this');
    expect(element.shadowRoot!.querySelector('p')!.textContent).to.contain('Only the payments team sees this queue.');
    expect(part(element, 'retry')).to.equal(null);
  });

  it('shows links given in its actions slot', async () => {
    const element = await fixture<OpsJobsProblem>(html`<ops-jobs-problem .error=${new Error('boom')}><a slot="actions" href="#queues">All queues</a></ops-jobs-problem>`);
    expect(heading(element)).to.equal('Something went wrong');
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="actions"]')!;
    expect(slot.assignedElements().map((link) => link.textContent)).to.deep.equal(['All queues']);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('takes its margin from --ops-jobs-problem-margin and is styleable through its parts', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><style>
      ops-jobs-problem { --ops-jobs-problem-margin: 17px; }
      ops-jobs-problem::part(retry) { outline: 3px solid rgb(7, 8, 9); }
    </style><ops-jobs-problem .error=${new Error('boom')}></ops-jobs-problem></div>`);
    const element = host.querySelector<OpsJobsProblem>('ops-jobs-problem')!;
    await element.updateComplete;
    expect(getComputedStyle(part(element, 'problem')!).marginTop).to.equal('17px');
    expect(getComputedStyle(part(element, 'retry')!).outlineColor).to.equal('rgb(7, 8, 9)');
  });

  it('renders the parts and reads the custom properties its documentation lists', async () => {
    await documented.check();
  });
});
