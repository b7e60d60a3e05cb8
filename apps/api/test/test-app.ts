import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { parsePosition } from '@tracker/event-store/position';
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
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Status, headers and parsed JSON body. */
export interface TestResponse {
  status: number;
  headers: Record<string, unknown>;
  body: any;
}

/** Starts the API on `dataDir` (a fresh temporary folder by default). */
export async function startTestApp(dataDir = mkdtempSync(join(tmpdir(), 'tracker-e2e-'))): Promise<TestApp> {
  const app = await createApp(loadConfig({ DATA_DIR: dataDir }), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const store = app.get<EventStorePort>(EVENT_STORE);
  const runner = app.get(ProjectionRunner);
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
    async close({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
