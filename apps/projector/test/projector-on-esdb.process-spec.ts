import { type AppProcess, runAppProcess, startAppProcess } from '@tracker/testing/app-process';
import { EsdbTestServer } from '@tracker/testing/esdb-test-server/esdb-test-server';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Protocol-level: the real @eventstore/db-client in the API and projector processes talks to the in-repo gRPC server.
const post = async (api: AppProcess, path: string, body: unknown) => {
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; position: string } };
};
const get = async (api: AppProcess, path: string) => (await fetch(`${api.url}${path}`)).json() as Promise<any>;

/** Polls until `read` returns something `done` accepts. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const addedTotal = (timeline: { days: { added: number }[] }) => timeline.days.reduce((sum, d) => sum + d.added, 0);

describe('projector worker on EventStoreDB (protocol-level)', () => {
  let server: EsdbTestServer;
  let dataDir: string;
  const processes: AppProcess[] = [];
  const env = () => ({
    EVENT_STORE: 'esdb',
    EVENTSTORE_CONNECTION_STRING: server.connectionString,
    DATA_DIR: dataDir,
    PROJECTOR_LEASE_TTL_MS: '1500',
  });
  const start = async (app: 'api' | 'projector', extra: Record<string, string> = {}) => {
    const started = await startAppProcess(app, { ...env(), ...extra });
    processes.push(started);
    return started;
  };

  beforeEach(async () => {
    server = new EsdbTestServer({ batchAppend: true });
    await server.start(0);
    dataDir = mkdtempSync(join(tmpdir(), 'tracker-projector-'));
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the API records on EventStoreDB and the separate projector builds the timeline the API serves', async () => {
    const api = await start('api', { PROJECTIONS: 'off' });
    await start('projector');
    const statement = await post(api, '/v1/statements', statementBody({ speaker: 'Projector Check' }));
    const entity = await post(api, '/v1/sanctioned-entities', entityBody({ name: 'Projector Check Co' }));
    expect([statement.status, entity.status]).toEqual([201, 201]);
    const timeline = await eventually(
      () => get(api, '/v1/timelines/export-controls'),
      (t) => t.days.length > 0,
    );
    expect(timeline.days).toEqual([
      expect.objectContaining({ date: '2023-10-06', added: 1, removed: 0, cumulative: 1 }),
    ]);
    const statements = await get(api, '/v1/statements?speaker=Projector%20Check');
    expect(statements.items.map((s: { id: string }) => s.id)).toEqual([statement.body.id]);
  }, 120_000);

  it("the API's projection thread (the default) follows EventStoreDB on a client of its own", async () => {
    const api = await start('api');
    const entity = await post(api, '/v1/sanctioned-entities', entityBody({ name: 'Thread On Esdb Co' }));
    expect(entity.status).toBe(201);
    const timeline = await eventually(
      () => get(api, '/v1/timelines/export-controls'),
      (t) => t.days.length > 0,
    );
    expect(addedTotal(timeline)).toBe(1);
    const admin = await get(api, '/v1/admin/projections');
    expect(admin.projections.every((p: { active: { state: string } }) => p.active.state === 'running')).toBe(true);
  }, 120_000);

  it('survives the event store going away: after restart every event is in the read model exactly once', async () => {
    const api = await start('api', { PROJECTIONS: 'off' });
    const projector = await start('projector');
    for (let i = 0; i < 5; i++) await post(api, '/v1/sanctioned-entities', entityBody({ name: `Before Outage ${i}` }));
    await eventually(
      () => get(api, '/v1/timelines/export-controls'),
      (t) => addedTotal(t) === 5,
    );
    await server.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await server.start();
    for (let i = 0; i < 5; i++) {
      const res = await eventually(
        () =>
          post(api, '/v1/sanctioned-entities', entityBody({ name: `After Outage ${i}` })).catch(() => ({ status: 0 })),
        (r) => r.status === 201,
      );
      expect(res.status).toBe(201);
    }
    const timeline = await eventually(
      () => get(api, '/v1/timelines/export-controls'),
      (t) => addedTotal(t) >= 10,
    );
    expect(addedTotal(timeline)).toBe(10);
    expect(timeline.days).toEqual([
      expect.objectContaining({ date: '2023-10-06', added: 10, removed: 0, cumulative: 10 }),
    ]);
    const registry = await get(api, '/v1/sanctioned-entities?limit=200');
    expect(new Set(registry.items.map((e: { id: string }) => e.id)).size).toBe(10);
    expect(projector.child.exitCode).toBeNull();
  }, 120_000);

  it('two projectors: only one projects; killing it hands over within the lease TTL with nothing applied twice', async () => {
    const api = await start('api', { PROJECTIONS: 'off' });
    const one = await start('projector');
    const two = await start('projector');
    await eventually(
      async () => [one, two].filter((p) => /holds the lease/.test(p.output())).length,
      (n) => n > 0,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const holders = [one, two].filter((p) => /holds the lease/.test(p.output()));
    expect(holders).toHaveLength(1);
    const [holder] = holders;
    const standby = holder === one ? two : one;

    for (let i = 0; i < 5; i++) await post(api, '/v1/sanctioned-entities', entityBody({ name: `Lease Before ${i}` }));
    await eventually(
      () => get(api, '/v1/timelines/export-controls'),
      (t) => addedTotal(t) === 5,
    );
    const killedAt = Date.now();
    const mark = standby.output().length;
    await holder.kill('SIGKILL');
    await standby.waitForOutput(/holds the lease/, 10_000, mark);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(5_000);

    for (let i = 0; i < 5; i++) await post(api, '/v1/sanctioned-entities', entityBody({ name: `Lease After ${i}` }));
    const timeline = await eventually(
      () => get(api, '/v1/timelines/export-controls'),
      (t) => addedTotal(t) >= 10,
    );
    expect(timeline.days).toEqual([
      expect.objectContaining({ date: '2023-10-06', added: 10, removed: 0, cumulative: 10 }),
    ]);
  }, 120_000);

  it('/health reports the event store down while it is gone and up when it returns', async () => {
    const api = await start('api');
    const health = async () => {
      const res = await fetch(`${api.url}/health`);
      return { status: res.status, body: (await res.json()) as any };
    };
    expect((await health()).status).toBe(200);
    await server.stop();
    const down = await eventually(health, (h) => h.status === 503);
    expect(down.status).toBe(503);
    expect(down.body.error.eventStore.status).toBe('down');
    await server.start();
    const up = await eventually(health, (h) => h.status === 200);
    expect(up.body.info.eventStore.status).toBe('up');
  }, 120_000);

  it('an unreachable EventStoreDB fails startup within the configured time, with one clear line', async () => {
    const port = server.port;
    await server.stop();
    const result = await runAppProcess('api', {
      EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: `esdb://admin:secret@127.0.0.1:${port}?tls=false`,
      EVENTSTORE_CONNECT_TIMEOUT_MS: '1000',
      DATA_DIR: dataDir,
    });
    await server.start();
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(15_000);
    expect(result.output).toMatch(
      /EventStoreDB at esdb:\/\/\*\*\*@127\.0\.0\.1:\d+\?tls=false did not answer within 1000 ms/,
    );
    expect(result.output).not.toContain('secret');
  }, 60_000);

  it('a bad configuration value stops startup naming the variable', async () => {
    const result = await runAppProcess('projector', { EVENT_STORE: 'mongo', DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/EVENT_STORE="mongo" is invalid/);
  }, 60_000);
});
