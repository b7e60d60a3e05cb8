import { Logger } from '@nestjs/common';
import pino from 'pino';
import { NestPinoLogger } from './nest-pino-logger';

describe('NestPinoLogger', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = new NestPinoLogger(
    pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) }),
  );

  beforeEach(() => {
    lines.length = 0;
    Logger.overrideLogger(logger);
  });
  afterAll(() => Logger.overrideLogger(false));

  it('writes a Nest logger context as the context field', () => {
    new Logger('projections').log('statements: generation 2 is now active');
    new Logger('security').warn('no API keys configured');
    expect(lines).toMatchObject([
      { level: 30, context: 'projections', msg: 'statements: generation 2 is now active' },
      { level: 40, context: 'security', msg: 'no API keys configured' },
    ]);
  });

  it("keeps the stack of Nest's (message, stack, context) error contract", () => {
    new Logger('ExceptionsHandler').error('boom', 'Error: boom\n    at handler');
    expect(lines).toMatchObject([
      { level: 50, context: 'ExceptionsHandler', msg: 'boom', stack: 'Error: boom\n    at handler' },
    ]);
  });

  it('serialises an Error as err and merges an object message into the line', () => {
    new Logger('http').error(new Error('disk on fire'));
    new Logger('http').error({ msg: 'request failed', correlationId: 'c-1' });
    expect(lines[0]).toMatchObject({ context: 'http', err: { type: 'Error', message: 'disk on fire' } });
    expect(lines[1]).toMatchObject({ context: 'http', msg: 'request failed', correlationId: 'c-1' });
  });

  it('skips lines below the level without building them', () => {
    new Logger('x').verbose('trace detail');
    expect(lines).toEqual([]);
  });
});
