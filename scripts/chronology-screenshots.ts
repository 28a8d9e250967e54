// Screenshots of chronologies against the element test fixtures, at desktop and phone widths,
// light and dark: a failed job's page with its chronology, a job the engine no longer has, a
// queue's chronology, and a schedule's (its run now linked to the job it made). Usage: node scripts/chronology-screenshots.ts [outDir=/tmp/shots/chronology]
import { actionApi, PRUNED_JOB } from '../test/elements/support/action-fixtures.ts';
import { failedJobDetail } from '../test/elements/support/fixtures.ts';
import { startServer } from '../test/elements/support/server.ts';
import { shootViews, type Shot } from './support/shoot-views.ts';

const now = Date.now();
const { api } = actionApi(now);

const shots: Shot[] = [
  ['job-chronology', `queues/email-send/jobs/${failedJobDetail(now).id}`],
  ['pruned-job', `queues/${PRUNED_JOB.queue}/jobs/${PRUNED_JOB.id}`],
  ['queue-chronology', 'queues/email-send/chronology'],
  ['queue-link', 'queues/email-send'],
  ['schedule-chronology', 'queues/email-send/schedules/nightly-digest/chronology'],
];

await shootViews(process.argv[2] ?? '/tmp/shots/chronology', await startServer({ api }), shots, { desktopWidth: 1280 });
