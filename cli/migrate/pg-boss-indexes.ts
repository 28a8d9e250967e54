import { buildListingIndex, listingIndexSteps, type AppliedStep, type ListingIndexStep } from '../../adapters/pg-boss/listing-index-build.ts';
import { LISTING_INDEX_NAME, LISTING_INDEX_SERVES, LISTING_SCAN_LIMIT, readListingIndex, type ListingIndexStatus } from '../../adapters/pg-boss/listing-index.ts';
import { EXIT, type CliIo } from '../io.ts';
import type { OpenedStore } from './open-store.ts';

/** The flag that applies the index; without it `migrate` only shows it. */
export const APPLY_FLAG = '--pg-boss-indexes';

/** Why the index is worth having, and what it costs: the same words in the text and the JSON. */
export const LISTING_INDEX_WHY = Object.freeze({
  serves: LISTING_INDEX_SERVES,
  withoutIt: `Without it, each of those reads at most ${LISTING_SCAN_LIMIT} of the queue's jobs per request and says when it stopped there.`,
  cost: "One more index pg-boss keeps up to date on every job insert and state change, and its disk space (about that of pg-boss's own job_i15).",
});

/** What `migrate` found, and did, about the listing index on pg-boss's job table. */
export interface PgBossIndexOutcome {
  /** The pg-boss schema, as given. */
  readonly schema: string;
  /** Whether that schema has pg-boss's job table; nothing else is checked when it has not. */
  readonly installed: boolean;
  readonly listingIndex: {
    readonly name: string;
    readonly jobTable: 'partitioned' | 'plain' | null;
    /** Before this run touched it. */
    readonly before: ListingIndexStatus;
    /** After this run. */
    readonly status: ListingIndexStatus;
    readonly serves: readonly string[];
    readonly withoutIt: string;
    readonly cost: string;
    /** The statements `--pg-boss-indexes` would still run, in order, each on its own. */
    readonly pending: readonly string[];
    /** The statements this run ran, with their durations. */
    readonly applied: readonly AppliedStep[];
  } | null;
}

/** Whether to build, and where progress goes. */
export interface PgBossIndexOptions {
  /** Build the index when it is not present. */
  readonly apply: boolean;
  /** Called as each statement of a build starts. */
  readonly onStep?: (step: ListingIndexStep) => void;
  /** Called as each statement of a build finishes: progress per partition. */
  readonly onApplied?: (step: AppliedStep) => void;
}

/** Checks the listing index on pg-boss's job table in `schema` and, when asked, builds it. */
export async function pgBossIndexes(opened: OpenedStore, schema: string, options: PgBossIndexOptions): Promise<PgBossIndexOutcome> {
  return opened.withConnection(async (query) => {
    const concurrently = opened.concurrentIndexBuilds;
    const found = await readListingIndex(query, schema);
    if (found.jobTable === null) return { schema, installed: false, listingIndex: null };
    const build = options.apply && found.status !== 'present'
      ? await buildListingIndex(query, schema, {
        concurrently,
        ...(options.onStep ? { onStep: options.onStep } : {}),
        ...(options.onApplied ? { onApplied: options.onApplied } : {}),
      })
      : { before: found, applied: [], after: found };
    const pending = build.after.status === 'building' ? [] : listingIndexSteps(schema, build.after, { concurrently }).map((step) => step.sql);
    return {
      schema,
      installed: true,
      listingIndex: {
        name: LISTING_INDEX_NAME,
        jobTable: found.jobTable,
        before: build.before.status,
        status: build.after.status,
        ...LISTING_INDEX_WHY,
        pending,
        applied: build.applied,
      },
    };
  });
}

/** A line before a statement that may take long (a build on a large table), or null. */
export function startLine(step: ListingIndexStep): string | null {
  return step.kind === 'create' || step.kind === 'rebuild' ? `  building on ${step.table}…\n` : null;
}

/** One line of progress: a statement that finished. */
export function progressLine(step: AppliedStep): string {
  const done = {
    'create-parent': 'created the parent index on job (ON ONLY: no partition touched)',
    'drop-invalid': `dropped the invalid leftover on ${step.table}`,
    create: `built on ${step.table}`,
    rebuild: `rebuilt on ${step.table}`,
    attach: `attached the part on ${step.table} to the parent`,
  } satisfies Record<ListingIndexStep['kind'], string>;
  return `  ${done[step.kind]} in ${step.ms} ms\n`;
}

