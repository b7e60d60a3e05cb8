import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog, StoredEvent } from './in-memory-log';
import { checkpointResponse, readEventResponse, streamIdentifier, streamNameOf } from './wire-codec';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type EventPredicate = (event: StoredEvent) => boolean;

/** The real server's default filter search window when the client sends `count`. */
const DEFAULT_SEARCH_WINDOW = 32;

/**
 * `Streams.Read`: finite reads of a stream or `$all`, and catch-up subscriptions that turn
 * live. Catch-up and the live hook happen in one tick, so nothing falls between them.
 */
export class ReadHandler {
  private readonly subscriptions = new Map<ReadCall, () => void>();

  constructor(private readonly log: InMemoryLog) {}

  /** The gRPC handler. */
  readonly handle = (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options || (!options.hasStream() && !options.hasAll())) {
      call.emit('error', { code: status.INVALID_ARGUMENT, details: 'Read needs stream or all options' });
      return;
    }
    const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
    let filter: EventPredicate | undefined;
    try {
      filter = compileFilter(options);
    } catch (error) {
      call.emit('error', { code: status.INVALID_ARGUMENT, details: String(error) });
      return;
    }
    if (options.hasSubscription()) this.subscribe(call, options, filter, structuredIds);
    else this.read(call, options, filter, structuredIds);
  };

  /** Subscriptions currently following the log. */
  get liveSubscriptions(): number {
    return this.subscriptions.size;
  }

  /** Ends every subscription's live hook; the transport is torn down by the caller. */
  closeAll(): void {
    for (const stop of this.subscriptions.values()) stop();
    this.subscriptions.clear();
  }

  private read(call: ReadCall, options: ReadReq.Options, filter: EventPredicate | undefined, structured: boolean) {
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    let selection: readonly StoredEvent[];
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const name = streamNameOf(streamOptions.getStreamIdentifier());
      const stream = this.log.stream(name);
      if (!stream) {
        const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
        call.write(new ReadResp().setStreamNotFound(notFound));
        call.end();
        return;
      }
      selection = selectFromStream(stream, streamOptions, backwards);
    } else {
      selection = selectFromAll(this.log.events, options.getAll()!, backwards);
    }
    const limit = options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
    let sent = 0n;
    for (const event of selection) {
      if (sent >= limit || call.cancelled) break;
      if (filter && !filter(event)) continue;
      call.write(readEventResponse(event, structured));
      sent += 1n;
    }
    call.end();
  }

  private subscribe(call: ReadCall, options: ReadReq.Options, filter: EventPredicate | undefined, structured: boolean) {
    const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
    call.write(new ReadResp().setConfirmation(confirmation));
    const { source, belongs, after } = subscriptionScope(this.log, options);
    const window = options.getFilter()?.hasMax() ? options.getFilter()!.getMax() : DEFAULT_SEARCH_WINDOW;
    const checkpointEvery = Math.max(
      1,
      window * Math.max(1, options.getFilter()?.getCheckpointintervalmultiplier() ?? 1),
    );
    let considered = 0;
    let lastConsidered: bigint | undefined;
    const deliver = (event: StoredEvent) => {
      if (call.cancelled) return;
      considered += 1;
      lastConsidered = event.position;
      if (!filter || filter(event)) call.write(readEventResponse(event, structured));
      if (filter && considered % checkpointEvery === 0) call.write(checkpointResponse(event.position));
    };
    for (const event of source) if (after(event)) deliver(event);
    if (filter && lastConsidered !== undefined) call.write(checkpointResponse(lastConsidered));
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    const unhook = this.log.onCommit((event) => {
      if (belongs(event)) deliver(event);
    });
    const stop = () => {
      unhook();
      this.subscriptions.delete(call);
    };
    this.subscriptions.set(call, stop);
    call.on('cancelled', stop);
    call.on('close', stop);
  }
}

/** Which events a subscription considers, and where (exclusively) it starts. */
function subscriptionScope(log: InMemoryLog, options: ReadReq.Options) {
  if (options.hasStream()) {
    const streamOptions = options.getStream()!;
    const name = streamNameOf(streamOptions.getStreamIdentifier());
    const source = log.stream(name) ?? [];
    const belongs: EventPredicate = (event) => event.streamId === name;
    const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
    switch (streamOptions.getRevisionOptionCase()) {
      case Case.REVISION: {
        const from = BigInt(streamOptions.getRevision());
        return { source, belongs, after: (event: StoredEvent) => event.revision > from };
      }
      case Case.END:
        return { source, belongs, after: () => false };
      default:
        return { source, belongs, after: () => true };
    }
  }
  const allOptions = options.getAll()!;
  const belongs: EventPredicate = () => true;
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  switch (allOptions.getAllOptionCase()) {
    case Case.POSITION: {
      const from = allOptions.getPosition()!;
      return { source: log.events, belongs, after: (event: StoredEvent) => comparePosition(event, from) > 0 };
    }
    case Case.END:
      return { source: log.events, belongs, after: () => false };
    default:
      return { source: log.events, belongs, after: () => true };
  }
}

function selectFromStream(
  stream: readonly StoredEvent[],
  options: ReadReq.Options.StreamOptions,
  backwards: boolean,
): readonly StoredEvent[] {
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  switch (options.getRevisionOptionCase()) {
    case Case.REVISION: {
      const from = BigInt(options.getRevision());
      return backwards
        ? stream.filter((event) => event.revision <= from).reverse()
        : stream.filter((event) => event.revision >= from);
    }
    case Case.END:
      return backwards ? [...stream].reverse() : [];
    default:
      return backwards ? stream.slice(0, 1) : stream;
  }
}

function selectFromAll(
  events: readonly StoredEvent[],
  options: ReadReq.Options.AllOptions,
  backwards: boolean,
): readonly StoredEvent[] {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  switch (options.getAllOptionCase()) {
    case Case.POSITION: {
      const from = options.getPosition()!;
      return backwards
        ? events.filter((event) => comparePosition(event, from) < 0).reverse()
        : events.filter((event) => comparePosition(event, from) >= 0);
    }
    case Case.END:
      return backwards ? [...events].reverse() : [];
    default:
      return backwards ? [] : events;
  }
}

/** Orders an event against a requested (commit, prepare) pair. */
function comparePosition(event: StoredEvent, position: ReadReq.Options.Position): number {
  const commit = BigInt(position.getCommitPosition());
  const prepare = BigInt(position.getPreparePosition());
  if (event.position !== commit) return event.position < commit ? -1 : 1;
  return event.position === prepare ? 0 : event.position < prepare ? -1 : 1;
}

/** Server-side filter: stream name or event type, by prefixes or regex (as `excludeSystemEvents()` sends). */
function compileFilter(options: ReadReq.Options): EventPredicate | undefined {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return undefined;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  if (!expression) return undefined;
  const field = (event: StoredEvent) => (onType ? event.type : event.streamId);
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (event) => prefixes.some((prefix) => field(event).startsWith(prefix));
  const regex = new RegExp(expression.getRegex());
  return (event) => regex.test(field(event));
}
