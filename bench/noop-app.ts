import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { strictValidationPipe } from '../apps/api/src/http/validation.pipe';
import { RecordStatementDto } from '../apps/api/src/statement/record-statement/record-statement.dto';

/** `POST /noop`: the API's body validation and nothing else. */
@Controller()
class NoopController {
  @Post('noop')
  @HttpCode(201)
  noop(@Body() _body: RecordStatementDto): Record<string, never> {
    return {};
  }
}

@Module({ controllers: [NoopController] })
class NoopModule {}

/**
 * The baseline of the HTTP ratio: Nest on Fastify, created like the API (`NestFactory.create`,
 * a `FastifyAdapter` with the same body limit, no logger) with the same global `ValidationPipe`
 * on the same DTO, but no store, auth, idempotency, helmet or metrics.
 */
export async function createNoopApp(bodyLimit: number): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(NoopModule, new FastifyAdapter({ bodyLimit }), {
    logger: false,
    abortOnError: false,
  });
  app.useGlobalPipes(strictValidationPipe());
  return app;
}
