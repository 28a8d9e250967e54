import { css, html, type TemplateResult } from 'lit';
import { msg } from './locale.ts';

/** Styles of the job id form, for the views that hold one. */
export const jobIdFormStyles = css`
  form.find {
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  form.find input {
    width: min(17rem, 52vw);
    font-family: var(--_mono);
    font-size: 0.8125rem;
  }
  /* Narrow: the form takes a row of its own under the heading. */
  @container (max-width: 560px) {
    .head:has(form.find) {
      flex-wrap: wrap;
    }
    .head:has(form.find) .tools {
      flex: 1 0 100%;
    }
    form.find {
      flex: 1;
    }
    form.find input {
      flex: 1;
      width: auto;
      min-width: 0;
    }
  }
`;

/**
 * A search form for a job by its id (an id from a log or an alert, whatever its queue): whole or its
 * first characters when `byPrefix`, whole otherwise. `onFind` gets what was typed, trimmed.
 */
export function jobIdForm(value: string, onFind: (id: string) => void, inputId = 'find-job-id', byPrefix = true): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = String(new FormData(event.target as HTMLFormElement).get('id') ?? '').trim();
    if (typed) onFind(typed);
  };
  return html`<form class="find" role="search" aria-label=${msg('Find a job by id')} @submit=${submit}>
    <label class="visually-hidden" for=${inputId}>${msg('Job id')}</label>
    <input id=${inputId} name="id" type="search" .value=${value} placeholder=${msg('Find a job by id')}
      autocomplete="off" spellcheck="false" required minlength=${byPrefix ? 4 : 1} maxlength="64" />
    <button type="submit">${msg('Find')}</button>
  </form>`;
}
