import { parsePosition } from '@tracker/event-store/position';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { ThreadedProjectionRunner } from '@tracker/runtime/projection-thread';
import { statementBody } from '@tracker/testing/fixtures';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startTestApp, type TestApp } from './test-app';

/** The API's default: projections on a worker thread of the API process, with their own connections. */
describe('projections on the projection thread (PROJECTIONS=thread)', () => {
  let api: TestApp;
  const workerOf = () => (api.app.get(ProjectionRunner) as unknown as { worker?: Worker }).worker;
  const record = async (speaker: string) => {
    const res = await api.request('POST', '/v1/statements', statementBody({ speaker }));
    expect(res.status).toBe(201);
    await api.settle(res.body);
  };
  const speakers = async () =>
    (await api.request('GET', '/v1/statements?limit=50')).body.items.map((s: { speaker: string }) => s.speaker);

  beforeAll(async () => {
    api = await startTestApp(undefined, { PROJECTIONS: 'thread' });
  });
  afterAll(() => api?.close());

  it('folds writes on the thread: lists show them, and the thread reports its loops running', async () => {
    expect(api.app.get(ProjectionRunner)).toBeInstanceOf(ThreadedProjectionRunner);
    expect(workerOf()).toBeDefined();
    await record('Thread Speaker One');
    expect(await speakers()).toContain('Thread Speaker One');
    const admin = await api.request('GET', '/v1/admin/projections');
    const states = admin.body.projections.map((p: { active: { state: string } }) => p.active.state);
    expect(states).toHaveLength(8);
    expect(states.every((state: string) => state === 'running')).toBe(true);
  });

  it('keeps the read models in a file of their own, and the log and idempotency keys in tracker.db', async () => {
    const tables = (file: string) => {
      const db = new Database(join(api.dataDir, file), { readonly: true });
      try {
        return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
          (t) => t.name,
        );
      } finally {
        db.close();
      }
    };
    expect(tables('read-models.db')).toEqual(expect.arrayContaining(['projection_generations', 'rm_statements_g1']));
    expect(tables('read-models.db')).not.toContain('events');
    expect(tables('tracker.db')).toEqual(expect.arrayContaining(['events', 'idempotency_keys']));
    expect(tables('tracker.db').filter((t) => t.startsWith('rm_') || t.startsWith('projection_'))).toEqual([]);
  });

  it('starts the thread again when it dies, and nothing written meanwhile is lost', async () => {
    const first = workerOf()!;
    await first.terminate();
    const res = await api.request('POST', '/v1/statements', statementBody({ speaker: 'While The Thread Was Down' }));
    expect(res.status).toBe(201);
    await api.settle(res.body);
    expect(workerOf()).toBeDefined();
    expect(workerOf()).not.toBe(first);
    expect(await speakers()).toEqual(expect.arrayContaining(['Thread Speaker One', 'While The Thread Was Down']));
  });

  it('a wait in flight when the thread dies is answered from the registry instead of failing', async () => {
    const runner = api.app.get(ProjectionRunner);
    const last = await api.request('POST', '/v1/statements', statementBody({ speaker: 'Before The Wait' }));
    const next = parsePosition(last.body.position);
    // The next event's position: not written yet, so the thread is still waiting for it when it dies.
    const waiting = runner.waitFor({ commit: next.commit + 1n, prepare: next.prepare + 1n }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await workerOf()!.terminate();
    const res = await api.request('POST', '/v1/statements', statementBody({ speaker: 'After The Thread Died' }));
    expect(res.status).toBe(201);
    await expect(waiting).resolves.toBeUndefined();
    expect(await speakers()).toContain('After The Thread Died');
  });

  it('stops the thread with the app', async () => {
    const worker = workerOf()!;
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    await api.close();
    expect(await exited).toBe(0);
    expect(workerOf()).toBeUndefined();
    api = undefined as unknown as TestApp;
  });
});
