import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventStoreUnreachableError } from '@tracker/event-store/create-event-store';
import { ConfigError, loadConfig } from '@tracker/runtime/app.config';
import { ProjectorModule } from './projector.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), { abortOnError: false });
  app.enableShutdownHooks();
  new Logger('projector').log(`started (event store: ${config.EVENT_STORE}, data: ${config.DATA_DIR})`);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof EventStoreUnreachableError;
  process.stderr.write(
    known ? `${(error as Error).message}\n` : `Startup failed: ${String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
