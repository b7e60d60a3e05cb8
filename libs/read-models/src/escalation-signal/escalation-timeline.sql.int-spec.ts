import type { AnchorDefined } from '@tracker/domain/anchor/anchor.decider';
import type { EscalationSignalRecorded } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import type { DomainEvent } from '@tracker/domain/shared/decider';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import { anchorsProjection } from '../anchor/anchors.projection';
import type { ProjectedEvent, Projection, Tables } from '../projection';
import type { ReadModelStore, SqlSession } from '../store/read-model-store';
import { escalationIndex } from './escalation-index';
import { escalationSignalsProjection } from './escalation-signals.projection';
import { escalationTimeline } from './escalation-timeline.sql';

const source = { url: 'https://www.mnd.gov.tw/', publisher: 'Taiwan Ministry of National Defense' };
const event = (streamId: string, type: string, data: object, recordedAt: string) =>
  recorded<DomainEvent>(streamId, [{ type, data }], new Date(recordedAt));
const signal = (id: string, data: Partial<EscalationSignalRecorded['data']>, recordedAt = '2024-05-26T00:00:00Z') =>
  event(
    `escalationSignal-${id}`,
    'EscalationSignalRecorded',
    {
      signalId: id,
      region: 'taiwan-strait',
      kind: 'exercise',
      observedFrom: '2024-05-23T06:00:00+08:00',
      observedTo: '2024-05-24T06:00:00+08:00',
      metrics: {},
      severity: 5,
      cameoCode: '150',
      goldstein: -7.2,
      source,
      ...data,
    } satisfies EscalationSignalRecorded['data'],
    recordedAt,
  );
const inauguration: AnchorDefined['data'] = {
  name: 'taiwan-inauguration-2024',
  date: '2024-05-20',
  title: 'Inauguration of Lai Ching-te',
  source,
};

/** Both projections the timeline reads, into one store, as the runner would; `t` names both tables. */
async function givenBothProjected(events: ProjectedEvent<DomainEvent>[], store: ReadModelStore): Promise<Tables> {
  const projections = [anchorsProjection, escalationSignalsProjection] as Projection<DomainEvent>[];
  let t: Tables = {};
  for (const p of projections) t = { ...t, ...(await givenProjected(p, events, store)).t };
  return t;
}

const events = [
  ...event('anchor-taiwan-inauguration-2024', 'AnchorDefined', inauguration, '2024-05-01T00:00:00Z'),
  ...signal('day1', { metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 } }),
  ...signal(
    'day2',
    {
      observedFrom: '2024-05-23T22:00:00Z',
      observedTo: '2024-05-24T22:00:00Z',
      metrics: { aircraft: 62, navyVessels: 27 },
    },
    '2024-05-27T00:00:00Z',
  ),
  ...signal('rhetoric', {
    kind: 'rhetoric',
    observedFrom: '2024-05-21T10:00:00+08:00',
    observedTo: '2024-05-21T11:00:00+08:00',
    severity: 2,
    cameoCode: '111',
    goldstein: -2,
  }),
  ...signal('scs', {
    region: 'south-china-sea',
    kind: 'coast-guard',
    observedFrom: '2024-05-24T00:00:00+08:00',
    observedTo: '2024-05-24T12:00:00+08:00',
    metrics: { coastGuardVessels: 3 },
    severity: 3,
    cameoCode: undefined,
    goldstein: undefined,
  }),
  ...signal('visit', {
    region: 'east-china-sea',
    kind: 'rhetoric',
    observedFrom: '2024-05-22T09:00:00+09:00',
    observedTo: '2024-05-22T10:00:00+09:00',
    severity: 2,
    cameoCode: '042',
    goldstein: 1.9,
  }),
  ...signal('outside', { observedFrom: '2024-05-01T06:00:00+08:00', observedTo: '2024-05-02T06:00:00+08:00' }),
];

