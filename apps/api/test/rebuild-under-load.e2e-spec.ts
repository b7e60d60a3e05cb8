import { entityBody } from '@tracker/testing/fixtures';
import { API_READ_MODEL_STORES } from '@tracker/testing/read-model-stores';
import { startTestApp, type TestApp } from './test-app';

/** Projections on the request thread, and on the API's projection thread (the default). */
const cases = API_READ_MODEL_STORES.flatMap(({ label, setup }) =>
  (['inline', 'thread'] as const).map((mode) => [label, mode, setup] as const),
);

describe.each(cases)('blue/green rebuild under read load (read models on %s, projections %s)', (_, mode, setup) => {
  let api: TestApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const store = await setup();
    cleanup = store.cleanup;
    api = await startTestApp(undefined, { ...store.env, PROJECTIONS: mode });
  });
  afterAll(async () => {
    await api.close();
    await cleanup();
  });

  it('answers every read during the rebuild and ends on the new generation', async () => {
    let last;
    for (let i = 0; i < 60; i++) {
      last = await api.request(
        'POST',
        '/v1/sanctioned-entities',
        entityBody({ name: `Rebuild Load ${i}`, effectiveFrom: '2024-01-15' }),
      );
      expect(last.status).toBe(201);
    }
    await api.settle(last!.body);
    const before = await api.request('GET', '/v1/admin/projections');
    const generationBefore = before.body.projections.find((p: { name: string }) => p.name === 'export-controls').active
      .generation;

    const started = await api.request('POST', '/v1/admin/projections/export-controls/rebuild');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      name: 'export-controls',
      generation: generationBefore + 1,
      status: 'building',
    });

    const reads: { status: number; cumulative: number }[] = [];
    const deadline = Date.now() + 20_000;
    let done = false;
    while (!done && Date.now() < deadline) {
      const timeline = await api.request('GET', '/v1/timelines/export-controls?from=2024-01-15&to=2024-01-15');
      reads.push({ status: timeline.status, cumulative: timeline.body.days?.[0]?.cumulative ?? 0 });
      const admin = await api.request('GET', '/v1/admin/projections');
      const exportControls = admin.body.projections.find((p: { name: string }) => p.name === 'export-controls');
      done = exportControls.rebuild === null && exportControls.active.generation === generationBefore + 1;
      // In-process requests on SQLite complete without I/O; yield so timers (the runner) get their turn, as with real clients.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(done).toBe(true);
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every((r) => r.status === 200 && r.cumulative === 60)).toBe(true);
    const after = await api.request('GET', '/v1/timelines/export-controls?from=2024-01-15&to=2024-01-15');
    expect(after.body.days).toEqual([expect.objectContaining({ date: '2024-01-15', added: 60, cumulative: 60 })]);
    expect((await api.request('POST', '/v1/admin/projections/no-such/rebuild')).status).toBe(404);
  });
});
