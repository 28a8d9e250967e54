import type { Actor } from '../contracts/auth.ts';
import { AUDIT_SUGGESTION_FIELDS, type AuditSuggestionField } from '../contracts/audit.ts';
import { InvalidInputError } from '../errors.ts';
import { plainText } from '../plain-text.ts';
import type { AuditSuggestionsResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';

/** Most values one request suggests: enough to pick from as one types. */
export const AUDIT_SUGGESTION_LIMIT = 10;
/** The longest prefix taken: longer than any label worth typing in full. */
const MAX_PREFIX_LENGTH = 100;

function isSuggestionField(field: string | null): field is AuditSuggestionField {
  return (AUDIT_SUGGESTION_FIELDS as readonly (string | null)[]).includes(field);
}

/**
 * Values for an audit filter as the operator types (`operator`: the operators whose label starts
 * with `prefix`, ignoring case, each with the id the filter takes; `queue`: the queue names that
 * start with it), read through an index, at most `AUDIT_SUGGESTION_LIMIT`. Behind `audit.view`,
 * like the log. A label passes through the display policy: one it hides is never suggested, and
 * one it shows changed is suggested only when what it shows still starts with `prefix`, so the
 * prefix cannot probe a hidden label.
 */
export async function suggestAuditValues(context: ServiceContext, actor: Actor, query: URLSearchParams): Promise<AuditSuggestionsResponse> {
  await context.access.require(actor, 'audit.view', { type: 'audit' });
  const field = query.get('field');
  if (!isSuggestionField(field)) throw new InvalidInputError('field', `field must be one of ${AUDIT_SUGGESTION_FIELDS.join(', ')}.`);
  const raw = query.get('prefix') ?? '';
  if (raw.length > MAX_PREFIX_LENGTH) throw new InvalidInputError('prefix', `prefix is limited to ${MAX_PREFIX_LENGTH} characters.`);
  const prefix = plainText('prefix', raw.trim());
  if (!context.store.suggestAudit) return { field, suggestions: [] };
  const found = await context.store.suggestAudit(field, field === 'operator' ? prefix.toLowerCase() : prefix, AUDIT_SUGGESTION_LIMIT);
  if (field === 'queue') return { field, suggestions: found.map(({ value }) => ({ value, label: value })) };
  const wanted = prefix.toLowerCase();
  const suggestions = found.flatMap(({ value, label }) => {
    const shown = context.presenter.actorLabel(label, actor);
    return shown !== null && shown.toLowerCase().startsWith(wanted) ? [{ value, label: shown }] : [];
  });
  return { field, suggestions };
}
