import { html, type TemplateResult } from 'lit';
import type { SessionResponse } from '../../core/http/wire.ts';
import type { AuditLinks } from '../action-dialog/action-dialog.ts';
import type { ApiClient } from '../api/api-client.ts';
import { routes, type Route } from '../router/routes.ts';

/**
 * The action dialog as a view renders it: with the view's client, the session's reason minimum,
 * and links into the audit log when the operator may read it. Nothing without a session.
 */
export function actionDialogFor(session: SessionResponse | undefined, api: ApiClient, href: (route: Route) => string): TemplateResult | string {
  if (!session) return '';
  const links: AuditLinks | null = session.permissions['audit.view']
    ? { record: (id) => href(routes.auditRecord(id)), log: (filter) => href(routes.audit(filter)) }
    : null;
  return html`<ops-jobs-action-dialog .api=${api} reason-min-length=${session.limits.reasonMinLength} .auditLinks=${links}></ops-jobs-action-dialog>`;
}
