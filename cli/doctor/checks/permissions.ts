import type { Check } from '../context.ts';
import { failure, passed, warning } from '../finding.ts';
import { rowLabel } from '../permissions-table.ts';

/** Every role got an answer from `authorize` for every action; the table itself is printed for review. */
export const checkPermissions: Check = async ({ config, permissions }) => {
  if (!config || typeof config.options.auth?.authorize !== 'function') return [];
  if (!permissions || permissions.roles.length === 0) {
    return [warning('permissions.roles', 'No roles to review', 'The config names no sample operator per role, so nobody can review who may do what.',
      'Add `roles: { <role>: <an operator in that role, as currentActor returns it> }` to the config.')];
  }
  const broken = permissions.rows.flatMap((row) => Object.entries(row.decisions)
    .filter(([, cell]) => cell.error !== undefined)
    .map(([role, cell]) => `${role} / ${rowLabel(row)}: ${cell.error}`));
  if (broken.length > 0) {
    return [failure('permissions.policy-error', `authorize() failed ${broken.length} time${broken.length === 1 ? '' : 's'}`,
      `The console denies these, and logs an error each time an operator meets one: ${broken.slice(0, 5).join('; ')}${broken.length > 5 ? '; …' : ''}.`,
      'Make authorize return true, false or { allow, reason } for every action and role (see the sample operators in the config), without throwing.')];
  }
  const { roles, rows } = permissions;
  return [passed('permissions.roles', `authorize() answered all ${roles.length * rows.length} questions (${roles.length} roles × ${rows.length} actions and phases)`,
    'Review the table of who may do what.')];
};
