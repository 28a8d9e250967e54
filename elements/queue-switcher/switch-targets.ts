/** Most queues the quick switcher lists at once: type more to narrow them down. */
export const MAX_SWITCH_QUEUES = 12;

/** Where the quick switcher can go: a queue, or the jobs found by an id. */
export type SwitchTarget = { readonly kind: 'queue'; readonly queue: string } | { readonly kind: 'job'; readonly id: string };

/** What the engine can look up by id, as the session says; null when the operator cannot look jobs up. */
export interface JobLookup {
  readonly byPrefix: boolean;
}

/**
 * Whether `text` could be a job id worth looking up: one word, at least 4 characters where the
 * engine finds prefixes (fewer would match too much), any length where it finds whole ids only.
 */
export function looksLikeJobId(text: string, lookup: JobLookup): boolean {
  return text.length <= 64 && !/\s/.test(text) && text.length >= (lookup.byPrefix ? 4 : 1);
}

/**
 * The queues whose name holds `text` (ignoring case), those whose name starts with it first, then
 * in their order, at most `MAX_SWITCH_QUEUES`; every queue (the first of them) when `text` is empty.
 */
export function matchingQueues(names: readonly string[], text: string): string[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return names.slice(0, MAX_SWITCH_QUEUES);
  const starting: string[] = [];
  const holding: string[] = [];
  for (const name of names) {
    const at = name.toLowerCase().indexOf(wanted);
    if (at === 0) starting.push(name);
    else if (at > 0) holding.push(name);
  }
  return [...starting, ...holding].slice(0, MAX_SWITCH_QUEUES);
}

/**
 * The switcher's options for `text`: the matching queues, and "go to job" when the text looks like
 * a job id and the operator can look jobs up, first when no queue matches.
 */
export function switchTargets(names: readonly string[], text: string, lookup: JobLookup | null): SwitchTarget[] {
  const trimmed = text.trim();
  const queues: SwitchTarget[] = matchingQueues(names, trimmed).map((queue) => ({ kind: 'queue', queue }));
  if (!lookup || !trimmed || !looksLikeJobId(trimmed, lookup)) return queues;
  const job: SwitchTarget = { kind: 'job', id: trimmed };
  return queues.length === 0 ? [job] : [...queues, job];
}
