import type { Actor } from '../contracts/auth.ts';
import type { PreviewResponse } from '../vocabulary/wire.ts';
import type { SettingsPreviewRequest } from './action-request.ts';
import { actionResource } from './action-resource.ts';
import type { ServiceContext } from './context.ts';
import type { SavePreview } from './preview-action.ts';
import { principalOf } from './principal.ts';
import { findQueue } from './queues.ts';
import { editableSettings, planSettingChanges } from './queue-settings.ts';

/**
 * A `queue.configure` preview: the requested values checked against the queue as it is now (a dead
 * letter queue that exists and is not the queue itself, values that change something), and the
 * plan is exactly the settings that change, each with its value now and after, which the token
 * binds. Reads the queue and, for a new dead letter queue the operator may see, that queue, by name. Changes nothing.
 */
export async function resolveSettingsPreview(context: ServiceContext, actor: Actor, request: SettingsPreviewRequest, savePreview: SavePreview): Promise<PreviewResponse> {
  const { action, queue } = request;
  await context.access.require(actor, action, actionResource(queue, request.selection, 'preview'));
  const found = await findQueue(context, actor, 'queues.view', queue);
  // A dead letter queue the operator may not see is answered as one that does not exist.
  const lookup = async (name: string) => ((await context.access.check(actor, 'queues.view', { type: 'queue', queue: name })).allowed ? context.engine.findQueue(name) : null);
  const changes = await planSettingChanges(editableSettings(context.engine), found, request.settings, lookup);
  const principal = await principalOf(context, actor);
  const selection = { whole: 'queue' as const, settings: changes };
  const { token, expiresAt } = await savePreview(context, principal.id, { action, queue, selection, plan: [] });
  return { token, expiresAt, action, queue, count: 1, sample: [], warnings: [], settingChanges: changes };
}
