import type { DomainEvent } from '@tracker/domain/shared/decider';
import { sleep, wakeAll, type Wakers } from '@tracker/event-store/abortable-sleep';
import type { EventStorePort, Position } from '@tracker/event-store/event-store.port';
import { formatPosition } from '@tracker/event-store/position';
import { projected } from '../fold';
import type { ProjectedEvent } from '../projection';

/** One catch-up read: the events (upcast) and how many the store returned. */
export interface Page {
  readonly events: readonly ProjectedEvent<DomainEvent>[];
  readonly read: number;
}

/**
 * Catch-up pages kept for loops reading the same stretch of the log (a rebuild of every
 * projection). A loop that runs ahead waits rather than evict a page a slower loop still
 * needs, so each page is read and parsed once however the loops' speeds differ.
 */
const SHARED_PAGES = 8;

/** The need of a loop that has not read its first page yet: no kept page may be evicted meanwhile. */
const STARTING = '\u0000starting';

/**
 * Pages of `$all` shared by the loops catching up: generations catching up from the same
 * checkpoint (all of them, in a full rebuild) share the reads and the JSON parsing instead
 * of each doing them again.
 */
export class CatchUpPages {
  private readonly pages = new Map<string, Promise<Page>>();
  /** The page each catching-up loop reads next (or is folding), by loop key. */
  private readonly needs = new Map<string, string>();
  /** Loops waiting for a slower one to move past the oldest kept page. */
  private readonly progress: Wakers = new Set();

  constructor(private readonly store: EventStorePort) {}

  /**
   * `loop` starts catching up. Call before its first await: loops started together then hold
   * every kept page until each has asked for its first.
   */
  starting(loop: string): void {
    this.needs.set(loop, STARTING);
  }

  /** `loop` has stopped catching up (caught up, aborted or failed): it holds no page any more. */
  done(loop: string): void {
    this.needs.delete(loop);
    wakeAll(this.progress);
  }

  /** One page of `$all` from `from`, read and upcast once for every loop that asks for it. */
  async read(loop: string, from: Position | undefined, maxCount: number, signal: AbortSignal): Promise<Page> {
    const key = `${from ? formatPosition(from) : 'start'}/${maxCount}`;
    this.needs.set(loop, key);
    wakeAll(this.progress);
    let page = this.pages.get(key);
    // Ahead of a loop that still needs the oldest kept page: wait for it instead of evicting that page.
    while (!page && this.pages.size >= SHARED_PAGES && !signal.aborted) {
      const oldest = this.pages.keys().next().value!;
      const needed = new Set(this.needs.values());
      if (!needed.has(STARTING) && !needed.has(oldest)) {
        this.pages.delete(oldest);
        break;
      }
      await sleep(100, signal, this.progress);
      page = this.pages.get(key);
    }
    if (!page) {
      page = (async () => {
        const events: ProjectedEvent<DomainEvent>[] = [];
        for await (const event of this.store.readAll({ fromPosition: from ?? 'start', maxCount })) {
          events.push(projected(event));
        }
        return { events, read: events.length };
      })();
      this.pages.set(key, page);
      // A page that reached the head of the log grows as appends arrive: only full pages are kept.
      page.then(
        ({ read }) => read < maxCount && this.pages.delete(key),
        () => this.pages.delete(key),
      );
    }
    return page;
  }
}
