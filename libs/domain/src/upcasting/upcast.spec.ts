import { sanctionedEntityDecider } from '../sanctioned-entity/sanctioned-entity.decider';
import { statementDecider } from '../statement/statement.decider';
import { fillMissingPublisher, UNKNOWN_PUBLISHER } from './source-publisher.upcaster';
import { CURRENT_SCHEMA_VERSIONS, upcast } from './upcast';

const v1 = (type: string, source: Record<string, unknown>) => ({
  type,
  data: { statementId: 's1', text: 'red line', source },
  metadata: { schemaVersion: 1, actor: 'local' },
});

describe('fillMissingPublisher (v1 → v2: source.publisher became required)', () => {
  it('takes the publisher from the URL’s hostname', () => {
    expect(fillMissingPublisher({ source: { url: 'https://www.fmprc.gov.cn/eng/xw/' } }, {})).toEqual({
      source: { url: 'https://www.fmprc.gov.cn/eng/xw/', publisher: 'www.fmprc.gov.cn' },
    });
  });

  it('with only a citation (or an unparsable URL), says the publisher is unknown', () => {
    expect(fillMissingPublisher({ source: { citation: '88 FR 70352' } }, {})).toEqual({
      source: { citation: '88 FR 70352', publisher: UNKNOWN_PUBLISHER },
    });
    expect(fillMissingPublisher({ source: { url: 'not a url', publisher: ' ' } }, {})).toEqual({
      source: { url: 'not a url', publisher: UNKNOWN_PUBLISHER },
    });
  });

  it('keeps a publisher that v1 already had, and data without a source object', () => {
    const data = { source: { url: 'https://www.state.gov/', publisher: 'US Department of State' } };
    expect(fillMissingPublisher(data, {})).toBe(data);
    const noSource = { text: 'x' };
    expect(fillMissingPublisher(noSource, {})).toBe(noSource);
  });
});

describe('upcast (the tracker’s registry)', () => {
  it('knows the deciders’ versions: StatementRecorded and SanctionedEntityAdded are at 2', () => {
    expect(statementDecider.schemaVersions.StatementRecorded).toBe(2);
    expect(sanctionedEntityDecider.schemaVersions.SanctionedEntityAdded).toBe(2);
    expect(CURRENT_SCHEMA_VERSIONS).toMatchObject({ StatementRecorded: 2, SanctionedEntityAdded: 2, AnchorDefined: 1 });
  });

  it.each(['StatementRecorded', 'SanctionedEntityAdded'])('upgrades a v1 %s without touching the input', (type) => {
    const event = v1(type, { url: 'https://www.federalregister.gov/d/2023-22114' });
    const before = structuredClone(event);
    const upgraded = upcast(event);
    expect(upgraded).toEqual({
      type,
      data: { ...event.data, source: { url: event.data.source.url, publisher: 'www.federalregister.gov' } },
      metadata: { schemaVersion: 2, actor: 'local' },
    });
    expect(event).toEqual(before);
  });

  it('treats events without schemaVersion as v1 and leaves v2 events alone', () => {
    const unversioned = { ...v1('StatementRecorded', { citation: 'Xinhua' }), metadata: {} };
    expect(upcast(unversioned).data.source).toEqual({ citation: 'Xinhua', publisher: UNKNOWN_PUBLISHER });
    const v2 = { ...v1('StatementRecorded', { citation: 'Xinhua' }), metadata: { schemaVersion: 2 } };
    expect(upcast(v2)).toBe(v2);
  });

  it('passes other event types through', () => {
    const corrected = v1('StatementCorrected', { citation: 'Xinhua' });
    expect(upcast(corrected)).toBe(corrected);
  });
});
