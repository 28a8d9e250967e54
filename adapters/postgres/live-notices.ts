import type { QueueInfo } from '../../core/contracts/jobs.ts';
import type { ChangeNotice } from '../../core/contracts/live-channel.ts';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; stay clear of it. */
const MAX_PAYLOAD_BYTES = 7_800;

/** A notice as heard, with the channel member that sent it. */
export interface HeardNotice {
  readonly origin: string;
  readonly notice: ChangeNotice;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function encode(origin: string, notice: ChangeNotice): string {
  return JSON.stringify({ o: origin, n: notice });
}

/**
 * One notice as NOTIFY payloads, each under `MAX_PAYLOAD_BYTES`. Only a queues notice can be
 * large: its queues are spread over as many payloads as needed, and a queue whose figures would not
 * fit even alone is sent by name, for receivers to read again.
 */
export function encodeNotice(origin: string, notice: ChangeNotice): string[] {
  const whole = encode(origin, notice);
  if (notice.kind !== 'queues' || bytes(whole) < MAX_PAYLOAD_BYTES) return [whole];
  const empty = bytes(encode(origin, { kind: 'queues', queues: [], reread: [] }));
  const payloads: string[] = [];
  let queues: QueueInfo[] = [];
  let names: string[] = [];
  let size = empty;
  const flush = () => {
    if (queues.length > 0 || names.length > 0) payloads.push(encode(origin, { kind: 'queues', queues, reread: names }));
    queues = [];
    names = [];
    size = empty;
  };
  /** Adds an entry of `added` bytes (its JSON and a comma), starting a new payload when full. */
  const add = (added: number, put: () => void): boolean => {
    if (empty + added >= MAX_PAYLOAD_BYTES) return false;
    if (size + added >= MAX_PAYLOAD_BYTES) flush();
    put();
    size += added;
    return true;
  };
  const tooLarge: string[] = [];
  for (const queue of notice.queues) {
    if (!add(bytes(JSON.stringify(queue)) + 1, () => queues.push(queue))) tooLarge.push(queue.name);
  }
  // A name too long for a notice even alone is left out: receivers pick its counts up with a later
  // change, and their consoles reload everything whenever they reconnect.
  for (const name of [...notice.reread, ...tooLarge]) add(bytes(JSON.stringify(name)) + 1, () => names.push(name));
  flush();
  return payloads;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isShortString = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_PAYLOAD_BYTES;

function isQueueInfo(value: unknown): value is QueueInfo {
  return isRecord(value) && isShortString(value.name) && isRecord(value.counts) && typeof value.total === 'number'
    && (value.deadLetterQueue === null || typeof value.deadLetterQueue === 'string') && isRecord(value.settings) && isRecord(value.stale);
}

function toNotice(value: unknown): ChangeNotice | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'watching') return { kind: 'watching' };
  if (value.kind === 'action') return isShortString(value.auditId) ? { kind: 'action', auditId: value.auditId } : null;
  if (value.kind === 'queues' && Array.isArray(value.queues) && Array.isArray(value.reread)
    && value.queues.every(isQueueInfo) && value.reread.every(isShortString)) {
    return { kind: 'queues', queues: value.queues, reread: value.reread };
  }
  return null;
}

/**
 * A heard payload, or null when it is not one this release sends. Any database session may
 * NOTIFY on the channel, so nothing in a payload is trusted beyond its shape: an action is read
 * again from the audit log, never taken from the notice.
 */
export function decodeNotice(payload: string | undefined): HeardNotice | null {
  if (payload === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !isShortString(parsed.o)) return null;
  const notice = toNotice(parsed.n);
  return notice ? { origin: parsed.o, notice } : null;
}
