import type { Actor } from '../contracts/auth.ts';
import type { AttentionResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import { visibleQueues } from './visible-queues.ts';

/**
 * What needs an operator now, from the background diagnosis's last pass: only findings about
 * queues the operator may see, and of a dead letter queue's senders only those too. Reads no
 * engine on its own (a pass that sleeps is woken, and answers the next request).
 */
export async function getAttention(context: ServiceContext, actor: Actor): Promise<AttentionResponse> {
  await context.access.require(actor, 'queues.view', { type: 'console' });
  context.diagnosis.wake();
  const latest = context.diagnosis.latest();
  const failedAt = context.diagnosis.failedAt();
  if (!latest) return { checkedAt: null, failedAt, findings: [], unchecked: [] };
  const named = [...new Set(latest.findings.flatMap((finding) => [finding.queue, ...(finding.from ?? [])]))].map((name) => ({ name }));
  const visible = new Set((await visibleQueues(context, actor, named)).map((queue) => queue.name));
  const findings = latest.findings
    .filter((finding) => visible.has(finding.queue))
    .map((finding) => (finding.from ? { ...finding, from: finding.from.filter((queue) => visible.has(queue)) } : finding));
  return { checkedAt: latest.checkedAt, failedAt, findings, unchecked: latest.unchecked };
}
