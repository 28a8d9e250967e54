// Screenshots of BullMQ job pages: a child of a flow with progress and log lines, its parent with
// children by outcome, a job whose progress is an object and whose log lines are hidden, and one
// whose progress is hidden, at desktop and phone widths, light and dark.
// Usage: node scripts/flow-screenshots.ts [outDir=/tmp/shots/flows]
import { CHILD_QUEUE, FLOW_JOBS, flowApi, PARENT_QUEUE } from '../test/elements/support/flow-jobs.ts';
import { startServer } from '../test/elements/support/server.ts';
import { shootViews } from './support/shoot-views.ts';

const out = process.argv[2] ?? '/tmp/shots/flows';
const server = await startServer({ api: flowApi() });
const job = (queue: string, id: string) => `queues/${encodeURIComponent(queue)}/jobs/${id}`;

await shootViews(out, server, [
  ['flow-child', job(CHILD_QUEUE, FLOW_JOBS.child)],
  ['flow-child-logs', job(CHILD_QUEUE, FLOW_JOBS.child), async (page) => page.locator('ops-jobs-job-detail pre.log').scrollIntoViewIfNeeded()],
  ['flow-parent', job(PARENT_QUEUE, FLOW_JOBS.parent), async (page) => page.locator('ops-jobs-job-detail [part="family"]').scrollIntoViewIfNeeded()],
  ['object-progress', job(CHILD_QUEUE, FLOW_JOBS.objectProgress), async (page) => page.locator('ops-jobs-job-detail [part="progress"]').scrollIntoViewIfNeeded()],
  ['hidden-progress', job(CHILD_QUEUE, FLOW_JOBS.hiddenProgress), async (page) => page.locator('ops-jobs-job-detail [part="progress"]').scrollIntoViewIfNeeded()],
]);
