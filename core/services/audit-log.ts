import type { Actor } from '../contracts/auth.ts';
import type { AuditFilter, AuditRecord } from '../contracts/audit.ts';
import { NotFoundError } from '../errors.ts';
import type { AuditPageResponse, AuditRecordResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import { decodeCursor, encodeCursor, listingKey } from './cursor.ts';
import { toCsvRow, AUDIT_CSV_HEADER } from './audit-csv.ts';

export type AuditExportFormat = 'csv' | 'jsonl';

/** One page of the audit log, newest first, as the display policy allows. */
export async function listAuditLog(context: ServiceContext, actor: Actor, filter: AuditFilter, limit: number, cursor: string | null): Promise<AuditPageResponse> {
  await context.access.require(actor, 'audit.view', { type: 'audit' });
  const listing = listingKey('audit', filter);
  const after = cursor === null ? undefined : decodeCursor(listing, cursor);
  const page = await context.store.listAudit({ ...filter, limit, ...(after ? { after } : {}) });
  return {
    records: page.records.map((record) => context.presenter.auditRecord(record, actor)),
    nextCursor: page.next === null ? null : encodeCursor(listing, page.next),
  };
}

export async function getAuditRecord(context: ServiceContext, actor: Actor, id: string): Promise<AuditRecordResponse> {
  await context.access.require(actor, 'audit.view', { type: 'audit' });
  const record = await context.store.getAudit(id);
  if (!record) throw new NotFoundError('Audit record', `There is no audit record ${JSON.stringify(id.slice(0, 100))}.`);
  return context.presenter.auditRecord(record, actor);
}

/** The last line of an export that failed part way, so that the file says it is incomplete. */
const INCOMPLETE_CSV_ROW = '"ops-jobs: this export is incomplete; the audit log could not be read to the end. Export again."\r\n';
const INCOMPLETE_JSON_LINE = `${JSON.stringify({ incomplete: true, detail: 'This export is incomplete; the audit log could not be read to the end. Export again.' })}\n`;

/**
 * The audit log as CSV or JSON Lines, streamed: records are read in batches and written as they
 * come, so an export of any size holds only one batch. Behind its own permission.
 */
export async function exportAuditLog(context: ServiceContext, actor: Actor, filter: AuditFilter, format: AuditExportFormat): Promise<ReadableStream<Uint8Array>> {
  await context.access.require(actor, 'audit.export', { type: 'audit' });
  const encoder = new TextEncoder();
  const line = (record: AuditRecord) => {
    const shown = context.presenter.auditRecord(record, actor);
    return format === 'csv' ? toCsvRow(shown) : `${JSON.stringify(shown)}\n`;
  };
  const records = context.store.exportAudit(filter)[Symbol.asyncIterator]();
  let headerSent = format !== 'csv';
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(AUDIT_CSV_HEADER));
        return;
      }
      try {
        const next = await records.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(line(next.value)));
      } catch (error) {
        context.logger.error('ops-jobs: the audit export failed part way', error);
        // The file ends by saying so: a stream that failed instead could lose this last line in
        // a host's or a compressor's buffers, and leave a file that looks whole.
        controller.enqueue(encoder.encode(format === 'csv' ? INCOMPLETE_CSV_ROW : INCOMPLETE_JSON_LINE));
        controller.close();
        await records.return?.();
      }
    },
    async cancel() {
      await records.return?.();
    },
  });
}
