// Records and previews for store tests, with overrides.
import type { NewAuditRecord } from '../../../../core/contracts/audit.ts';
import type { IdempotencyReceipt, StoredPreview } from '../../../../core/contracts/preview.ts';

export function newAuditRecord(overrides: Partial<NewAuditRecord> = {}): NewAuditRecord {
  return {
    occurredAt: '2026-03-07T12:00:00.000Z',
    principal: { id: 'u_ada', type: 'user', label: 'Ada Lovelace' },
    action: 'job.retry',
    resource: { queue: 'payments', selection: { ids: ['job-1', 'job-2'] }, ids: ['job-1', 'job-2'] },
    requested: 2,
    affected: 2,
    outcome: 'succeeded',
    reason: 'card processor is back up',
    planHash: 'a'.repeat(64),
    correlationId: 'req-0001',
    ...overrides,
  };
}

export function storedPreview(overrides: Partial<StoredPreview> = {}): StoredPreview {
  return {
    tokenHash: 'f'.repeat(64),
    principalId: 'u_ada',
    action: 'job.retry',
    queue: 'payments',
    selection: { filter: { state: 'failed' } },
    plan: [
      { id: 'job-1', state: 'failed' },
      { id: 'job-2', state: 'failed' },
    ],
    planHash: 'b'.repeat(64),
    createdAt: '2026-03-07T12:00:00.000Z',
    expiresAt: '2026-03-07T12:05:00.000Z',
    consumedAt: null,
    ...overrides,
  };
}

export function receipt(overrides: Partial<IdempotencyReceipt> = {}): IdempotencyReceipt {
  return {
    principalId: 'u_ada',
    key: 'key-1',
    fingerprint: 'c'.repeat(64),
    status: 200,
    body: { affected: 2, records: [{ id: '1' }] },
    createdAt: '2026-03-07T12:00:01.000Z',
    ...overrides,
  };
}
