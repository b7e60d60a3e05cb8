import { replayAndCompare } from '@tracker/read-models/replay-compare';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { mndSignalBody } from '@tracker/testing/fixtures';
import { startTestApp, type TestApp } from './test-app';

/** CAMEO codes whose Goldstein weights (−7.2, −7, −6.9, −4.4, −2) sum to long binary fractions. */
const CODES = ['150', '138', '152', '130', '111'];

describe.each(['inline', 'thread'])('replay equals live after a burst of writes (projections %s)', (mode) => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp(undefined, { PROJECTIONS: mode })));
  afterAll(() => api.close());

  it('37 signals for one day, sent in overlapping waves: every projection equals a replay from position 0', async () => {
    const sent = [];
    for (const wave of [1, 9, 3, 17, 7]) {
      const writes = Array.from({ length: wave }, (_, i) =>
        api.request(
          'POST',
          '/v1/escalation-signals',
          mndSignalBody({ severity: 1 + (i % 5), cameoCode: CODES[(sent.length + i) % CODES.length] }),
        ),
      );
      sent.push(...(await Promise.all(writes)));
      await new Promise((resolve) => setTimeout(resolve, 15 * wave));
    }
    expect(sent.map((res) => res.status)).toEqual(Array(37).fill(201));
    const last = sent
      .map((res) => res.body)
      .sort((a, b) => Number(a.position) - Number(b.position))
      .at(-1);
    await api.settle(last);

    const db = api.app.get<ReadModelStore>(READ_MODEL_STORE);
    const results = [];
    for (const projection of ALL_PROJECTIONS) results.push(await replayAndCompare(api.store, db, projection));
    expect(results.filter((r) => !r.equal).map((r) => r.projection)).toEqual([]);
    const days = results.find((r) => r.projection === 'escalation-signals')!.tables;
    expect(days.find((t) => t.table === 'rm_escalation_days')).toMatchObject({ live: 1, replayed: 1 });
  }, 60_000);
});
