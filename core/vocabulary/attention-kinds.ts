/**
 * What the overview's background diagnosis looks for in each queue, most urgent first: the order
 * findings of equal severity are listed in.
 */
export const ATTENTION_KINDS = Object.freeze(['overdue', 'stuck-flows', 'failing', 'no-workers', 'missed-schedules', 'backlog', 'dead-letters'] as const);

export type AttentionKind = (typeof ATTENTION_KINDS)[number];
