import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import {
  EVENT_STORE_OBSERVER,
  type EventStoreObserver,
  InstrumentedEventStore,
} from '@tracker/event-store/instrumented-event-store';
import { ProjectionRunner, type ProjectionRunnerOptions } from '@tracker/read-models/projection-runner';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { ReadModels } from '@tracker/read-models/read-models';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppConfig } from './app.config';
import { ThreadedProjectionRunner } from './projection-thread';
import { openEventStore, openKeyStore, openReadModelStore } from './stores';

/** What this process is: the API (projecting unless `PROJECTIONS=off`), the projector worker, or a CLI command. */
export type ProcessRole = 'api' | 'projector' | 'cli';

const ROLE = Symbol('ROLE');

/** The store the API keeps idempotency keys in (see `openKeyStore`). */
export const KEY_STORE = Symbol('KEY_STORE');

/** Starts projections after the app is up and closes the stores last on shutdown. */
@Injectable()
class StoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
    @Inject(ROLE) private readonly role: ProcessRole,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_STORE) private readonly db: ReadModelStore,
    @Inject(KEY_STORE) private readonly keys: ReadModelStore,
  ) {}

  onApplicationBootstrap(): void {
    if (this.role === 'projector' || (this.role === 'api' && this.config.PROJECTIONS !== 'off')) this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    if (this.keys !== this.db) await this.keys.close();
    await this.db.close();
  }
}

/** Event store, read-model store and projection runner, chosen by configuration. */
@Global()
@Module({})
export class PersistenceModule {
  /** Wires the stores for `config`; a projector takes a lease so only one projects at a time. */
  static forRoot(config: AppConfig, role: ProcessRole = 'api'): DynamicModule {
    const logger = new Logger('projections');
    const holder = `${role}@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    return {
      module: PersistenceModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: ROLE, useValue: role },
        {
          provide: EVENT_STORE,
          // Counted when the process has metrics (the API's ObservabilityModule); plain otherwise (CLI, projector).
          inject: [{ token: EVENT_STORE_OBSERVER, optional: true }],
          useFactory: async (observer?: EventStoreObserver): Promise<EventStorePort> => {
            const store = await openEventStore(config);
            return observer ? new InstrumentedEventStore(store, observer, config.EVENT_STORE) : store;
          },
        },
        {
          provide: READ_MODEL_STORE,
          useFactory: (): ReadModelStore => openReadModelStore(config),
        },
        {
          provide: KEY_STORE,
          inject: [READ_MODEL_STORE],
          // The projector takes no requests, so it keeps no keys and opens nothing for them.
          useFactory: (db: ReadModelStore) => (role === 'projector' ? db : openKeyStore(config, db)),
        },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_MODEL_STORE],
          useFactory: async (store: EventStorePort, db: ReadModelStore) => {
            const reports: ProjectionRunnerOptions = {
              onError: (name, error) => logger.error(`${name}: ${String(error)}`),
              onSwitch: (name, generation) => logger.log(`${name}: generation ${generation} is now active`),
              quarantine: { maxAttempts: config.PROJECTION_MAX_ATTEMPTS },
            };
            const runner =
              role === 'api' && config.PROJECTIONS === 'thread'
                ? new ThreadedProjectionRunner(config, store, db, reports)
                : new ProjectionRunner(store, db, ALL_PROJECTIONS, {
                    ...reports,
                    lease:
                      role === 'projector'
                        ? { name: 'projector', holder, ttlMs: config.PROJECTOR_LEASE_TTL_MS }
                        : undefined,
                    onLeaseChange: (held) =>
                      logger.log(`${holder} ${held ? 'holds the lease: projecting' : 'lost the lease: standing by'}`),
                  });
            // Registry and first generations are created here: read-model migrations run at startup.
            await runner.init();
            return runner;
          },
        },
        {
          provide: ReadModels,
          inject: [READ_MODEL_STORE],
          useFactory: (db: ReadModelStore) => new ReadModels(db, ALL_PROJECTIONS),
        },
        StoreLifecycle,
      ],
      exports: [AppConfig, EVENT_STORE, READ_MODEL_STORE, KEY_STORE, ProjectionRunner, ReadModels],
    };
  }
}
