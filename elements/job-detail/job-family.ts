import { html, type TemplateResult } from 'lit';
import type { JobFamilyResponse } from '../../core/vocabulary/wire.ts';
import { routes, type Route } from '../router/routes.ts';
import { formatCount, shortId } from '../shared/format.ts';
import { msg, plural } from '../shared/locale.ts';

type Outcome = JobFamilyResponse['children']['sample'][number]['outcome'];

/** The state colours of how a child stands. */
const COLOURS: Readonly<Record<Outcome, string>> = Object.freeze({ pending: 'state-queued', processed: 'state-completed', failed: 'state-failed' });

/** How a child stands, as a label ("Pending") and as a word in a sentence ("pending"). */
function outcomeWords(outcome: Outcome): { readonly label: string; readonly word: string } {
  return {
    pending: { label: msg('Pending'), word: msg('pending') },
    processed: { label: msg('Processed'), word: msg('processed') },
    failed: { label: msg('Failed'), word: msg('failed') },
  }[outcome];
}

/**
 * The flow a job belongs to: the job waiting on it, then the jobs it waits on, counted by how they
 * stand, and the few the engine named, each a link to its own page (with its queue, when not `queue`).
 */
export function familyCard(family: JobFamilyResponse, queue: string, href: (route: Route) => string): TemplateResult {
  const { parent, children } = family;
  const total = children.pending + children.processed + children.failed;
  const link = (queue: string, id: string, current: string) =>
    html`<a href=${href(routes.job(queue, id))} title=${`${queue} / ${id}`} aria-label=${`${msg('Job {id} in {queue}', { id, queue })}${current}`}><span class="mono">${shortId(id)}</span></a>`;
  return html`<section part="family" class="card family" aria-labelledby="family-h">
    <h2 id="family-h">${msg('Flow')}</h2>
    <dl class="family-facts">
      <div>
        <dt>${msg('Parent')}</dt>
        <dd>${parent ? html`${link(parent.queue, parent.id, '')} <span class="muted">${msg('in {queue}', { queue: parent.queue })}</span>` : html`<span class="muted">${msg('None')}</span>`}</dd>
      </div>
      <div>
        <dt>${msg('Children')}</dt>
        <dd>
          ${total === 0
            ? html`<span class="muted">${msg('None')}</span>`
            : html`<ul class="child-counts" aria-label=${msg('Children by outcome')}>
                ${(['pending', 'processed', 'failed'] as const).map(
                  (outcome) => html`<li class=${children[outcome] > 0 ? COLOURS[outcome] : 'none'}>
                    <span class="num">${formatCount(children[outcome])}</span> ${outcomeWords(outcome).word}
                  </li>`,
                )}
              </ul>`}
        </dd>
      </div>
    </dl>
    ${children.sample.length > 0
      ? html`<ul class="children" aria-label=${msg('Children')}>
            ${children.sample.map(
              (child) => html`<li>
                ${link(child.queue, child.id, `, ${outcomeWords(child.outcome).word}`)}
                ${child.queue === queue ? '' : html`<span class="muted child-queue">${child.queue}</span>`}
                <span class="child-outcome ${COLOURS[child.outcome]}" aria-hidden="true">${outcomeWords(child.outcome).label}</span>
              </li>`,
            )}
          </ul>
          ${children.sample.length < total
            ? html`<p class="muted sample-note">${plural(total, 'Showing {shown} of {count} child.', 'Showing {shown} of {count} children.', { shown: formatCount(children.sample.length) })}</p>`
            : ''}`
      : ''}
  </section>`;
}