describe.each(READ_MODEL_STORE_FACTORIES)('escalation timeline ($label)', ({ create }) => {
  let store: Awaited<ReturnType<ReadModelStoreFactory['create']>> | undefined;
  let db: SqlSession;
  let t: Tables;
  beforeAll(async () => {
    db = store = await create();
    t = await givenBothProjected(events, store);
  });
  afterAll(() => store?.dispose());

  const timeline = async (filter: Partial<Parameters<typeof escalationTimeline>[2]>) =>
    escalationTimeline(db, t, { anchor: inauguration.name, before: 7, after: 7, region: 'taiwan-strait', ...filter });

  it('one entry per day from date − before to date + after, offset 0 on the anchor date, zeros on quiet days', async () => {
    const line = (await timeline({}))!;
    expect(line.anchor).toEqual({ name: inauguration.name, date: '2024-05-20', title: 'Inauguration of Lai Ching-te' });
    expect(line.days).toHaveLength(15);
    expect(line.days.map((d) => d.offset)).toEqual([-7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect([line.days[0].date, line.days[7].date, line.days[14].date]).toEqual([
      '2024-05-13',
      '2024-05-20',
      '2024-05-27',
    ]);
    expect(line.days[7]).toEqual({
      date: '2024-05-20',
      offset: 0,
      signals: 0,
      aircraft: 0,
      medianLineCrossings: 0,
      navyVessels: 0,
      coastGuardVessels: 0,
      balloons: 0,
      maxSeverity: 0,
      escalationIndex: 0,
    });
  });

  it('sums the MND reports on their local report dates, with the escalation index', async () => {
    const days = (await timeline({}))!.days;
    expect(days.find((d) => d.offset === 1)).toMatchObject({ date: '2024-05-21', signals: 1, maxSeverity: 2 });
    expect(days.find((d) => d.offset === 4)).toEqual({
      date: '2024-05-24',
      offset: 4,
      signals: 1,
      aircraft: 49,
      medianLineCrossings: 35,
      navyVessels: 19,
      coastGuardVessels: 7,
      balloons: 0,
      maxSeverity: 5,
      escalationIndex: 25.7,
    });
    expect(days.find((d) => d.offset === 5)).toMatchObject({
      date: '2024-05-25',
      aircraft: 62,
      navyVessels: 27,
      escalationIndex: 20.2,
    });
  });

  it('without a region every region counts, each on its own local date', async () => {
    expect((await timeline({ region: undefined }))!.days[11]).toMatchObject({
      date: '2024-05-24',
      signals: 2,
      coastGuardVessels: 10,
    });
    expect((await timeline({ region: 'south-china-sea' }))!.days[11]).toMatchObject({ signals: 1, maxSeverity: 3 });
  });

  it('a cooperative CAMEO code does not amplify severity; a conflictual one does', async () => {
    expect((await timeline({ region: 'east-china-sea' }))!.days[9]).toMatchObject({
      date: '2024-05-22',
      escalationIndex: 2,
    });
    expect((await timeline({}))!.days[8]).toMatchObject({ date: '2024-05-21', escalationIndex: 2.4 });
  });

  it('as of a recorded time, later signals are not counted and a later anchor does not exist', async () => {
    const asOf = '2024-05-26T12:00:00Z';
    expect((await timeline({ asOf }))!.days[11].aircraft).toBe(49);
    expect((await timeline({ asOf }))!.days[12]).toMatchObject({ signals: 0, aircraft: 0, escalationIndex: 0 });
    expect(await timeline({ asOf: '2024-04-30T23:59:59Z' })).toBeUndefined();
  });

  it('the per-day totals it reads now agree with the signal rows it reads as of a time after everything', async () => {
    const later = '2999-01-01T00:00:00Z';
    for (const filter of [{}, { region: undefined }, { region: 'south-china-sea' }, { before: 20, after: 365 }]) {
      expect(await timeline(filter)).toEqual(await timeline({ ...filter, asOf: later }));
    }
  });

  it('an unknown anchor has no timeline; a zero-width window is the anchor day alone', async () => {
    expect(await timeline({ anchor: 'no-such-anchor' })).toBeUndefined();
    expect((await timeline({ before: 0, after: 0 }))!.days).toEqual([
      expect.objectContaining({ date: '2024-05-20', offset: 0 }),
    ]);
  });

  it('windows cross month and year boundaries', async () => {
    const days = (await timeline({ before: 20, after: 365 }))!.days;
    expect(days[0].date).toBe('2024-04-30');
    expect(days[days.length - 1]).toMatchObject({ date: '2025-05-20', offset: 365 });
  });
});

describe('escalation index', () => {
  const quiet = {
    weightedSeverityMilli: 0,
    aircraft: 0,
    medianLineCrossings: 0,
    navyVessels: 0,
    coastGuardVessels: 0,
    balloons: 0,
  };

  it('is 0 on a quiet day and weighs each count as documented', () => {
    expect(escalationIndex(quiet)).toBe(0);
    expect(escalationIndex({ ...quiet, aircraft: 10 })).toBe(1);
    expect(escalationIndex({ ...quiet, medianLineCrossings: 5 })).toBe(1);
    expect(escalationIndex({ ...quiet, navyVessels: 3, coastGuardVessels: 2 })).toBe(1);
    expect(escalationIndex({ ...quiet, balloons: 10 })).toBe(1);
    expect(escalationIndex({ ...quiet, weightedSeverityMilli: 1000 / 3 })).toBe(0.33);
  });
});
