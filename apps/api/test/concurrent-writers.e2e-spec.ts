import { entityBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

/** Names unique to this run, so the suite also passes against a shared real EventStoreDB. */
const run = randomUUID().slice(0, 8);
const CLIENTS = 50;
const source = { url: 'https://www.federalregister.gov/', publisher: 'Federal Register' };

/**
 * Optimistic concurrency over HTTP: 50 clients amend one listing, each adding its own alias by
 * read-modify-write with `If-Match`. Each round exactly one wins (201) and the rest get 412;
 * losers re-read and retry, so no amendment is lost and none is applied twice.
 */
describe('HTTP: 50 concurrent writers on one record with If-Match', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  it('one winner per revision, 412 for the rest; after retries all 50 aliases are there and the stream has 51 events', async () => {
    const created = await api.request(
      'POST',
      '/v1/sanctioned-entities',
      entityBody({ name: `Concurrent Writers ${run} Ltd`, aliases: [] }),
    );
    expect(created.status).toBe(201);
    expect(created.body.revision).toBe(0);
    const { id, streamId } = created.body as { id: string; streamId: string };
    await api.settle(created.body);
    const eventsBefore = await api.countEvents();

    const clients = Array.from({ length: CLIENTS }, (_, n) => ({
      n,
      alias: `Concurrent Alias ${String(n).padStart(2, '0')} ${run}`,
    }));
    /** revision → the client whose amendment produced it. */
    const winners = new Map<number, number>();
    let pending = clients;
    let lastWrite: { position: string } = created.body;
    let rounds = 0;

    while (pending.length > 0) {
      rounds++;
      // Every pending client reads the record as the settled read model shows it.
      await api.settle(lastWrite);
      const reads = await Promise.all(pending.map(() => api.request('GET', `/v1/sanctioned-entities/${id}`)));
      for (const read of reads) expect(read.status).toBe(200);
      const revisions = new Set(reads.map((r) => r.body.revision));
      expect([...revisions]).toEqual([rounds - 1]); // everyone sees the same, latest revision (0 in round 1)

      const responses: TestResponse[] = await Promise.all(
        pending.map((client, i) =>
          api.request(
            'POST',
            `/v1/sanctioned-entities/${id}/amendments`,
            { changes: { aliases: [...reads[i].body.aliases, client.alias] }, note: `client ${client.n}`, source },
            { 'if-match': `"${reads[i].body.revision}"` },
          ),
        ),
      );

      const won = responses.flatMap((r, i) => (r.status === 201 ? [pending[i]] : []));
      const lost = responses.filter((r) => r.status !== 201);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.status)).toEqual(Array(pending.length - 1).fill(412));
      for (const r of lost) {
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(r.body).toMatchObject({
          status: 412,
          code: 'revision-mismatch',
          expectedRevision: String(rounds - 1),
          actualRevision: String(rounds),
        });
      }
      const winner = responses.find((r) => r.status === 201)!;
      expect(winner.body).toMatchObject({ id, streamId, revision: rounds });
      expect(winner.headers.etag).toBe(`"${rounds}"`);
      expect(winners.has(winner.body.revision)).toBe(false);
      winners.set(winner.body.revision, won[0].n);
      lastWrite = winner.body;
      // A 412 appends nothing: the log grew by exactly the winners so far.
      expect(await api.countEvents()).toBe(eventsBefore + winners.size);
      pending = pending.filter((client) => client !== won[0]);
    }

    expect(rounds).toBe(CLIENTS);
    // Revisions 1..50, each won by exactly one client, and every client won exactly once.
    expect([...winners.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: CLIENTS }, (_, i) => i + 1));
    expect(new Set(winners.values()).size).toBe(CLIENTS);

    await api.settle(lastWrite);
    const final = await api.request('GET', `/v1/sanctioned-entities/${id}`);
    expect(final.status).toBe(200);
    expect(final.body.revision).toBe(CLIENTS);
    // Aliases in the order the revisions were won: every successful amendment, nothing else, nothing twice.
    const inOrder = [...winners.entries()].sort(([a], [b]) => a - b).map(([, n]) => clients[n].alias);
    expect(final.body.aliases).toEqual(inOrder);
    expect(final.body.amendments).toHaveLength(CLIENTS);

    const events: { type: string; revision: bigint; data: Record<string, unknown> }[] = [];
    for await (const event of api.store.readStream(streamId)) events.push(event);
    expect(events).toHaveLength(CLIENTS + 1);
    expect(events.map((e) => e.type)).toEqual([
      'SanctionedEntityAdded',
      ...Array(CLIENTS).fill('SanctionedEntityAmended'),
    ]);
    expect(events.map((e) => Number(e.revision))).toEqual(Array.from({ length: CLIENTS + 1 }, (_, i) => i));
    // Each amendment event adds exactly its winner's alias to the aliases before it.
    events.slice(1).forEach((event, i) => {
      const aliases = (event.data.changes as { aliases: string[] }).aliases;
      expect(aliases).toEqual(inOrder.slice(0, i + 1));
    });
  }, 120_000);
});
