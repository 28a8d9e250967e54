import type { Check } from '../context.ts';
import { failure, passed } from '../finding.ts';
import { rowLabel } from '../permissions-table.ts';

/** The roles the config calls read-only may not preview or execute any action on jobs. */
export const checkReadOnly: Check = async ({ config, permissions }) => {
  const readOnly = config?.readOnly ?? [];
  if (readOnly.length === 0 || !permissions) return [];
  const unknown = readOnly.filter((role) => !permissions.roles.includes(role));
  if (unknown.length > 0) {
    return [failure('permissions.read-only', `Read-only roles without a sample operator: ${unknown.join(', ')}`,
      'The config lists them under readOnly, but not under roles, so they cannot be checked.', 'Add a sample operator for each of them to `roles`.')];
  }
  const changes = permissions.rows.filter((row) => row.phase !== null);
  const open = readOnly.flatMap((role) => changes.filter((row) => row.decisions[role]?.allow).map((row) => `${role}: ${rowLabel(row)}`));
  if (open.length > 0) {
    return [failure('permissions.read-only', 'A read-only role may change jobs', `Allowed: ${open.join('; ')}.`,
      'Deny the actions on jobs (job.*) to these roles in authorize, or take them out of `readOnly` in the config if they should act.')];
  }
  return [passed('permissions.read-only', `Read-only roles change nothing: ${readOnly.join(', ')}`, 'authorize denies them every action on jobs, in both phases.')];
};
