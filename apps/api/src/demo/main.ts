import { Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { loadConfig } from '@tracker/runtime/app.config';
import { createApp } from '../bootstrap';
import { loadDemo } from './load-demo';

/** `npm run demo`: the API on its own data folder (`./data/demo`), loaded with true public records on first start. */
async function main(): Promise<void> {
  const config = loadConfig({ DATA_DIR: './data/demo', ...process.env, EVENT_STORE: 'sqlite' });
  const app = await createApp(config);
  await app.init();
  const store = app.get<EventStorePort>(EVENT_STORE);
  let empty = true;
  for await (const _ of store.readAll({ maxCount: 1 })) empty = false;
  const logger = new Logger('demo');
  if (empty) logger.log(`loaded ${await loadDemo(app)} demo writes into ${config.DATA_DIR}`);
  await app.listen(config.PORT, config.HOST);
  logger.log(
    `listening on ${await app.getUrl()} — try /v1/timelines/escalation?anchor=taiwan-inauguration-2024&before=7&after=7`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
