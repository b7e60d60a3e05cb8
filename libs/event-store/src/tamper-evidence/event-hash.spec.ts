import { createHash } from 'node:crypto';
import { chainEvents, eventHash, GENESIS_HASH, storedHash } from './event-hash';

const event = {
  type: 'StatementRecorded',
  data: { text: 'red line', statementId: 's1' },
  metadata: { schemaVersion: 2, actor: 'local', recordedAt: '2024-05-20T00:00:00.000Z' },
};

describe('eventHash', () => {
  it('gives the digests earlier versions stored, so existing chains still verify', () => {
    const stored = {
      type: 'StatementRecorded',
      data: { speaker: 'Lin Jian', text: '台湾 question', when: '2024-05-20' },
      metadata: { actor: 'analyst', correlationId: 'c-1', hash: 'ignored' },
    };
    const first = eventHash(GENESIS_HASH, stored);
    expect(first).toBe('055474d2f40cca7b4a910124c6748cf82e66188d26ca918f1bce5a714df76cfb');
    expect(eventHash(first, stored)).toBe('822c8efcc8a6dc128fb25e8799733279c03920c94214aac30c467f4685393c30');
  });

  it('is hex SHA-256 of the previous hash followed by canonical {data, metadata, type}', () => {
    const body =
      '{"data":{"statementId":"s1","text":"red line"},' +
      '"metadata":{"actor":"local","recordedAt":"2024-05-20T00:00:00.000Z","schemaVersion":2},' +
      '"type":"StatementRecorded"}';
    const expected = createHash('sha256')
      .update(GENESIS_HASH + body)
      .digest('hex');
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(eventHash(GENESIS_HASH, event)).toBe(expected);
  });

  it('ignores metadata.hash itself, so a stored event rehashes to its own hash', () => {
    const [stored] = chainEvents(GENESIS_HASH, [event]);
    expect(eventHash(GENESIS_HASH, stored)).toBe(stored.metadata.hash);
  });

  it('changes with the data, the type, the metadata and the previous hash', () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(eventHash(GENESIS_HASH, { ...event, data: { ...event.data, text: 'forged' } })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, type: 'StatementCorrected' })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, metadata: { ...event.metadata, actor: 'mallory' } })).not.toBe(base);
    expect(eventHash('f'.repeat(64), event)).not.toBe(base);
  });
});

describe('chainEvents', () => {
  it('links several events of one append from each other, without mutating them', () => {
    const second = { ...event, type: 'StatementCorrected' };
    const input = [event, second];
    const snapshot = structuredClone(input);
    const [a, b] = chainEvents('a'.repeat(64), input);
    expect(a.metadata.hash).toBe(eventHash('a'.repeat(64), event));
    expect(b.metadata.hash).toBe(eventHash(a.metadata.hash as string, second));
    expect(input).toEqual(snapshot);
  });
});

describe('storedHash', () => {
  it('reads metadata.hash, null when absent or not a string', () => {
    expect(storedHash({ metadata: { hash: 'ab' } })).toBe('ab');
    expect(storedHash({ metadata: {} })).toBeNull();
    expect(storedHash({ metadata: { hash: 3 } })).toBeNull();
  });
});
