import type {
  PolicyActionAdvanced,
  PolicyActionEvent,
  PolicyActionRecorded,
} from '@tracker/domain/policy-action/policy-action.decider';
import type { StatementRecorded } from '@tracker/domain/statement/statement.decider';
import { statementBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import type { ProjectedEvent, Tables } from '../projection';
import { getPolicyAction } from './get-policy-action.sql';
import { listPolicyActions, type PolicyActionsFilter } from './list-policy-actions.sql';
import { policyActionsProjection } from './policy-actions.projection';

const source = { url: 'https://ustr.gov/', publisher: 'Office of the USTR' };
const congress = { url: 'https://www.congress.gov/bill/118th-congress/house-bill/7521', publisher: 'Congress.gov' };

const started = (id: string, overrides: Partial<PolicyActionRecorded['data']>): PolicyActionRecorded => ({
  type: 'PolicyActionRecorded',
  data: {
    policyActionId: id,
    kind: 'investigation',
    title: 'Section 301 investigation of shipbuilding',
    actors: ['USTR'],
    instrument: 'Section 301',
    stage: 'petition',
    occurredAt: '2024-03-12',
    source,
    ...overrides,
  },
});
const advanced = (id: string, data: Omit<PolicyActionAdvanced['data'], 'policyActionId'>): PolicyActionAdvanced => ({
  type: 'PolicyActionAdvanced',
  data: { policyActionId: id, ...data },
});

/** Events of one stream, each recorded at its own time and revision. */
function stream(streamId: string, events: [PolicyActionEvent, string][]): ProjectedEvent<PolicyActionEvent>[] {
  return events.map(([event, at], revision) => ({
    ...recorded<PolicyActionEvent>(streamId, [event], new Date(at))[0],
    revision: BigInt(revision),
  }));
}

/** A statement in the same log: the projection must skip it. */
const unrelated = recorded<StatementRecorded>('statement-x', [
  { type: 'StatementRecorded', data: { ...(statementBody() as StatementRecorded['data']), statementId: 'x' } },
]) as unknown as ProjectedEvent<PolicyActionEvent>[];

describe.each(READ_MODEL_STORE_FACTORIES)('policy actions projection on $label', ({ create }) => {
  const events = [
    ...stream('policyAction-1', [
      [started('1', {}), '2024-03-13T09:00:00Z'],
      [
        advanced('1', {
          kind: 'investigation',
          previousStage: 'petition',
          stage: 'initiated',
          occurredAt: '2024-04-17',
          note: 'Initiated after petition by five unions',
          source,
        }),
        '2024-04-18T09:00:00Z',
      ],
    ]),
    ...unrelated,
    ...stream('policyAction-2', [
      [
        started('2', {
          kind: 'legislation',
          title: 'Protecting Americans from Foreign Adversary Controlled Applications Act',
          actors: ['US Congress'],
          instrument: 'H.R. 7521',
          stage: 'introduced',
          occurredAt: '2024-03-05',
          source: congress,
        }),
        '2024-03-06T09:00:00Z',
      ],
    ]),
    ...stream('policyAction-3', [
      [
        started('3', {
          kind: 'tariff',
          title: 'Tripling Section 301 tariffs on Chinese steel and aluminum',
          stage: 'proposed',
          occurredAt: '2024-04-17',
          rate: '25%',
        }),
        '2024-04-17T20:00:00Z',
      ],
    ]),
  ];
  let db: Awaited<ReturnType<ReadModelStoreFactory['create']>>;
  let t: Tables;
  beforeAll(async () => {
    db = await create();
    ({ t } = await givenProjected(policyActionsProjection, events, db));
  });
  afterAll(() => db?.dispose());

  const list = (filter: PolicyActionsFilter) => listPolicyActions(db, t, filter);
  const ids = async (filter: Omit<PolicyActionsFilter, 'limit'>) =>
    (await list({ limit: 10, ...filter })).items.map((a) => a.id);

  it('lists every action at its current stage, latest development first, ignoring other events', async () => {
    const page = await list({ limit: 10 });
    expect(page.items.map((a) => [a.id, a.stage])).toEqual([
      ['3', 'proposed'],
      ['1', 'initiated'],
      ['2', 'introduced'],
    ]);
    expect(page.items[1]).toEqual({
      id: '1',
      streamId: 'policyAction-1',
      revision: 1,
      kind: 'investigation',
      title: 'Section 301 investigation of shipbuilding',
      actors: ['USTR'],
      instrument: 'Section 301',
      stage: 'initiated',
      occurredAt: '2024-03-12',
      stageOccurredAt: '2024-04-17',
      recordedAt: '2024-03-13T09:00:00.000Z',
      stageRecordedAt: '2024-04-18T09:00:00.000Z',
      source,
    });
    expect(page.items[0].rate).toBe('25%');
  });

  it('filters by kind, current stage, actor (any case), title or instrument text, and dates of any stage', async () => {
    expect(await ids({ kind: 'legislation' })).toEqual(['2']);
    expect(await ids({ stage: 'initiated' })).toEqual(['1']);
    expect(await ids({ stage: 'petition' })).toEqual([]);
    expect(await ids({ actor: 'ustr' })).toEqual(['3', '1']);
    expect(await ids({ actor: 'US' })).toEqual([]);
    expect(await ids({ q: 'STEEL' })).toEqual(['3']);
    expect(await ids({ q: 'h.r. 7521' })).toEqual(['2']);
    expect(await ids({ q: '100%' })).toEqual([]);
    expect(await ids({ from: '2024-03-01', to: '2024-03-10' })).toEqual(['2']);
    expect(await ids({ from: '2024-03-12', to: '2024-03-12' })).toEqual(['1']);
    expect(await ids({ from: '2024-04-17' })).toEqual(['3', '1']);
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const first = await list({ limit: 2 });
    const second = await list({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual(['3', '1', '2']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('as of a time, shows only actions recorded by then, at the stage recorded by then', async () => {
    expect(await ids({ asOf: '2024-03-01T00:00:00Z' })).toEqual([]);
    const before = (await list({ limit: 10, asOf: '2024-04-01T00:00:00Z' })).items;
    expect(before.map((a) => [a.id, a.stage, a.revision])).toEqual([
      ['1', 'petition', 0],
      ['2', 'introduced', 0],
    ]);
    expect(await ids({ asOf: '2024-04-01T00:00:00Z', stage: 'initiated' })).toEqual([]);
    expect(await ids({ asOf: '2024-04-01T00:00:00Z', from: '2024-04-17' })).toEqual([]);
    expect(await ids({ asOf: '2024-04-18T09:00:00Z', stage: 'initiated' })).toEqual(['1']);
  });

  it('gets one action with its full stage history, or as known at a time', async () => {
    expect(await getPolicyAction(db, t, '1')).toMatchObject({
      id: '1',
      stage: 'initiated',
      history: [
        { stage: 'petition', occurredAt: '2024-03-12', recordedAt: '2024-03-13T09:00:00.000Z', revision: 0, source },
        {
          stage: 'initiated',
          occurredAt: '2024-04-17',
          recordedAt: '2024-04-18T09:00:00.000Z',
          revision: 1,
          note: 'Initiated after petition by five unions',
          source,
        },
      ],
    });
    const earlier = await getPolicyAction(db, t, '1', '2024-04-18T08:59:59.999Z');
    expect(earlier).toMatchObject({ stage: 'petition', stageOccurredAt: '2024-03-12', revision: 0 });
    expect(earlier?.history.map((h) => h.stage)).toEqual(['petition']);
    expect(await getPolicyAction(db, t, '1', '2024-03-13T08:59:59Z')).toBeUndefined();
    expect(await getPolicyAction(db, t, 'unknown')).toBeUndefined();
  });
});
