import { html, type TemplateResult } from 'lit';
import type { JobFamilyResponse } from '../../core/vocabulary/wire.ts';
import { routes, type Route } from '../router/routes.ts';
import { formatCount, shortId } from '../shared/format.ts';

type Outcome = JobFamilyResponse['children']['sample'][number]['outcome'];

/** How a child stands, in words, and the state colours that go with it. */
const OUTCOMES: Readonly<Record<Outcome, { readonly label: string; readonly colours: string }>> = Object.freeze({
  pending: { label: 'Pending', colours: 'state-queued' },
  processed: { label: 'Processed', colours: 'state-completed' },
  failed: { label: 'Failed', colours: 'state-failed' },
});

/**
 * The flow a job belongs to: the job waiting on it, then the jobs it waits on, counted by how they
 * stand, and the few the engine named, each a link to its own page (with its queue, when not `queue`).
 */
export function familyCard(family: JobFamilyResponse, queue: string, href: (route: Route) => string): TemplateResult {
  const { parent, children } = family;
  const total = children.pending + children.processed + children.failed;
  const link = (queue: string, id: string, current: string) =>
    html`<a href=${href(routes.job(queue, id))} title=${`${queue} / ${id}`} aria-label="Job ${id} in ${queue}${current}"><span class="mono">${shortId(id)}</span></a>`;
  return html`<section part="family" class="card family" aria-labelledby="family-h">
    <h2 id="family-h">Flow</h2>
    <dl class="family-facts">
      <div>
        <dt>Parent</dt>
        <dd>${parent ? html`${link(parent.queue, parent.id, '')} <span class="muted">in ${parent.queue}</span>` : html`<span class="muted">None</span>`}</dd>
      </div>
      <div>
        <dt>Children</dt>
        <dd>
          ${total === 0
            ? html`<span class="muted">None</span>`
            : html`<ul class="child-counts" aria-label="Children by outcome">
                ${(['pending', 'processed', 'failed'] as const).map(
                  (outcome) => html`<li class=${children[outcome] > 0 ? OUTCOMES[outcome].colours : 'none'}>
                    <span class="num">${formatCount(children[outcome])}</span> ${OUTCOMES[outcome].label.toLowerCase()}
                  </li>`,
                )}
              </ul>`}
        </dd>
      </div>
    </dl>
    ${children.sample.length > 0
      ? html`<ul class="children" aria-label="Children">
            ${children.sample.map(
              (child) => html`<li>
                ${link(child.queue, child.id, `, ${OUTCOMES[child.outcome].label.toLowerCase()}`)}
                ${child.queue === queue ? '' : html`<span class="muted child-queue">${child.queue}</span>`}
                <span class="child-outcome ${OUTCOMES[child.outcome].colours}" aria-hidden="true">${OUTCOMES[child.outcome].label}</span>
              </li>`,
            )}
          </ul>
          ${children.sample.length < total
            ? html`<p class="muted sample-note">Showing ${formatCount(children.sample.length)} of ${formatCount(total)} children.</p>`
            : ''}`
      : ''}
  </section>`;
}
