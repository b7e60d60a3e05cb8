import { PostgresReadModelStore } from '@tracker/read-models/store/postgres-read-model-store';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { SqliteReadModelStore } from '@tracker/read-models/store/sqlite-read-model-store';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A read-model store for one measurement, and how to close it (dropping what it made on PostgreSQL). */
export interface ScratchReadModels {
  readonly store: ReadModelStore;
  close(): Promise<void>;
}

/**
 * Empty read models for a measurement: SQLite in `dataDir/read-models.db`, as the embedded
 * product lays them out; PostgreSQL in a fresh schema named `prefix_<random>`, dropped on close.
 */
export async function scratchReadModels(
  kind: 'sqlite' | 'postgres',
  options: { dataDir: string; postgresUrl: string; prefix: string },
): Promise<ScratchReadModels> {
  if (kind === 'sqlite') {
    mkdirSync(options.dataDir, { recursive: true });
    const store = new SqliteReadModelStore(join(options.dataDir, 'read-models.db'));
    return { store, close: () => store.close() };
  }
  const schema = `${options.prefix}_${randomBytes(6).toString('hex')}`;
  const store = new PostgresReadModelStore(options.postgresUrl, { schema });
  await store.exec(`CREATE SCHEMA ${schema}`);
  return {
    store,
    close: async () => {
      await store.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await store.close();
    },
  };
}
