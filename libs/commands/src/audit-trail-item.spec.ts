import type { RecordedEvent } from '@tracker/event-store/event-store.port';
import { decodeAuditCursor, encodeAuditCursor, toAuditTrailItem } from './audit-trail-item';

const event = (data: Record<string, unknown>, metadata: Record<string, unknown> = {}): RecordedEvent => ({
  eventId: 'e1',
  type: 'T',
  data,
  metadata,
  streamId: 'statement-1',
  revision: 3n,
  position: { commit: 9n, prepare: 9n },
  recordedAt: new Date('2024-05-20T08:00:00Z'),
});

describe('toAuditTrailItem', () => {
  it('takes occurredAt from the first date field the record kind has', () => {
    expect(toAuditTrailItem(event({ occurredAt: '2024-04-26', date: 'x' })).occurredAt).toBe('2024-04-26');
    expect(toAuditTrailItem(event({ effectiveOn: '2022-06-01' })).occurredAt).toBe('2022-06-01');
    expect(toAuditTrailItem(event({ observedFrom: 'a', observedTo: '2024-05-23' })).occurredAt).toBe('2024-05-23');
    expect(toAuditTrailItem(event({ changes: { occurredAt: '2024-01-01' } })).occurredAt).toBeNull();
  });

  it('passes stored data and metadata through and defaults what old events lack', () => {
    const data = { source: { citation: 'c' } };
    const item = toAuditTrailItem(event(data));
    expect(item).toMatchObject({
      revision: 3,
      position: '9',
      recordedAt: '2024-05-20T08:00:00.000Z',
      actor: null,
      hash: null,
      schemaVersion: 1,
      source: { citation: 'c' },
    });
    expect(item.data).toBe(data);
  });
});

describe('audit cursor', () => {
  it('round-trips for its own stream only', () => {
    const cursor = encodeAuditCursor('statement-1', 100n);
    expect(decodeAuditCursor('statement-1', cursor)).toBe(100n);
    expect(decodeAuditCursor('statement-2', cursor)).toBeUndefined();
    expect(decodeAuditCursor('statement-1', 'abc')).toBeUndefined();
    expect(decodeAuditCursor('statement-1', '')).toBeUndefined();
  });
});
