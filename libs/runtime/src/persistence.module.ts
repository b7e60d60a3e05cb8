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
import { createEventStore } from '@tracker/event-store/create-event-store';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { openReadModelDb, READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from './app.config';

/** What this process is: the API (projecting only when `PROJECTIONS=inline`) or the projector worker. */
export type ProcessRole = 'api' | 'projector';

const ROLE = Symbol('ROLE');

/** Starts projections after the app is up and closes the stores last on shutdown. */
@Injectable()
class StoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
    @Inject(ROLE) private readonly role: ProcessRole,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  onApplicationBootstrap(): void {
    if (this.role === 'projector' || this.config.PROJECTIONS === 'inline') this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    this.db.close();
  }
}

/** Event store, read-model database and projection runner, chosen by configuration. */
@Global()
@Module({})
export class PersistenceModule {
  /** Wires the stores for `config`; a projector takes a lease so only one projects at a time. */
  static forRoot(config: AppConfig, role: ProcessRole = 'api'): DynamicModule {
    const file = join(config.DATA_DIR, 'tracker.db');
    const logger = new Logger('projections');
    const holder = `${role}@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    return {
      module: PersistenceModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: ROLE, useValue: role },
        {
          provide: EVENT_STORE,
          useFactory: (): Promise<EventStorePort> =>
            createEventStore({
              kind: config.EVENT_STORE,
              filename: file,
              synchronous: config.SQLITE_SYNCHRONOUS,
              connectionString: config.EVENTSTORE_CONNECTION_STRING,
              connectTimeoutMs: config.EVENTSTORE_CONNECT_TIMEOUT_MS,
            }),
        },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDb(file) },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_MODEL_DB],
          useFactory: (store: EventStorePort, db: Database.Database) =>
            new ProjectionRunner(store, db, ALL_PROJECTIONS, {
              onError: (name, error) => logger.error(`${name}: ${String(error)}`),
              lease:
                role === 'projector' ? { name: 'projector', holder, ttlMs: config.PROJECTOR_LEASE_TTL_MS } : undefined,
              onLeaseChange: (held) =>
                logger.log(`${holder} ${held ? 'holds the lease: projecting' : 'lost the lease: standing by'}`),
            }),
        },
        StoreLifecycle,
      ],
      exports: [AppConfig, EVENT_STORE, READ_MODEL_DB, ProjectionRunner],
    };
  }
}
