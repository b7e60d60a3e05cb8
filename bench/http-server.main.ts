import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@tracker/runtime/app.config';
import type { AddressInfo } from 'node:net';
import { createApp } from '../apps/api/src/bootstrap';
import { createNoopApp } from './noop-app';

/**
 * Child-process entry of `startServer`: `http-server.main.ts api|noop <dataDir>` starts the
 * real API (embedded SQLite in `dataDir`, rate limit off) or the no-op app on a random
 * loopback port, reports `{ port }` over IPC and closes on the message `stop`.
 */
async function main(): Promise<void> {
  const [kind, dataDir] = process.argv.slice(2);
  const config = loadConfig({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
  let app: NestFastifyApplication;
  try {
    app = kind === 'api' ? await createApp(config, { logger: false }) : await createNoopApp(config.BODY_LIMIT_BYTES);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    process.send!({ error: String((error as Error)?.stack ?? error) }, () => process.exit(1));
    return;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void app.close().finally(() => process.exit(0));
  });
  process.send!({ port });
}

void main();
