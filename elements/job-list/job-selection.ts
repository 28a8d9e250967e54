import type { JobState } from '../../core/vocabulary/job-states.ts';

/** What the selection needs of a job: its id and the state it was listed in. */
export interface SelectableJob {
  readonly id: string;
  readonly state: JobState;
}

/**
 * The jobs an operator ticked in a list, by id, with the state each was listed in (an action's
 * button says how many of them it applies to). Holds at most `cap` jobs, the most one action may
 * touch. Selection order is kept, so the preview lists jobs in the order they were picked.
 */
export class JobSelection {
  readonly #jobs = new Map<string, JobState>();
  #cap: number;

  constructor(cap: number) {
    this.#cap = cap;
  }

  get size(): number {
    return this.#jobs.size;
  }

  /** The most jobs that can be selected. */
  get cap(): number {
    return this.#cap;
  }

  set cap(cap: number) {
    this.#cap = cap;
  }

  /** Whether another job can be added. */
  get full(): boolean {
    return this.#jobs.size >= this.#cap;
  }

  has(id: string): boolean {
    return this.#jobs.has(id);
  }

  /** The selected ids, in the order they were selected. */
  ids(): string[] {
    return [...this.#jobs.keys()];
  }

  /** How many selected jobs are in one of `states`. */
  countIn(states: readonly JobState[]): number {
    let count = 0;
    for (const state of this.#jobs.values()) if (states.includes(state)) count++;
    return count;
  }

  /** Selects or unselects one job; returns false when selecting it would pass the cap. */
  set(job: SelectableJob, selected: boolean): boolean {
    if (!selected) {
      this.#jobs.delete(job.id);
      return true;
    }
    if (this.#jobs.has(job.id)) return true;
    if (this.full) return false;
    this.#jobs.set(job.id, job.state);
    return true;
  }

  /** Selects or unselects each of `jobs`, up to the cap. */
  setAll(jobs: readonly SelectableJob[], selected: boolean): void {
    for (const job of jobs) if (!this.set(job, selected)) break;
  }

  /** Whether every one of `jobs` is selected (false for none). */
  hasAll(jobs: readonly SelectableJob[]): boolean {
    return jobs.length > 0 && jobs.every((job) => this.#jobs.has(job.id));
  }

  /** Whether some, but not all, of `jobs` are selected. */
  hasSome(jobs: readonly SelectableJob[]): boolean {
    return jobs.some((job) => this.#jobs.has(job.id)) && !this.hasAll(jobs);
  }

  /**
   * Keeps only jobs still listed, with their listed state, so a refresh never leaves a job
   * selected that the operator can no longer see. Returns whether anything changed.
   */
  retain(jobs: readonly SelectableJob[]): boolean {
    if (this.#jobs.size === 0) return false;
    const listed = new Map(jobs.map((job) => [job.id, job.state]));
    let changed = false;
    for (const [id, state] of this.#jobs) {
      const now = listed.get(id);
      if (now === undefined) {
        this.#jobs.delete(id);
        changed = true;
      } else if (now !== state) {
        this.#jobs.set(id, now);
        changed = true;
      }
    }
    return changed;
  }

  clear(): void {
    this.#jobs.clear();
  }
}
