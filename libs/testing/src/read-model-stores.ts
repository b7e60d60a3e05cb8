import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PostgresReadModelStore } from '@tracker/read-models/store/postgres-read-model-store';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { SqliteReadModelStore } from '@tracker/read-models/store/sqlite-read-model-store';

/** A fresh, empty read-model store for one suite; `dispose` closes it and removes what it created. */
export interface ReadModelStoreFactory {
  label: string;
  create(): Promise<ReadModelStore & { dispose(): Promise<void> }>;
}

/** The shared test database; `READ_MODEL_TEST_POSTGRES_URL` points the specs elsewhere. */
export const POSTGRES_URL = process.env.READ_MODEL_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Why PostgreSQL cannot be used, or `undefined` when it can. Synchronous (a short-lived child
 * process connects and runs `SELECT 1`) because `describe.each` needs the factory list while
 * Jest collects tests, before anything asynchronous can run.
 */
function postgresProblem(): string | undefined {
  const probe = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: ${JSON.stringify(POSTGRES_URL)}, connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(
      () => process.exit(0),
      (error) => { process.stderr.write(String((error && (error.message || error.code)) || error)); process.exit(1); },
    );`;
  try {
    execFileSync(process.execPath, ['-e', probe], { timeout: 5000, stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error instanceof Error ? error.message : String(error));
  }
}

const sqlite: ReadModelStoreFactory = {
  label: 'SQLite',
  async create() {
    const store = new SqliteReadModelStore(':memory:');
    return Object.assign(store, { dispose: () => store.close() });
  },
};

/** Each store gets its own schema on the shared test database (or on `url`), dropped again by `dispose`. */
const postgres: ReadModelStoreFactory & {
  inDatabase(url: string): Promise<ReadModelStore & { dispose(): Promise<void> }>;
} = {
  label: 'PostgreSQL',
  create: () => postgres.inDatabase(POSTGRES_URL),
  async inDatabase(url) {
    const schema = `rm_test_${randomBytes(6).toString('hex')}`;
    const store = new PostgresReadModelStore(url, { schema, max: 4 });
    try {
      await store.exec(`CREATE SCHEMA ${schema}`);
    } catch (error) {
      await store.close();
      throw error;
    }
    const dispose = async () => {
      try {
        await store.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await store.close();
      }
    };
    return Object.assign(store, { dispose });
  },
};

/** A database whose locale sorts text as people read it (ICU en-US: `b` before `C`, punctuation ignored in ties). */
const EN_US_DATABASE = 'tracker_test_en_us';

/**
 * PostgreSQL on a database with an en-US ICU locale, created on first use: the store must still
 * order text by bytes, as SQLite does. For the read-model store contract suite.
 */
export const POSTGRES_EN_US: ReadModelStoreFactory = {
  label: 'PostgreSQL (en-US locale)',
  async create() {
    const admin = new PostgresReadModelStore(POSTGRES_URL, { max: 1 });
    try {
      const exists = await admin.get('SELECT 1 AS found FROM pg_database WHERE datname = @name', {
        name: EN_US_DATABASE,
      });
      if (!exists) {
        await admin
          .exec(
            `CREATE DATABASE ${EN_US_DATABASE} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`,
          )
          // Another suite may have created it meanwhile.
          .catch((error: unknown) => {
            if (!/already exists/.test(String(error))) throw error;
          });
      }
    } finally {
      await admin.close();
    }
    return postgres.inDatabase(POSTGRES_URL.replace(/\/[^/?]*(\?|$)/, `/${EN_US_DATABASE}$1`));
  },
};

function postgresFactories(): ReadModelStoreFactory[] {
  const problem = postgresProblem();
  if (!problem) return [postgres];
  const message = `PostgreSQL unreachable at ${POSTGRES_URL} (${problem})`;
  if (process.env.CI === 'true') {
    // In CI a missing database is a broken pipeline, not a reason to test less.
    return [
      {
        label: postgres.label,
        create: () => Promise.reject(new Error(`${message}: the PostgreSQL read-model specs cannot run`)),
      },
    ];
  }
  console.warn(`${message}: skipping PostgreSQL read-model specs`);
  return [];
}

/**
 * The stores every read-model spec runs against, for `describe.each(READ_MODEL_STORE_FACTORIES)`:
 * in-memory SQLite always; PostgreSQL (127.0.0.1:5432, database `test`, unless
 * `READ_MODEL_TEST_POSTGRES_URL` says otherwise) when reachable, and required when `CI=true`.
 */
export const READ_MODEL_STORE_FACTORIES: ReadModelStoreFactory[] = [sqlite, ...postgresFactories()];

/** The environment that points an API at one kind of read-model store, and how to remove what it created. */
export interface ApiReadModelStore {
  label: string;
  setup(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

/**
 * For e2e suites: read models on the embedded SQLite file, and on PostgreSQL in a schema of
 * their own (`search_path` in `DATABASE_URL`), dropped by `cleanup`.
 */
export const API_READ_MODEL_STORES: ApiReadModelStore[] = [
  { label: 'SQLite', setup: async () => ({ env: {}, cleanup: async () => undefined }) },
  ...READ_MODEL_STORE_FACTORIES.filter((f) => f.label === postgres.label).map(() => ({
    label: postgres.label,
    async setup() {
      const schema = `rm_e2e_${randomBytes(5).toString('hex')}`;
      const admin = new PostgresReadModelStore(POSTGRES_URL, { max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const url = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      return {
        env: { READ_MODEL_STORE: 'postgres', DATABASE_URL: url },
        cleanup: async () => {
          await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  })),
];
