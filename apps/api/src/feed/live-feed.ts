import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Position } from '@tracker/event-store/event-store.port';
import { comparePositions, parsePosition, START } from '@tracker/event-store/position';
import type { FeedItem } from '@tracker/read-models/feed/feed.projection';
import { feedAfter, listFeed } from '@tracker/read-models/feed/list-feed.sql';
import { ReadModels } from '@tracker/read-models/read-models';
import { AppConfig } from '@tracker/runtime/app.config';

/** Timings and limits of the live feed; a provider of its own so tests can shorten them. */
@Injectable()
export class LiveFeedOptions {
  /** Streams open at once (`SSE_MAX_CLIENTS`): each holds a socket and a poll waiter for as long as it lasts. */
  maxClients: number;
  /** How often the feed's newest position is read while anyone is waiting for it. */
  pollMs = 250;
  /** How often an idle stream sends a comment, so proxies and clients keep it open. */
  heartbeatMs = 15_000;
  /** Rows read per query while a resuming client catches up. */
  batchSize = 500;

  constructor(config: AppConfig) {
    this.maxClients = config.SSE_MAX_CLIENTS;
  }
}

interface Waiter {
  readonly after: Position;
  readonly wake: () => void;
}

/**
 * Follows the feed read model for Server-Sent Events. It polls the read model rather than
 * hooking into the in-process projection runner because, scaled out, projections run in
 * another process (`apps/projector`). One shared poll serves every open stream: it reads
 * only the newest position, and a stream queries rows only when that has moved past it.
 */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly waiters = new Set<Waiter>();
  private readonly closing = new AbortController();
  private timer?: NodeJS.Timeout;
  private polling = false;
  private streams = 0;

  constructor(
    private readonly readModels: ReadModels,
    private readonly options: LiveFeedOptions,
  ) {}

  /** Aborted when the application shuts down, so open streams end and the server can close. */
  get shutdown(): AbortSignal {
    return this.closing.signal;
  }

  /**
   * Admits one more stream, unless `maxClients` are already open: returns the function that
   * gives its place back (call it once, when the stream ends), or undefined when full.
   */
  admit(): (() => void) | undefined {
    if (this.streams >= this.options.maxClients) return undefined;
    this.streams++;
    let released = false;
    return () => {
      if (!released) this.streams--;
      released = true;
    };
  }

  /** Position of the newest development, or the start of the log when there is none. */
  async newest(): Promise<Position> {
    const page = await listFeed(this.readModels.db, await this.readModels.tables('feed'), { limit: 1 });
    return page.items[0] ? parsePosition(page.items[0].position) : START;
  }

  /**
   * Every development after `after`, oldest first, then each new one as projections apply
   * it, until `signal` aborts. Rows are read by position from where the last one left off,
   * so a resumed stream has no gaps and no repeats.
   */
  async *follow(after: Position, signal: AbortSignal, kind?: FeedItem['kind']): AsyncGenerator<FeedItem> {
    let last = after;
    while (!signal.aborted) {
      const items = await feedAfter(
        this.readModels.db,
        await this.readModels.tables('feed'),
        last.commit,
        last.prepare,
        this.options.batchSize,
      );
      for (const item of items) {
        last = parsePosition(item.position);
        if (!kind || item.kind === kind) yield item;
        if (signal.aborted) return;
      }
      if (items.length < this.options.batchSize) await this.moved(last, signal);
    }
  }

  onModuleDestroy(): void {
    this.closing.abort();
    clearInterval(this.timer);
    for (const waiter of this.waiters) waiter.wake();
    this.waiters.clear();
  }

  /** Resolves once the newest position is past `after`, or `signal` aborts. */
  private moved(after: Position, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiter: Waiter = {
        after,
        wake: () => {
          this.waiters.delete(waiter);
          signal.removeEventListener('abort', waiter.wake);
          if (this.waiters.size === 0) this.stopPolling();
          resolve();
        },
      };
      if (signal.aborted || this.closing.signal.aborted) return resolve();
      signal.addEventListener('abort', waiter.wake, { once: true });
      this.waiters.add(waiter);
      this.timer ??= setInterval(() => void this.poll(), this.options.pollMs);
    });
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const head = await this.newest();
      for (const waiter of [...this.waiters]) if (comparePositions(head, waiter.after) > 0) waiter.wake();
    } catch {
      // A failed read (e.g. during a generation switch) is retried on the next tick.
    } finally {
      this.polling = false;
    }
  }
}
