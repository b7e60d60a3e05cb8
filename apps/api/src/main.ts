import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app.config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('api').log(
    `listening on ${await app.getUrl()} (event store: ${config.EVENT_STORE}, data: ${config.DATA_DIR}, projections: ${config.PROJECTIONS})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error:\n${error.message}\n`);
  } else {
    process.stderr.write(`Startup failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
