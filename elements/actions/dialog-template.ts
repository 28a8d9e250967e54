import { html, type TemplateResult } from 'lit';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import type { AuditLinks } from '../action-dialog/action-dialog.ts';
import type { ActionRequest } from './action-request.ts';
import type { ApiClient } from '../api/api-client.ts';
import { ensureDefined } from '../lazy-elements.ts';
import { routes, type Route } from '../router/routes.ts';
import { alertIcon } from '../shared/icons.ts';
import { ACTION_ORDER, QUEUE_ACTION_ORDER } from './action-copy.ts';
import { msg } from '../shared/locale.ts';

/**
 * The action dialog as a view renders it: with the view's client, the session's reason minimum,
 * and links into the audit log when the operator may read it. Nothing without a session. The
 * dialog's code loads when it is first opened (`ensureDefined`); a view offering actions starts
 * that load once it has rendered, so the first click does not wait for it.
 */
export function actionDialogFor(session: SessionResponse | undefined, api: ApiClient, href: (route: Route) => string): TemplateResult | string {
  if (!session) return '';
  if ([...ACTION_ORDER, ...QUEUE_ACTION_ORDER].some((action) => session.permissions[action])) setTimeout(() => void ensureDefined('ops-jobs-action-dialog').catch(() => {}), 0);
  const links: AuditLinks | null = session.permissions['audit.view']
    ? { record: (id) => href(routes.auditRecord(id)), log: (filter) => href(routes.audit(filter)) }
    : null;
  return html`<ops-jobs-action-dialog .api=${api} reason-min-length=${session.limits.reasonMinLength} .auditLinks=${links} .queueSettings=${session.engine.queueSettings ?? []}></ops-jobs-action-dialog>`;
}

/**
 * Opens the dialog rendered in `root` on `request`, loading its code first. Resolves false when
 * that code could not be loaded (the view then shows {@link dialogLoadError}); asking again retries.
 */
export async function openActionDialog(root: ParentNode, request: ActionRequest): Promise<boolean> {
  try {
    await ensureDefined('ops-jobs-action-dialog');
  } catch {
    return false;
  }
  await root.querySelector('ops-jobs-action-dialog')?.show(request);
  return true;
}

/** What a view says when the dialog could not be loaded. */
export function dialogLoadError(failed: boolean): TemplateResult | string {
  return failed
    ? html`<p class="denied-notes" role="alert">${alertIcon} ${msg('The action could not be opened: the console could not reach the server. Try again.')}</p>`
    : '';
}
