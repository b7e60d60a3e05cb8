import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@tracker/runtime/app.config';
import { PersistenceModule } from '@tracker/runtime/persistence.module';

@Module({})
class CliModule {}

/** Runs `work` with the configured stores (no HTTP, no projections unless the command starts them), then closes them. */
export async function withStores<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const context = await NestFactory.createApplicationContext(
    { module: CliModule, imports: [PersistenceModule.forRoot(config, 'cli')] },
    { logger: ['error', 'warn'], abortOnError: false },
  );
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