const STATUS_TEXT: Readonly<Record<ListingIndexStatus, string>> = Object.freeze({
  present: 'present',
  absent: 'absent',
  invalid: `invalid (an interrupted build left it unusable; ${APPLY_FLAG} drops what is left and builds it again)`,
  building: 'being built by another session; run again once it has finished',
});

/** The lines `migrate` prints about the index, after the store's own. */
export function describePgBossIndexes(outcome: PgBossIndexOutcome, concurrently: boolean): string[] {
  const index = outcome.listingIndex;
  if (index === null) return [`pg-boss is not installed in schema ${outcome.schema} of this database: no index to check (--pg-boss-schema names the schema pg-boss uses)`];
  const head = `pg-boss listing index ${index.name} on ${outcome.schema}.job`;
  if (index.applied.length > 0) return [`${head}: was ${index.before}, now ${STATUS_TEXT[index.status]}`];
  if (index.status === 'present' || index.status === 'building') return [`${head}: ${STATUS_TEXT[index.status]}`];
  return [
    `${head}: ${STATUS_TEXT[index.status]}, not applied`,
    `  It serves ${index.serves.join(', and ')}. ${index.withoutIt}`,
    `  Its cost: ${index.cost.charAt(0).toLowerCase()}${index.cost.slice(1)}`,
    `  ${APPLY_FLAG} runs these statements, each on its own${concurrently ? ', CONCURRENTLY so jobs keep flowing while it builds' : ''}:`,
    ...index.pending.map((sql) => `    ${sql};`),
    `  To apply them: run this command again with ${APPLY_FLAG}.`,
  ];
}

/** `migrate`'s part: the listing index checked, and built when asked, with progress per statement as it goes. */
export function checkPgBossIndexes(opened: OpenedStore, bossSchema: string, apply: boolean, io: CliIo, json: boolean): Promise<PgBossIndexOutcome> {
  // In JSON mode stdout carries only the result; progress goes to stderr.
  const write = json ? io.err : io.out;
  let started = false;
  return pgBossIndexes(opened, bossSchema, {
    apply,
    onStep(step) {
      if (!started) write(`building the listing index on ${bossSchema}.job, one statement at a time:\n`);
      started = true;
      const line = startLine(step);
      if (line) write(line);
    },
    onApplied: (step) => write(progressLine(step)),
  });
}

/** Asked to build the index and it is not there afterwards: a failure, saying why. */
export function pgBossIndexesExitCode(outcome: PgBossIndexOutcome, apply: boolean, io: CliIo): number {
  if (!apply) return EXIT.ok;
  if (outcome.listingIndex === null) {
    io.err(`ops-jobs migrate: ${APPLY_FLAG}: pg-boss is not installed in schema ${outcome.schema} of this database.\n  Fix: pass --pg-boss-schema <the schema your pg-boss uses>, or start pg-boss once so that it installs its schema.\n`);
    return EXIT.failed;
  }
  if (outcome.listingIndex.status !== 'present') {
    io.err(`ops-jobs migrate: ${APPLY_FLAG}: the listing index is ${outcome.listingIndex.status}, not present.\n  Fix: wait for the build another session is running to finish, then run again.\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** The store is migrated but the index could not be checked or built: what happened and what to do. */
export function pgBossIndexesFailed(io: CliIo, json: boolean, store: object, bossSchema: string, error: unknown): number {
  const message = error instanceof Error ? error.message || error.name : String(error);
  const fix = `Run again as a role that owns pg-boss's tables in schema ${bossSchema} (the one pg-boss migrates with); an interrupted build is picked up where it stopped.`;
  if (json) io.out(`${JSON.stringify({ ...store, pgBoss: { schema: bossSchema, error: message, fix } })}\n`);
  io.err(`ops-jobs migrate: the store is migrated, but the listing index on ${bossSchema}.job could not be checked or built: ${message}\n  Fix: ${fix}\n`);
  return EXIT.failed;
}
