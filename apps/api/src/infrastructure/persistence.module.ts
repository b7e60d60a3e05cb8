import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { openReadModelDb, READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { AppConfig } from '../config/app.config';

/** Starts inline projections after the app is up and closes the stores last on shutdown. */
@Injectable()
class StoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.PROJECTIONS === 'inline') this.runner.start();
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
  /** Wires the stores for `config`. */
  static forRoot(config: AppConfig): DynamicModule {
    const file = join(config.DATA_DIR, 'tracker.db');
    const logger = new Logger('projections');
    return {
      module: PersistenceModule,
      providers: [
        { provide: AppConfig, useValue: config },
        {
          provide: EVENT_STORE,
          useFactory: (): EventStorePort =>
            new SqliteEventStore({ filename: file, synchronous: config.SQLITE_SYNCHRONOUS }),
        },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDb(file) },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_MODEL_DB],
          useFactory: (store: EventStorePort, db: Database.Database) =>
            new ProjectionRunner(store, db, ALL_PROJECTIONS, {
              onError: (name, error) => logger.error(`${name}: ${String(error)}`),
            }),
        },
        StoreLifecycle,
      ],
      exports: [AppConfig, EVENT_STORE, READ_MODEL_DB, ProjectionRunner],
    };
  }
}
