import { ALL_ACTIONS, JOB_OPERATOR_ACTIONS, QUEUE_CONFIGURE, QUEUE_SWITCH_ACTIONS, SCHEDULE_OPERATOR_ACTIONS, isOperatorAction, jobActionOf, queueActionOf, scheduleActionOf, type Action, type JobOperatorAction, type QueueOperatorAction } from '../vocabulary/actions.ts';
import { editableSettings } from './queue-settings.ts';
import type { Actor } from '../contracts/auth.ts';
import type { JobState } from '../vocabulary/job-states.ts';
import type { SessionResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import type { Verdict } from './access.ts';

async function verdictFor(context: ServiceContext, actor: Actor, action: Action): Promise<Verdict> {
  if (!isOperatorAction(action)) return context.access.check(actor, action, { type: 'console' });
  const [preview, execute] = await Promise.all([
    context.access.check(actor, action, { type: 'console', phase: 'preview' }),
    context.access.check(actor, action, { type: 'console', phase: 'execute' }),
  ]);
  return !preview.allowed ? preview : execute;
}

/**
 * Who the operator is and what they may do on the console as a whole, so the console can hide or
 * disable what is not allowed (and say why) before the operator tries it. Needs only a signed-in
 * actor.
 */
export async function getSession(context: ServiceContext, actor: Actor): Promise<SessionResponse> {
  const verdicts = await Promise.all(ALL_ACTIONS.map((action) => verdictFor(context, actor, action)));
  const permissions = {} as Record<Action, boolean>;
  const reasons: Partial<Record<Action, string>> = {};
  ALL_ACTIONS.forEach((action, index) => {
    const verdict = verdicts[index];
    permissions[action] = verdict?.allowed === true;
    if (verdict && !verdict.allowed && verdict.reason) reasons[action] = verdict.reason;
  });
  let label: string | null = null;
  try {
    label = context.presenter.actorLabel((await context.auth.auditPrincipal(actor)).label, actor);
  } catch {
    label = null;
  }
  const actions: Partial<Record<JobOperatorAction, readonly JobState[]>> = {};
  for (const action of JOB_OPERATOR_ACTIONS) {
    const states = context.engine.capabilities.actions[jobActionOf(action)];
    if (states) actions[action] = [...states];
  }
  return {
    actor: { label },
    permissions,
    reasons,
    engine: {
      name: context.engine.name,
      states: [...context.engine.capabilities.states],
      actions,
      queueActions: [
        ...(typeof context.engine.applyToQueue === 'function'
          ? QUEUE_SWITCH_ACTIONS.filter((action) => context.engine.capabilities.queueActions?.includes(queueActionOf(action)))
          : []),
        ...(editableSettings(context.engine).length > 0 ? [QUEUE_CONFIGURE as QueueOperatorAction] : []),
      ],
      queueSettings: editableSettings(context.engine).map((setting) => ({ ...setting })),
      scheduleActions: typeof context.engine.applyToSchedule === 'function' && typeof context.engine.findSchedule === 'function'
        ? SCHEDULE_OPERATOR_ACTIONS.filter((action) => context.engine.capabilities.scheduleActions?.includes(scheduleActionOf(action)))
        : [],
      schedules: typeof context.engine.listSchedules === 'function',
      jobLookup: typeof context.engine.findJobs === 'function',
      jobLookupByPrefix: typeof context.engine.findJobs === 'function' && context.engine.capabilities.findsIdPrefixes === true,
      workers: typeof context.engine.listInstances === 'function',
      flows: typeof context.engine.getFlow === 'function',
    },
    dataFields: context.engine.capabilities.dataFilters ? context.presenter.searchableFields({ actor }) : [],
    limits: { cap: context.limits.cap, reasonMinLength: context.limits.reasonMinLength },
    bridge: context.bridge?.name ?? null,
    signOutUrl: context.signOutUrl,
  };
}
