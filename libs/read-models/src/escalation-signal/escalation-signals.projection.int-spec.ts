import type {
  EscalationSignalEvent,
  EscalationSignalRecorded,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import { escalationSignalsProjection } from './escalation-signals.projection';
import { listEscalationSignals } from './list-escalation-signals.sql';
import { localDate, reportDate } from './report-date';

const facts: EscalationSignalRecorded['data'] = {
  signalId: 'x',
  region: 'taiwan-strait',
  kind: 'exercise',
  observedFrom: '2024-05-23T06:00:00+08:00',
  observedTo: '2024-05-24T06:00:00+08:00',
  metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 },
  severity: 5,
  cameoCode: '150',
  goldstein: -7.2,
  source: { url: 'https://www.mnd.gov.tw/', publisher: 'Taiwan Ministry of National Defense' },
};

const signal = (signalId: string, data: Partial<EscalationSignalRecorded['data']>, recordedAt?: Date) =>
  recorded<EscalationSignalEvent>(
    `escalationSignal-${signalId}`,
    [{ type: 'EscalationSignalRecorded', data: { ...facts, signalId, ...data } }],
    recordedAt,
  );

describe('report date of a signal', () => {
  it('a window 06:00 23 May → 06:00 24 May Taipei time lands on 24 May: its end instant belongs to that day', () =>
    expect(reportDate('taiwan-strait', '2024-05-24T06:00:00+08:00')).toEqual({
      date: '2024-05-24',
      timeZone: 'Asia/Taipei',
    }));

  it('a window given in UTC lands on the Taipei date, not the UTC one', () => {
    expect(reportDate('taiwan-strait', '2024-05-24T22:00:00Z').date).toBe('2024-05-25');
    expect(reportDate('taiwan-strait', '2024-05-23T16:00:00Z').date).toBe('2024-05-24');
    expect(reportDate('taiwan-strait', '2024-05-23T15:59:59.999Z').date).toBe('2024-05-23');
  });

  it('each region uses its own zone; an unknown region falls back to UTC', () => {
    expect(reportDate('korean-peninsula', '2024-05-26T15:30:00Z').date).toBe('2024-05-27');
    expect(reportDate('south-china-sea', '2024-05-26T15:30:00Z').date).toBe('2024-05-26');
    expect(reportDate('moon', '2024-05-26T23:30:00-02:00')).toEqual({ date: '2024-05-27', timeZone: 'UTC' });
  });

  it('formats with zero padding', () => expect(localDate('2024-01-02T03:04:05Z', 'UTC')).toBe('2024-01-02'));
});

const events = [
  ...signal('a', {}, new Date('2024-05-24T08:00:00Z')),
  ...signal(
    'b',
    {
      observedFrom: '2024-05-23T22:00:00Z',
      observedTo: '2024-05-24T22:00:00Z',
      metrics: { aircraft: 62, navyVessels: 27 },
    },
    new Date('2024-05-25T08:00:00Z'),
  ),
  ...signal(
    'c',
    {
      region: 'south-china-sea',
      kind: 'coast-guard',
      observedFrom: '2024-05-20T08:00:00+08:00',
      observedTo: '2024-05-20T11:00:00+08:00',
      metrics: { coastGuardVessels: 4 },
      severity: 3,
      cameoCode: undefined,
      goldstein: undefined,
    },
    new Date('2024-05-21T00:00:00Z'),
  ),
  ...recorded('statement-s', [{ type: 'StatementRecorded', data: { statementId: 's' } } as never]),
];

describe.each(READ_MODEL_STORE_FACTORIES)('escalation-signals projection ($label)', ({ create }) => {
  let store: Awaited<ReturnType<ReadModelStoreFactory['create']>> | undefined;
  let db: SqlSession;
  let t: Tables;
  beforeAll(async () => {
    store = await create();
    ({ db, t } = await givenProjected(escalationSignalsProjection, events, store));
  });
  afterAll(() => store?.dispose());

  const ids = async (filter: Partial<Parameters<typeof listEscalationSignals>[2]>) =>
    (await listEscalationSignals(db, t, { limit: 10, ...filter })).items.map((s) => s.id);

  it('given three signals, then the list is newest window first with the view and the local report date', async () => {
    const page = await listEscalationSignals(db, t, { limit: 10 });
    expect(page.items.map((s) => [s.id, s.reportDate])).toEqual([
      ['b', '2024-05-25'],
      ['a', '2024-05-24'],
      ['c', '2024-05-20'],
    ]);
    expect(page.items[1]).toEqual({
      ...facts,
      signalId: undefined,
      id: 'a',
      streamId: 'escalationSignal-a',
      revision: 0,
      recordedAt: '2024-05-24T08:00:00.000Z',
      reportDate: '2024-05-24',
      timeZone: 'Asia/Taipei',
    });
    expect(page.items[2]).toMatchObject({ timeZone: 'Asia/Manila', severity: 3 });
    expect(page.items[2]).not.toHaveProperty('goldstein');
  });

  it('filters by region, kind and inclusive report dates', async () => {
    expect(await ids({ region: 'taiwan-strait' })).toEqual(['b', 'a']);
    expect(await ids({ kind: 'coast-guard' })).toEqual(['c']);
    expect(await ids({ from: '2024-05-24', to: '2024-05-24' })).toEqual(['a']);
    expect(await ids({ from: '2024-05-21' })).toEqual(['b', 'a']);
  });

  it('as of a recorded time, signals recorded later are not known', async () => {
    expect(await ids({ asOf: '2024-05-24T08:00:00Z' })).toEqual(['a', 'c']);
    expect(await ids({ asOf: '2024-05-24T07:59:59.999Z' })).toEqual(['c']);
    expect(await ids({ asOf: '2024-05-01T00:00:00+08:00' })).toEqual([]);
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const first = await listEscalationSignals(db, t, { limit: 2 });
    const second = await listEscalationSignals(db, t, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('ignores events of other kinds', async () =>
    expect(await db.get(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${t.rm_escalation_signals}`)).toEqual({ n: 3 }));
});
