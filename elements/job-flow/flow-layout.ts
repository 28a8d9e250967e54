import type { JobFlowResponse, JobSummaryResponse } from '../../core/vocabulary/wire.ts';

/** A step placed in the drawing: its column is how many steps it waits on in a row, its row its place there. */
export interface PlacedStep {
  readonly step: JobSummaryResponse;
  readonly column: number;
  readonly row: number;
}

export interface FlowLayout {
  readonly placed: readonly PlacedStep[];
  readonly columns: number;
  readonly rows: number;
  /** For each step (by `keyOf`), the steps it waits on. */
  readonly waitsOn: ReadonlyMap<string, readonly JobSummaryResponse[]>;
}

export const keyOf = (ref: { readonly queue: string; readonly id: string }): string => `${ref.queue}\u0000${ref.id}`;

/**
 * Lays a flow out left to right: a step that waits on nothing in the first column, every other one
 * a column after the last of the steps it waits on; within a column, oldest first.
 */
export function layOutFlow(flow: JobFlowResponse): FlowLayout {
  const byKey = new Map(flow.steps.map((step) => [keyOf(step), step]));
  const waitsOn = new Map<string, JobSummaryResponse[]>();
  for (const edge of flow.dependencies) {
    const on = byKey.get(keyOf(edge.on));
    if (!on || !byKey.has(keyOf(edge.waiting))) continue;
    waitsOn.set(keyOf(edge.waiting), [...(waitsOn.get(keyOf(edge.waiting)) ?? []), on]);
  }
  const columnOf = new Map<string, number>();
  const visiting = new Set<string>();
  const column = (key: string): number => {
    const known = columnOf.get(key);
    if (known !== undefined) return known;
    // A cycle the engine should not have: its steps stay where the walk found them.
    if (visiting.has(key)) return 0;
    visiting.add(key);
    const placed = Math.max(-1, ...(waitsOn.get(key) ?? []).map((on) => column(keyOf(on)))) + 1;
    visiting.delete(key);
    columnOf.set(key, placed);
    return placed;
  };
  const columns = new Map<number, JobSummaryResponse[]>();
  for (const step of flow.steps) {
    const at = column(keyOf(step));
    columns.set(at, [...(columns.get(at) ?? []), step]);
  }
  const placed: PlacedStep[] = [];
  for (const [at, steps] of columns) {
    [...steps].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).forEach((step, row) => placed.push({ step, column: at, row }));
  }
  return {
    placed,
    columns: Math.max(0, ...columns.keys()) + 1,
    rows: Math.max(0, ...[...columns.values()].map((steps) => steps.length)),
    waitsOn,
  };
}
