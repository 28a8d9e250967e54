import type { Actor } from '../contracts/auth.ts';
import type { JobFlowResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import { mayView } from './jobs.ts';

const NO_FLOW: JobFlowResponse = Object.freeze({ steps: [], dependencies: [], more: false, hidden: 0 });

/**
 * The flow a job belongs to: its steps with their states and, as the display policy allows, their
 * errors, and which waits on which. Steps in queues the operator may not see are left out and
 * counted. A job in no flow (or an engine without flows) has no steps.
 */
export async function getJobFlow(context: ServiceContext, actor: Actor, queue: string, id: string): Promise<JobFlowResponse> {
  await mayView(context, actor, queue, id);
  const flow = await context.engine.getFlow?.(queue, id);
  if (!flow) return NO_FLOW;
  const queues = [...new Set(flow.steps.map((step) => step.queue))];
  const verdicts = await Promise.all(queues.map((name) => context.access.check(actor, 'jobs.view', { type: 'queue', queue: name })));
  const visible = new Set(queues.filter((_, index) => verdicts[index]?.allowed));
  const steps = flow.steps.filter((step) => visible.has(step.queue));
  return {
    steps: steps.map((step) => context.presenter.jobSummary(step, actor)),
    dependencies: flow.dependencies
      .filter((edge) => visible.has(edge.waiting.queue) && visible.has(edge.on.queue))
      .map((edge) => ({ waiting: { queue: edge.waiting.queue, id: edge.waiting.id }, on: { queue: edge.on.queue, id: edge.on.id } })),
    more: flow.more,
    hidden: flow.steps.length - steps.length,
  };
}
