import { Logger } from '@nestjs/common';
import { EventStoreUnreachableError } from '@tracker/event-store/create-event-store';
import { ConfigError, loadConfig } from '@tracker/runtime/app.config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  if (!config.API_KEYS && !config.API_KEYS_FILE) {
    new Logger('security').warn(
      `no API keys configured: listening on ${config.HOST} only, and every request acts as the local admin`,
    );
  }
  new Logger('api').log(
    `listening on ${await app.getUrl()} (event store: ${config.EVENT_STORE}, data: ${config.DATA_DIR}, projections: ${config.PROJECTIONS})`,
  );
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EventStoreUnreachableError;
  process.stderr.write(
    known ? `${(error as Error).message}\n` : `Startup failed: ${String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
