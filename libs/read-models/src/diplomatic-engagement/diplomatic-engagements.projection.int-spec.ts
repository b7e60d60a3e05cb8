import type {
  DiplomaticEngagementEvent,
  DiplomaticEngagementRecorded,
} from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import type { StatementRecorded } from '@tracker/domain/statement/statement.decider';
import { statementBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import type { ProjectedEvent, Tables } from '../projection';
import { diplomaticEngagementsProjection } from './diplomatic-engagements.projection';
import { type DiplomaticEngagementsFilter, listDiplomaticEngagements } from './list-diplomatic-engagements.sql';

const source = { url: 'https://www.state.gov/', publisher: 'US Department of State' };
const blinken = { name: 'Antony Blinken', role: 'Secretary of State', country: 'US' };
const wangYi = { name: 'Wang Yi', role: 'Foreign Minister', country: 'CN' };
const austin = { name: 'Lloyd Austin', role: 'Secretary of Defense', country: 'US' };
const dongJun = { name: 'Dong Jun', role: 'Minister of National Defense', country: 'CN' };

const engagement = (
  id: string,
  overrides: Partial<DiplomaticEngagementRecorded['data']>,
  recordedAt: string,
): ProjectedEvent<DiplomaticEngagementEvent>[] =>
  recorded<DiplomaticEngagementEvent>(
    `diplomaticEngagement-${id}`,
    [
      {
        type: 'DiplomaticEngagementRecorded',
        data: {
          engagementId: id,
          kind: 'visit',
          title: 'Secretary Blinken’s travel to China',
          participants: [blinken, wangYi],
          places: ['Shanghai', 'Beijing'],
          startsOn: '2024-04-24',
          endsOn: '2024-04-26',
          source,
          ...overrides,
        },
      },
    ],
    new Date(recordedAt),
  );

describe.each(READ_MODEL_STORE_FACTORIES)('diplomatic engagements projection on $label', ({ create }) => {
  const events = [
    ...engagement('1', {}, '2024-04-27T08:00:00Z'),
    ...(recorded<StatementRecorded>('statement-x', [
      { type: 'StatementRecorded', data: { ...(statementBody() as StatementRecorded['data']), statementId: 'x' } },
    ]) as unknown as ProjectedEvent<DiplomaticEngagementEvent>[]),
    ...engagement(
      '2',
      {
        kind: 'call',
        title: 'Austin–Dong video call',
        participants: [austin, dongJun],
        places: [],
        startsOn: '2024-04-16',
        endsOn: '2024-04-16',
      },
      '2024-04-17T08:00:00Z',
    ),
    ...engagement(
      '3',
      {
        kind: 'meeting',
        title: 'Austin–Dong meeting at the Shangri-La Dialogue',
        participants: [austin, dongJun],
        places: ['Singapore'],
        startsOn: '2024-05-31',
        endsOn: '2024-05-31',
      },
      '2024-06-01T08:00:00Z',
    ),
  ];
  let db: Awaited<ReturnType<ReadModelStoreFactory['create']>>;
  let t: Tables;
  beforeAll(async () => {
    db = await create();
    ({ t } = await givenProjected(diplomaticEngagementsProjection, events, db));
  });
  afterAll(() => db?.dispose());

  const list = (filter: DiplomaticEngagementsFilter) => listDiplomaticEngagements(db, t, filter);
  const ids = async (filter: Omit<DiplomaticEngagementsFilter, 'limit'>) =>
    (await list({ limit: 10, ...filter })).items.map((e) => e.id);

  it('lists engagements latest first with the view of each, ignoring other events', async () => {
    const page = await list({ limit: 10 });
    expect(page.items.map((e) => e.id)).toEqual(['3', '1', '2']);
    expect(page.items[1]).toEqual({
      id: '1',
      streamId: 'diplomaticEngagement-1',
      revision: 0,
      recordedAt: '2024-04-27T08:00:00.000Z',
      kind: 'visit',
      title: 'Secretary Blinken’s travel to China',
      participants: [blinken, wangYi],
      places: ['Shanghai', 'Beijing'],
      startsOn: '2024-04-24',
      endsOn: '2024-04-26',
      source,
    });
  });

  it('filters by participant name text (any case), participant country, kind and overlapping dates', async () => {
    expect(await ids({ participant: 'BLINKEN' })).toEqual(['1']);
    expect(await ids({ participant: 'dong' })).toEqual(['3', '2']);
    expect(await ids({ participant: '%' })).toEqual([]);
    expect(await ids({ country: 'CN' })).toEqual(['3', '1', '2']);
    expect(await ids({ country: 'SG' })).toEqual([]);
    expect(await ids({ kind: 'call' })).toEqual(['2']);
    expect(await ids({ from: '2024-04-26', to: '2024-05-30' })).toEqual(['1']);
    expect(await ids({ from: '2024-04-16', to: '2024-04-16' })).toEqual(['2']);
    expect(await ids({ to: '2024-04-23' })).toEqual(['2']);
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const first = await list({ limit: 2 });
    const second = await list({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(['3', '1', '2']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('as of a time, shows only engagements recorded by then', async () => {
    expect(await ids({ asOf: '2024-04-17T07:59:59Z' })).toEqual([]);
    expect(await ids({ asOf: '2024-04-17T08:00:00Z' })).toEqual(['2']);
    expect(await ids({ asOf: '2024-05-01T00:00:00Z', participant: 'dong' })).toEqual(['2']);
  });
});
