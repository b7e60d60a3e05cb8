import type {
  DiplomaticEngagementEvent,
  DiplomaticEngagementRecorded,
} from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import type { StatementRecorded } from '@tracker/domain/statement/statement.decider';
import { statementBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import type { ProjectedEvent } from '../projection';
import { diplomaticEngagementsProjection } from './diplomatic-engagements.projection';
import { type DiplomaticEngagementsFilter, listDiplomaticEngagements } from './list-diplomatic-engagements.query';

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

describe('diplomatic engagements projection', () => {
  const db = givenProjected(diplomaticEngagementsProjection, [
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
  ]);
  const ids = (filter: Omit<DiplomaticEngagementsFilter, 'limit'>) =>
    listDiplomaticEngagements(db, { limit: 10, ...filter }).items.map((e) => e.id);

  it('lists engagements latest first with the view of each, ignoring other events', () => {
    const page = listDiplomaticEngagements(db, { limit: 10 });
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

  it('filters by participant name text (any case), participant country, kind and overlapping dates', () => {
    expect(ids({ participant: 'BLINKEN' })).toEqual(['1']);
    expect(ids({ participant: 'dong' })).toEqual(['3', '2']);
    expect(ids({ participant: '%' })).toEqual([]);
    expect(ids({ country: 'CN' })).toEqual(['3', '1', '2']);
    expect(ids({ country: 'SG' })).toEqual([]);
    expect(ids({ kind: 'call' })).toEqual(['2']);
    expect(ids({ from: '2024-04-26', to: '2024-05-30' })).toEqual(['1']);
    expect(ids({ from: '2024-04-16', to: '2024-04-16' })).toEqual(['2']);
    expect(ids({ to: '2024-04-23' })).toEqual(['2']);
  });

  it('pages with a cursor without skipping or repeating', () => {
    const first = listDiplomaticEngagements(db, { limit: 2 });
    const second = listDiplomaticEngagements(db, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(['3', '1', '2']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('as of a time, shows only engagements recorded by then', () => {
    expect(ids({ asOf: '2024-04-17T07:59:59Z' })).toEqual([]);
    expect(ids({ asOf: '2024-04-17T08:00:00Z' })).toEqual(['2']);
    expect(ids({ asOf: '2024-05-01T00:00:00Z', participant: 'dong' })).toEqual(['2']);
  });
});
