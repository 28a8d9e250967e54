/**
 * Whether BullMQ refused a command on a job that moved on under it (gone, locked by another, or in
 * another state): its scripts answer with a negative code, and the job was not changed.
 */
export function isBullMQRefusal(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'number' && (error as { code: number }).code < 0;
}
