import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { headOf, parsePosition } from '@tracker/event-store/position';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '@tracker/runtime/app.config';

/** An in-process API on its own data folder, driven with Fastify's `inject`. */
export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly dataDir: string;
  readonly store: EventStorePort;
  request(method: 'GET' | 'POST', url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** Waits until projections have applied the write whose response body is given. */
  settle(write: { position: string }): Promise<void>;
  countEvents(): Promise<number>;
  /** Listings added on `date` according to the timeline (other runs may share a real server). */
  addedOn(date: string): Promise<number>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Status, headers and parsed JSON body. */
export interface TestResponse {
  status: number;
  headers: Record<string, unknown>;
  body: any;
}

/**
 * Starts the API on `dataDir` (a fresh temporary folder by default). With `TEST_EVENT_STORE=esdb`
 * (`npm run test:esdb`) the events go to the EventStoreDB at `EVENTSTORE_CONNECTION_STRING`.
 */
export async function startTestApp(
  dataDir = mkdtempSync(join(tmpdir(), 'tracker-e2e-')),
  overrides: Record<string, string> = {},
): Promise<TestApp> {
  const esdb = process.env.TEST_EVENT_STORE === 'esdb';
  const env = esdb
    ? { DATA_DIR: dataDir, EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: process.env.EVENTSTORE_CONNECTION_STRING }
    : { DATA_DIR: dataDir };
  // Suites send thousands of requests in-process; the rate limit has a test of its own. Projections run on the
  // request thread unless a suite asks for the projection thread (`PROJECTIONS: 'thread'`, the default of a real start).
  Object.assign(
    env,
    { RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', PROJECTIONS: 'inline' },
    overrides,
  );
  const app = await createApp(loadConfig(env), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const store = app.get<EventStorePort>(EVENT_STORE);
  const runner = app.get(ProjectionRunner);
  // Read models start caught up with whatever the store already holds (a real server keeps earlier runs).
  const head = await headOf(store);
  if (head) await runner.waitFor(head, 60_000);
  return {
    app,
    dataDir,
    store,
    async request(method, url, body, headers = {}) {
      const response = await app.inject({ method, url, payload: body as object, headers });
      const text = response.body;
      return { status: response.statusCode, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    settle: (write) => runner.waitFor(parsePosition(write.position)),
    async countEvents() {
      let count = 0;
      for await (const _ of store.readAll()) count++;
      return count;
    },
    async addedOn(date) {
      const res = await app.inject({ method: 'GET', url: `/v1/timelines/export-controls?from=${date}&to=${date}` });
      return (JSON.parse(res.body) as { days: { added: number }[] }).days.reduce((sum, d) => sum + d.added, 0);
    },
    async close({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
