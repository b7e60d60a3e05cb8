import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler, batchAppendHandler } from './append-handlers';
import { InMemoryLog, type ProposedEvent } from './in-memory-log';
import { ReadHandler } from './read-handler';

/** Options for `EsdbTestServer`. */
export interface EsdbTestServerOptions {
  /** Advertise and serve `Streams.BatchAppend` (servers ≥ 21.10); else clients fall back to `Streams.Append`. */
  readonly batchAppend: boolean;
}

const HOST = '127.0.0.1';
const STREAMS_SERVICE = 'event_store.client.streams.Streams';
const FEATURES_SERVICE = 'event_store.client.server_features.ServerFeatures';

/**
 * An in-memory EventStoreDB speaking the real gRPC protocol, built on the service
 * definitions `@eventstore/db-client` ships, so the adapter is tested against the real client.
 * Data survives `stop()`/`start()` so reconnecting clients can be exercised.
 */
export class EsdbTestServer {
  private readonly log = new InMemoryLog();
  private readonly reads = new ReadHandler(this.log);
  private server: Server | undefined;
  private boundPort: number | undefined;

  constructor(private readonly options: EsdbTestServerOptions = { batchAppend: true }) {
    this.appendSystemEvent('$$$scavenges', '$metadata', { $maxAge: 2_592_000 });
    this.appendSystemEvent('$settings', '$update-default-acl', { $userStreamAcl: { $r: '$all' } });
  }

  /** Port of the last successful `start()`. */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('EsdbTestServer has not been started');
    return this.boundPort;
  }

  /** Insecure single-node connection string for `EventStoreDBClient.connectionString`. */
  get connectionString(): string {
    return `esdb://${HOST}:${this.port}?tls=false`;
  }

  /** Subscriptions currently following the log; lets tests prove a client unsubscribed. */
  get liveSubscriptions(): number {
    return this.reads.liveSubscriptions;
  }

  /** Listens on `port` (0 picks a free one; defaults to the previous port) and resolves the bound port. */
  async start(port = this.boundPort ?? 0): Promise<number> {
    if (this.server) throw new Error('EsdbTestServer is already running');
    const server = new Server();
    server.addService(StreamsService, this.streamsImplementation());
    server.addService(ServerFeaturesService, { getSupportedMethods: this.supportedMethods });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${HOST}:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.server = server;
    // Real nodes write stats into `$all` while running; filtering must cope with it.
    this.appendSystemEvent(`$stats-${HOST}:${this.boundPort}`, '$statsCollected', { 'proc-startTime': Date.now() });
    return this.boundPort;
  }

  /** Drops every connection at once (clients see their calls fail) and stops listening. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.reads.closeAll();
    await new Promise<void>((resolve) => {
      server.tryShutdown(() => resolve());
      server.forceShutdown();
    });
  }

  /** Appends a `$`-typed event as the server itself would, e.g. to exercise `$all` filtering. */
  appendSystemEvent(streamId: string, type: string, data: Record<string, unknown>): void {
    const event: ProposedEvent = {
      eventId: randomUUID(),
      type,
      contentType: 'application/json',
      data: Buffer.from(JSON.stringify(data), 'utf8'),
      customMetadata: new Uint8Array(),
    };
    this.log.append(streamId, { kind: 'any' }, [event]);
  }

  private streamsImplementation(): UntypedServiceImplementation {
    const implementation: UntypedServiceImplementation = {
      read: this.reads.handle,
      append: appendHandler(this.log),
    };
    if (this.options.batchAppend) implementation.batchAppend = batchAppendHandler(this.log);
    return implementation;
  }

  private readonly supportedMethods = (
    _call: unknown,
    callback: (error: null, response: SupportedMethods) => void,
  ): void => {
    const method = (service: string, name: string) =>
      new SupportedMethod().setServiceName(service.toLowerCase()).setMethodName(name.toLowerCase());
    const methods = [method(STREAMS_SERVICE, 'Read'), method(STREAMS_SERVICE, 'Append')];
    if (this.options.batchAppend) methods.push(method(STREAMS_SERVICE, 'BatchAppend'));
    methods.push(method(FEATURES_SERVICE, 'GetSupportedMethods'));
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('24.10.0-test'));
  };
}
