import { Controller, Get, Logger, Query as QueryParams, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Position } from '@tracker/event-store/event-store.port';
import { parsePosition } from '@tracker/event-store/position';
import type { FeedItem } from '@tracker/read-models/feed/feed.projection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { InvalidInputError } from '../http/problem-details';
import { correlationIdOf } from '../observability/correlation-id';
import { LiveFeed, LiveFeedOptions } from './live-feed';
import { LiveFeedDto, POSITION } from './live-feed.dto';
import { ApiProblems } from '../openapi/api-problems';
import { FeedItemResponse } from './feed-item.response';

/** One SSE message: the item's position is its id, so `Last-Event-ID` resumes after it. */
export const sseMessage = (item: FeedItem) =>
  `id: ${item.position}\nevent: development\ndata: ${JSON.stringify(item)}\n\n`;

/** The resume position from the `Last-Event-ID` header or `lastEventId`; a malformed header is a 400. */
function resumePosition(header: string | string[] | undefined, query: string | undefined): Position | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && value !== '') {
    if (!POSITION.test(value)) {
      throw new InvalidInputError([
        { field: 'Last-Event-ID', messages: ['Last-Event-ID must be a feed position such as 42 or 42/41'] },
      ]);
    }
    return parsePosition(value);
  }
  return query === undefined ? undefined : parsePosition(query);
}

/** Writes `chunk`, waiting for the socket to drain when its buffer is full. */
function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => (res.off('drain', done), res.off('close', done), resolve());
    res.once('drain', done).once('close', done);
  });
}

/** `GET /v1/feed/live`. */
@ApiTags('feed')
@Controller('v1/feed')
export class LiveFeedController {
  private readonly logger = new Logger(LiveFeedController.name);

  constructor(
    private readonly feed: LiveFeed,
    private readonly options: LiveFeedOptions,
  ) {}

  /**
   * New developments as Server-Sent Events (`id: <position>`, `event: development`,
   * `data: <feed item>`), as projections apply them. With `Last-Event-ID` (sent by
   * `EventSource` on reconnect) or `lastEventId`, everything after that position comes
   * first. A `: heartbeat` comment keeps an idle stream open. Past `SSE_MAX_CLIENTS` open
   * streams, one more is answered 503 problem+json with `Retry-After`.
   */
  @Get('live')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this feed position' })
  @ApiOkResponse({
    description: 'An endless text/event-stream of `development` events, each a feed item (see `FeedItemResponse`).',
    schema: {
      type: 'string',
      example: 'id: 42\nevent: development\ndata: {"position":"42","kind":"statement","headline":"…"}\n\n',
    },
  })
  @ApiExtraModels(FeedItemResponse)
  @ApiProblems({ 503: 'The server already serves `SSE_MAX_CLIENTS` live streams; retry after `Retry-After`.' })
  async live(
    @QueryParams() query: LiveFeedDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const from = resumePosition(request.headers['last-event-id'], query.lastEventId) ?? (await this.feed.newest());
    const release = this.feed.admit();
    if (!release) {
      reply.header('retry-after', '5');
      throw new ServiceUnavailableException(
        `The live feed already serves its ${this.options.maxClients} streams (SSE_MAX_CLIENTS); retry shortly`,
      );
    }
    // Fastify no longer sends this reply; the headers set so far (security, correlation id) go out with ours.
    reply.hijack();
    const res = reply.raw;
    res.once('close', release);
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    const closed = new AbortController();
    res.once('close', () => closed.abort());
    const signal = AbortSignal.any([closed.signal, this.feed.shutdown]);
    const heartbeat = setInterval(() => {
      if (!res.destroyed) res.write(': heartbeat\n\n');
    }, this.options.heartbeatMs);
    try {
      for await (const item of this.feed.follow(from, signal, query.kind)) await write(res, sseMessage(item));
    } catch (error) {
      this.logger.warn({
        msg: `live feed stream ended: ${String(error)}`,
        correlationId: correlationIdOf(request.raw),
      });
    } finally {
      clearInterval(heartbeat);
      res.end();
      release();
    }
  }
}
